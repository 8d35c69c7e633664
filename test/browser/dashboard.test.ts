/**
 * The developer dashboard in a real browser: the seed guide's "Webhook Events Workaround" clicked through (Edit
 * Events, then subscribing the page as its admin), the webhook log with redelivery, a password change and Business
 * Integrations › Remove, the EEA switch, fault switches, hidden secrets and the accessibility basics of every page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import { postDashboardForm, startAppReceiver, type AppReceiver } from '../emulator/fixtures.js'
import { accessibilityProblems, launchBrowser, screenshot } from './browser.js'

let emulator: RunningEmulator
let receiver: AppReceiver
let browser: Browser
let page: Page
let w: { appId: string; secret: string; pageId: string; owner: string; stranger: string; sam: string }

const WORKAROUND = ['messages', 'messaging_postbacks', 'messaging_optins', 'message_reads', 'messaging_referrals']

beforeAll(async () => {
  // The browser first: without one, nothing else is started that afterAll would have to stop.
  browser = await launchBrowser()
  ;[emulator, receiver] = await Promise.all([startEmulator({ port: 0, db: ':memory:' }), startAppReceiver()])
})
afterAll(async () => {
  await browser?.close()
  await receiver?.close()
  await emulator?.close()
})

beforeEach(async () => {
  await emulator.client.reset()
  receiver.posts.length = 0
  // The state the webhook-fields bug leaves: a webhook without events, and no page subscribed.
  const doc = await emulator.client.addWorld({
    apps: [{ name: 'Acme Support', webhook: { callbackUrl: receiver.url, verifyToken: receiver.verifyToken } }],
    accounts: [{ name: 'Pat Owner' }, { name: 'Kim Stranger' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
    people: [{ firstName: 'Sam', lastName: 'Lee' }],
  })
  w = {
    appId: doc.apps[0]!.id!, secret: doc.apps[0]!.secret!, pageId: doc.pages[0]!.id!, owner: doc.accounts[0]!.id!,
    stranger: doc.accounts[1]!.id!, sam: doc.people[0]!.id!,
  }
  await page?.close()
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
})

const go = (path: string) => page.goto(`${emulator.url}${path}`)
const notice = () => page.locator('#flash-notice').textContent()
const error = () => page.locator('#flash-error').textContent()

describe('the developer dashboard', () => {
  it("shows each app's Valid OAuth Redirect URIs, or that it accepts any", async () => {
    const strict = (await emulator.client.addWorld({ apps: [{ name: 'Strict Shop',
      oauthRedirectUris: ['https://shop.example/cb', 'https://shop.example/cb2?a=<b>'] }] })).apps[0]!.id!
    await go('/dashboard/apps')
    expect(await page.locator(`#redirect-uris-${w.appId}`).textContent()).toBe('none: any http(s) redirect_uri')
    expect(await page.locator(`#redirect-uris-${strict}`).textContent())
      .toBe('https://shop.example/cb, https://shop.example/cb2?a=<b>')
  })

  it("repairs the webhook as the seed guide's workaround does, then logs and redelivers the events", async () => {
    await go('/dashboard/apps')
    expect(await page.isVisible(`#no-events-${w.appId}`)).toBe(true)
    // The secret is hidden until asked for.
    expect(await page.locator(`text=${w.secret}`).isVisible()).toBe(false)
    await page.click(`#show-secret-${w.appId} summary`)
    expect(await page.locator(`text=${w.secret}`).isVisible()).toBe(true)

    await page.click(`#edit-events-${w.appId} summary`)
    for (const f of WORKAROUND) await page.check(`#event-${w.appId}-${f}`)
    await page.click(`#save-events-${w.appId}`)
    expect(await notice()).toBe('Events saved')
    expect((await emulator.client.appWebhook(w.appId)).fields.sort()).toEqual([...WORKAROUND].sort())

    // Only an admin of the page can subscribe it; the control API's refusal is shown and nothing changes.
    await page.selectOption(`#subscribe-as-${w.appId}`, w.stranger)
    await page.click(`#subscribe-${w.appId}`)
    expect(await error()).toContain('is not an admin of page')
    expect((await emulator.client.appWebhook(w.appId)).subscribedPages).toEqual([])
    await page.selectOption(`#subscribe-as-${w.appId}`, w.owner)
    await page.click(`#subscribe-${w.appId}`)
    expect(await notice()).toBe('Page subscribed')
    expect(await page.locator(`#subscribed-pages-${w.appId} li`).getAttribute('data-page-id')).toBe(w.pageId)
    await screenshot(page, 'dashboard-apps')

    await go('/dashboard/webhooks')
    expect(await page.isVisible('#no-deliveries')).toBe(true)
    await emulator.client.personAction(w.sam, { type: 'text', pageId: w.pageId, text: 'Does it work now?' })
    // The log fills in live, without a reload.
    await expect.poll(() => page.locator('#deliveries details[data-status=delivered]').count(), { timeout: 5000 }).toBe(1)
    const delivery = page.locator('#deliveries details').first()
    await delivery.locator('summary').click()
    expect(await delivery.textContent()).toContain('Does it work now?')
    expect(await delivery.textContent()).toContain('x-hub-signature-256: sha256=')
    await screenshot(page, 'dashboard-webhooks')
    await delivery.locator('button:has-text("Redeliver")').click()
    await expect.poll(() => receiver.posts.length, { timeout: 5000 }).toBe(2)
    expect(receiver.posts[1]!.raw).toBe(receiver.posts[0]!.raw)
  })

  it('changes a password and removes an app in Business Integrations', async () => {
    const { access_token: token } = await emulator.client.userToken(w.owner, w.appId, ['pages_show_list'])
    await go('/dashboard/accounts')
    expect(await page.locator(`#integrations-${w.owner} tr[data-app-id="${w.appId}"]`).textContent()).toContain('pages_show_list')
    await page.click(`#change-password-${w.owner}`)
    expect(await notice()).toContain('Password changed')
    const me = await fetch(`${emulator.url}/v21.0/me?access_token=${token}`)
    expect(me.status).toBe(400)
    expect((await me.json() as { error: { error_subcode: number } }).error.error_subcode).toBe(460)

    await page.click(`#remove-${w.owner}-${w.appId}`)
    expect(await notice()).toBe('App removed')
    expect((await emulator.client.businessIntegrations(w.owner)).data).toEqual([])
    expect(await page.locator(`#integrations-${w.owner}`).textContent()).toContain('No app has access')
  })

  it('moves a page into the EEA and switches faults on, refusing invalid values', async () => {
    await go('/dashboard/pages')
    await page.click(`#toggle-eea-${w.pageId}`)
    expect(await page.locator(`#eea-${w.pageId}`).textContent()).toContain('In the EEA')
    expect((await emulator.client.exportWorld()).pages[0]!.eea).toBe(true)

    await go('/dashboard/faults')
    await page.check(`#fault-app-${w.appId}-rateLimit`)
    await page.fill(`#fault-app-${w.appId}-latencyMs`, '5')
    await page.click(`#save-faults-app-${w.appId}`)
    expect(await notice()).toBe('Fault switches saved')
    expect((await emulator.client.faults('app', w.appId)).faults).toEqual({ rateLimit: true, latencyMs: 5 })
    expect(await page.isChecked(`#fault-app-${w.appId}-rateLimit`)).toBe(true)

    // Without the browser's own checks (a plain form post), a negative latency gets the control API's 400.
    const res = await postDashboardForm(emulator, `/dashboard/faults/app/${w.appId}`,
      { latencyMs: '-5', back: '/dashboard/faults' })
    expect(res.status).toBe(303)
    expect(new URL(res.headers.get('location')!, emulator.url).searchParams.get('error')).toMatch(/latencyMs/)
    expect((await emulator.client.faults('app', w.appId)).faults).toEqual({ rateLimit: true, latencyMs: 5 })
  })

  it('never redirects a form to another site', async () => {
    const res = await postDashboardForm(emulator, `/dashboard/pages/${w.pageId}/eea`,
      { eea: 'true', back: '//evil.example/' })
    expect(res.headers.get('location')).toMatch(/^\/dashboard\/pages\?notice=/)
  })

  it.each(['/', '/dashboard/messenger', '/dashboard/apps', '/dashboard/pages', '/dashboard/accounts',
    '/dashboard/faults', '/dashboard/webhooks', '/dashboard/requests'])('%s has labels, landmarks and a skip link', async (path) => {
    await go(path)
    expect(await accessibilityProblems(page)).toEqual([])
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip')
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid')
    await screenshot(page, `page${path.replaceAll('/', '-')}`)
  })
})
