/**
 * The adapter's dashboard in a real browser (issue 19): logging in with an API key, the seed's "Using the Dashboard"
 * path (Authenticate → the emulator's real login dialog → page picker → Save), "Choose what you allow" with a
 * permission unticked ending in a broken integration and its fix, a password reset fixed with Reconnect, conversations
 * with delivery states and live updates, the webhook delivery log with redeliver, CSRF and escaping. Screenshots go to
 * test-artifacts/adapter-*.png (the README's are copies of them).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import type { RunningAdapter } from '../../adapter/index.js'
import { accessibilityProblems, launchBrowser, screenshot } from './browser.js'
import { adapter as startTestAdapter, api, startReceiver, type Receiver } from '../adapter/helpers.js'

// Each test is a whole story through two servers and a browser: on a busy CI runner that takes longer than the default.
vi.setConfig({ testTimeout: 60_000 })

let browser: Browser
let emulator: RunningEmulator
let adapter: RunningAdapter
let receiver: Receiver
let context: BrowserContext
let page: Page
let w: { fbAppId: string; fbSecret: string; owner: string; pageId: string; sam: string }

beforeAll(async () => {
  browser = await launchBrowser()
  emulator = await startEmulator({ port: 0, db: ':memory:', webhooks: { pollMs: 20 } })
})
afterAll(async () => {
  await browser?.close()
  await emulator?.close()
})

beforeEach(async () => {
  await emulator.client.reset()
  // The platform's own Facebook app (the one Sunshine registers with Facebook), a page owner, a page, a person.
  const doc = await emulator.client.addWorld({
    apps: [{ name: 'Sunshine Conversations' }],
    accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
    people: [{ firstName: '<b>Sam</b>', lastName: 'Lee' }],
  })
  w = {
    fbAppId: doc.apps[0]!.id!, fbSecret: doc.apps[0]!.secret!, owner: doc.accounts[0]!.id!, pageId: doc.pages[0]!.id!,
    sam: doc.people[0]!.id!,
  }
  adapter = await startTestAdapter({ graphUrl: emulator.url, facebookApp: { id: w.fbAppId, secret: w.fbSecret } })
  receiver = await startReceiver()
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
  page = await context.newPage()
})
afterEach(async () => {
  await context?.close()
  await adapter?.close()
  await receiver?.close()
})

const appBase = () => `${adapter.url}/dashboard/apps/${adapter.appId}`
const notice = () => page.locator('#flash-notice').textContent()
const error = () => page.locator('#flash-error').textContent()

async function logIn(keyId = adapter.keyId, secret = adapter.keySecret): Promise<void> {
  await page.goto(`${adapter.url}/dashboard`)
  await page.fill('#key-id', keyId)
  await page.fill('#key-secret', secret)
  await page.click('#log-in')
}

/** Authenticate → the emulator's login dialog as Pat → (optionally untick permissions) → back at the page picker. */
async function authenticate(untick: string[] = []): Promise<void> {
  await page.click('#authenticate')
  expect(new URL(page.url()).pathname).toBe('/v21.0/dialog/oauth')
  if (await page.isVisible(`#login-${w.owner}`)) await page.click(`#login-${w.owner}`)
  if (untick.length === 0) {
    await page.click('#continue')
  } else {
    await page.click('#choose-what-you-allow')
    for (const p of untick) await page.uncheck(`#permission-${p}`)
    await page.click('#save')
  }
}

/**
 * Reconnect on a status page: the login dialog again (logging in and continuing where it asks; Facebook may ask
 * nothing new), then back at the status page.
 */
async function reconnect(id: string): Promise<void> {
  await page.click('#fix-reconnect')
  await page.waitForLoadState()
  if (await page.isVisible(`#login-${w.owner}`)) await page.click(`#login-${w.owner}`)
  if (await page.isVisible('#continue')) await page.click('#continue')
  await page.waitForURL(`${appBase()}/integrations/${id}**`)
}

/** The whole "Using the Dashboard" path: log in, Authenticate, pick the page, Save. */
async function connect(untick: string[] = []): Promise<string> {
  await logIn()
  await authenticate(untick)
  await page.click('#save')
  return new URL(page.url()).pathname.split('/').pop()!
}

describe('logging in', () => {
  it('takes an app key through the form, refuses a wrong one, and answers scripts with HTTP Basic', async () => {
    await page.goto(`${adapter.url}/dashboard/apps/${adapter.appId}/conversations`)
    expect(new URL(page.url()).pathname).toBe('/dashboard/login')
    expect(await accessibilityProblems(page)).toEqual([])
    await screenshot(page, 'adapter-login')
    await page.fill('#key-id', adapter.keyId)
    await page.fill('#key-secret', 'wrong')
    await page.click('#log-in')
    expect(await error()).toBe('Wrong API key id or secret')
    await page.fill('#key-id', adapter.keyId)
    await page.fill('#key-secret', adapter.keySecret)
    await page.click('#log-in')
    // Back where the browser wanted to go.
    expect(new URL(page.url()).pathname).toBe(`/dashboard/apps/${adapter.appId}/conversations`)

    const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` })
    const ok = await fetch(`${appBase()}/integrations`, { headers: basic(adapter.keyId, adapter.keySecret) })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('id="authenticate"')
    expect((await fetch(`${appBase()}/integrations`, { headers: basic(adapter.keyId, 'nope') })).status).toBe(401)
    // The account key reaches every app; an app key no other (another app is "not found").
    const other = await api(adapter, `Basic ${Buffer.from(`${adapter.accountKeyId}:${adapter.accountKeySecret}`).toString('base64')}`)
      .post('/v2/apps', { displayName: 'Other shop' })
    expect(other.status).toBe(201)
    const otherApp = await fetch(`${adapter.url}/dashboard/apps/${other.body.app.id}/integrations`, {
      headers: basic(adapter.keyId, adapter.keySecret) })
    expect(otherApp.status).toBe(404)
    const asAccount = await fetch(`${adapter.url}/dashboard/apps/${other.body.app.id}/integrations`, {
      headers: basic(adapter.accountKeyId, adapter.accountKeySecret) })
    expect(asAccount.status).toBe(200)
  })

  it('refuses a form without its CSRF token, and changes nothing', async () => {
    await logIn()
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const res = await fetch(`${appBase()}/integrations/messenger/authenticate`, {
      method: 'POST', redirect: 'manual', headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'back=%2Fdashboard',
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('security token is missing or out of date')
    const logout = await fetch(`${adapter.url}/dashboard/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: cookies } })
    expect(logout.status).toBe(403)
    await page.reload()
    expect(await page.isVisible('#authenticate')).toBe(true)
  })
})

describe('connecting Messenger as the seed describes', () => {
  it('Authenticate, the login dialog, the page picker and Save make a healthy integration, as the API would', async () => {
    await logIn()
    expect(await accessibilityProblems(page)).toEqual([])
    await screenshot(page, 'adapter-integrations-empty')
    await page.click('#authenticate')
    const dialog = new URL(page.url())
    expect(dialog.origin).toBe(emulator.url)
    expect(dialog.searchParams.get('client_id')).toBe(w.fbAppId)
    expect(dialog.searchParams.get('redirect_uri')).toBe(`${adapter.url}/dashboard/facebook/callback`)
    expect(dialog.searchParams.get('scope')!.split(',')).toEqual(
      expect.arrayContaining(['pages_messaging', 'pages_manage_metadata', 'pages_show_list', 'public_profile']))
    await page.click(`#login-${w.owner}`)
    await page.click('#continue')

    expect(await page.locator(`label[for="page-${w.pageId}"]`).textContent()).toContain('Acme')
    expect(await page.isVisible('#missing-permissions')).toBe(false)
    expect(await accessibilityProblems(page)).toEqual([])
    await screenshot(page, 'adapter-page-picker')
    await page.click('#save')

    expect(await notice()).toBe('Connected page Acme')
    expect(await page.locator('#integration-status').textContent()).toBe('active')
    expect(await page.locator('#health').textContent()).toBe('Healthy')
    expect(await page.isVisible('#no-findings')).toBe(true)
    await screenshot(page, 'adapter-integration-healthy')

    // Exactly what the Integration API makes: the page subscribed, Get Started set, the app's webhook at the adapter.
    const listed = await api(adapter).get('/v2/apps/{appId}/integrations')
    expect(listed.body.integrations).toMatchObject([{ type: 'messenger', status: 'active', pageId: w.pageId, pageName: 'Acme' }])
    const hook = await emulator.client.appWebhook(w.fbAppId)
    expect(hook.subscribedPages.map((s) => s.pageId)).toEqual([w.pageId])
    expect(hook.callbackUrl).toBe(`${adapter.url}/webhooks/messenger/${listed.body.integrations[0].id}`)
    await emulator.client.personAction(w.sam, { type: 'text', pageId: w.pageId, text: 'Hello' })
    await expect.poll(async () => (await emulator.client.thread(w.sam, w.pageId)).bubbles.length).toBeGreaterThan(0)
  })

  it('a permission unticked under "Choose what you allow" ends broken, with the seed\'s fix that works', async () => {
    const id = await connect(['pages_manage_metadata'])
    // The page picker said so before Save; the status page says it after.
    expect(await notice()).toBe('Saved page Acme, but it is broken: see below')
    expect(await page.locator('#integration-status').textContent()).toBe('error: broken')
    expect(await page.locator('#health').textContent()).toBe('Not healthy')
    const finding = page.locator('#finding-missing_oauth_permissions')
    expect(await finding.locator('h3').textContent()).toBe('Missing OAuth Permissions')
    expect(await finding.locator('ol').textContent()).toContain('Business Integrations')
    expect(await page.locator('#check-permissions').getAttribute('data-status')).toBe('problem')
    expect(await accessibilityProblems(page)).toEqual([])
    await screenshot(page, 'adapter-integration-broken')

    // Reconnecting without revoking: Facebook remembers the choice, the integration stays broken.
    await reconnect(id)
    expect(await error()).toContain('pages_manage_metadata')
    expect(await page.locator('#integration-status').textContent()).toBe('error: broken')

    // The seed's fix: revoke the app in Business Integrations, then connect again granting everything.
    await emulator.client.removeBusinessIntegration(w.owner, w.fbAppId)
    await reconnect(id)
    expect(await notice()).toBe('Reconnected: page Acme has a new page access token')
    expect(await page.locator('#integration-status').textContent()).toBe('active')
    expect(await page.locator('#health').textContent()).toBe('Healthy')
  })

  it('shows the page picker\'s warning before Save when a permission was declined', async () => {
    await logIn()
    await authenticate(['pages_messaging'])
    expect(await page.locator('#missing-permissions h2').textContent()).toContain('pages_messaging')
    expect(await page.locator(`#page-broken-${w.pageId}`).textContent()).toContain('pages_messaging')
  })

  it('a cancelled login changes nothing, and a forged callback is refused', async () => {
    await logIn()
    await page.click('#authenticate')
    await page.click(`#login-${w.owner}`)
    await page.click('#cancel')
    expect(await error()).toContain('Facebook Login was cancelled')
    expect(await page.isVisible('#no-integrations')).toBe(true)
    await page.goto(`${adapter.url}/dashboard/facebook/callback?code=abc&state=forged`)
    expect(await page.locator('h1').textContent()).toBe('Facebook Login not recognised')
  })
})

describe('the status page\'s other fixes', () => {
  it('the webhook-fields bug: Edit Events on Facebook, then "Subscribe the page again"; an unsubscribed page: "Re-create"', async () => {
    await emulator.client.setFaults('app', w.fbAppId, { webhookFieldsBug: true })
    const id = await connect()
    const finding = page.locator('#finding-webhook_fields_bug')
    expect(await finding.locator('ol').textContent()).toContain('Edit Events')
    expect(await page.locator('#health').textContent()).toBe('Not healthy')
    // The developer's part happens on Facebook (the emulator's dashboard); the page's subscription is done from here.
    await emulator.client.setWebhookFields(w.fbAppId,
      ['messages', 'messaging_postbacks', 'messaging_optins', 'message_reads', 'messaging_referrals'])
    await finding.locator('#fix-resubscribe').click()
    expect(await notice()).toBe('Page Acme is subscribed to the app again')
    expect(await page.locator('#health').textContent()).toBe('Healthy')

    // Someone unsubscribes the page on Facebook; re-creating the integration subscribes it again, under a new id.
    const { access_token } = await emulator.client.pageToken(w.fbAppId, w.pageId)
    const removed = await fetch(`${emulator.url}/v21.0/${w.pageId}/subscribed_apps?access_token=${access_token}`, { method: 'DELETE' })
    expect(removed.status).toBe(200)
    await page.reload()
    expect(await page.isVisible('#finding-page_not_subscribed')).toBe(true)
    await page.locator('#finding-page_not_subscribed #fix-recreate').click()
    expect(await notice()).toMatch(/^Integration re-created as [0-9a-f]{24}$/)
    const newId = new URL(page.url()).pathname.split('/').pop()!
    expect(newId).not.toBe(id)
    expect(await page.locator('#health').textContent()).toBe('Healthy')
    const listed = await api(adapter).get('/v2/apps/{appId}/integrations')
    expect(listed.body.integrations.map((i: { id: string }) => i.id)).toEqual([newId])
  })
})

describe('the status page after a password reset', () => {
  it('shows the failed message with Facebook\'s error, and Reconnect replaces the page token', async () => {
    const id = await connect()
    await emulator.client.personAction(w.sam, { type: 'text', pageId: w.pageId, text: 'Hi!' })
    const conversations = await api(adapter).get('/v2/apps/{appId}/conversations?filter[userId]=x')
    expect(conversations.status).toBeLessThan(500)
    await page.goto(`${appBase()}/conversations`)
    const row = page.locator('#conversations tbody tr').first()
    await expect.poll(() => row.textContent()).toContain('Hi!')
    // Escaped: the person's name is text, not markup.
    expect(await row.locator('a').textContent()).toBe('<b>Sam</b> Lee')
    await row.locator('a').click()
    const conversationId = new URL(page.url()).pathname.split('/').pop()!

    await emulator.client.changePassword(w.owner)
    const sent = await api(adapter).post(`/v2/apps/{appId}/conversations/${conversationId}/messages`,
      { author: { type: 'business' }, content: { type: 'text', text: 'Sorry for the wait' } })
    expect(sent.status).toBe(201)
    const state = page.locator(`#state-${sent.body.messages[0].id}`)
    // Live: the page updates itself as the send fails (no reload).
    await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('failed')
    expect(await page.locator(`#message-${sent.body.messages[0].id}`).textContent())
      .toContain('unauthorized: Facebook (#190/460')
    await screenshot(page, 'adapter-conversation')

    await page.goto(`${appBase()}/integrations/${id}`)
    expect(await page.isVisible('#finding-password_reset')).toBe(true)
    await reconnect(id)
    expect(await notice()).toBe('Reconnected: page Acme has a new page access token')
    expect(await page.locator('#health').textContent()).toBe('Healthy')
  })
})

describe('conversations and webhooks', () => {
  it('lists delivery states, updates live, and logs webhook deliveries with their attempts and a redeliver button', async () => {
    const custom = await api(adapter).post('/v2/apps/{appId}/integrations',
      { type: 'custom', webhooks: [{ target: receiver.url, triggers: ['conversation:message'] }] })
    expect(custom.status).toBe(201)
    receiver.plan.push(500)
    await connect()
    await page.goto(`${appBase()}/conversations`)
    expect(await page.isVisible('#no-conversations')).toBe(true)
    await emulator.client.personAction(w.sam, { type: 'text', pageId: w.pageId, text: 'Is it open?' })
    // The list appears without a reload (server-sent events).
    await expect.poll(() => page.locator('#conversations').textContent(), { timeout: 10_000 }).toContain('Is it open?')
    expect(await accessibilityProblems(page)).toEqual([])
    await screenshot(page, 'adapter-conversations')

    await page.click('#conversations tbody a')
    const conversationId = new URL(page.url()).pathname.split('/').pop()!
    const sent = await api(adapter).post(`/v2/apps/{appId}/conversations/${conversationId}/messages`,
      { author: { type: 'business' }, content: { type: 'text', text: 'Yes, until 6' } })
    const state = page.locator(`#state-${sent.body.messages[0].id}`)
    await expect.poll(() => state.textContent(), { timeout: 10_000 }).toMatch(/^(sent|delivered)$/)
    await emulator.client.personAction(w.sam, { type: 'read', pageId: w.pageId })
    await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('read')

    // The first delivery was answered 500, then retried and delivered.
    await expect.poll(() => receiver.acknowledged().length, { timeout: 10_000 }).toBeGreaterThan(0)
    await page.goto(`${appBase()}/webhooks`)
    expect(await page.locator(`#webhook-${custom.body.integration.webhooks[0].id}`).textContent()).toContain('conversation:message')
    const first = page.locator('#delivery-log > details').last()
    await first.locator(':scope > summary').click()
    expect(await first.getAttribute('data-status')).toBe('delivered')
    const attempts = first.locator('table tbody tr')
    expect(await attempts.count()).toBe(2)
    expect(await attempts.nth(0).textContent()).toContain('500')
    expect(await attempts.nth(1).textContent()).toContain('200')
    expect(await first.locator('pre').textContent()).toContain('Is it open?')
    // The secret sent in X-API-Key stays hidden until asked for.
    expect(await first.locator('details.secret code').isVisible()).toBe(false)
    expect(await accessibilityProblems(page)).toEqual([])
    await screenshot(page, 'adapter-webhooks')

    const before = receiver.acknowledged().length
    const seq = (await first.getAttribute('id'))!.replace('delivery-', '')
    await first.locator(`#redeliver-${seq}`).click()
    expect(await notice()).toBe(`Delivery #${seq} queued again`)
    await expect.poll(() => receiver.acknowledged().length, { timeout: 10_000 }).toBe(before + 1)
    const again = receiver.acknowledged().at(-1)!.body
    expect(again.events[0].id).toBe(receiver.acknowledged()[0]!.body.events[0].id)
  })
})
