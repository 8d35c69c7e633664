/**
 * The Messenger view in a real browser: a person types, taps quick replies, buttons in a carousel, Get Started and the
 * persistent menu, sends an attachment and reads; the business answers through the Send API and the answer appears
 * without a reload. What the person did reaches the thread the control API shows, exactly as a control call would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import { accessibilityProblems, launchBrowser, screenshot } from './browser.js'

let emulator: RunningEmulator
let browser: Browser
let page: Page
let ids: { pageId: string; sam: string; samPsid: string; eva: string; newcomer: string; token: string }

beforeAll(async () => {
  // The browser first: without one, nothing else is started that afterAll would have to stop.
  browser = await launchBrowser()
  emulator = await startEmulator({ port: 0, db: ':memory:' })
})
afterAll(async () => {
  await browser?.close()
  await emulator?.close()
})

beforeEach(async () => {
  await emulator.client.reset()
  const doc = await emulator.client.addWorld({
    apps: [{ name: 'Acme Support' }],
    accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
    people: [
      { firstName: 'Sam', lastName: 'Lee', platform: 'ios' },
      { firstName: 'Eva', lastName: 'Berg', platform: 'web', eea: true },
      { firstName: 'Noor', lastName: 'New', platform: 'android' },
    ],
  })
  const pageId = doc.pages[0]!.id!
  const { access_token: token } = await emulator.client.pageToken(doc.apps[0]!.id!, pageId)
  // Sam has written before, so the page may answer him.
  const first = await emulator.client.personAction(doc.people[0]!.id!, { type: 'text', pageId, text: 'Hi Acme' })
  ids = { pageId, sam: doc.people[0]!.id!, samPsid: first.psid, eva: doc.people[1]!.id!, newcomer: doc.people[2]!.id!, token }
  page?.close()
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
})

async function sendAsPage(message: unknown, path = '/v21.0/me/messages'): Promise<void> {
  const body = path.endsWith('messages') ? { recipient: { id: ids.samPsid }, messaging_type: 'RESPONSE', message } : message
  const res = await fetch(`${emulator.url}${path}?access_token=${ids.token}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

async function open(personId: string, platform?: string): Promise<void> {
  const q = new URLSearchParams({ page: ids.pageId, person: personId, ...(platform ? { platform } : {}) })
  await page.goto(`${emulator.url}/dashboard/messenger?${q}`)
  // A marker that a reload would lose: live updates must keep it.
  await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true })
}

const stayed = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true)
const bubbles = (from: 'page' | 'person') => page.locator(`#thread .bubble.from-${from}`)

describe('the Messenger view', () => {
  it('shows the business reply without reloading, and a tapped quick reply answers and vanishes', async () => {
    await open(ids.sam)
    await expect.poll(() => page.locator('.phone').getAttribute('data-platform')).toBe('ios')
    await page.fill('#composer-text', 'Where is my order?')
    await page.click('#send')
    await expect.poll(() => bubbles('person').last().textContent()).toContain('Where is my order?')
    await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true })

    await sendAsPage({ text: 'Which order?', quick_replies: [
      { content_type: 'text', title: 'Last one', payload: 'LAST' }, { content_type: 'text', title: 'Older', payload: 'OLD' }] })
    await expect.poll(() => bubbles('page').last().textContent(), { timeout: 5000 }).toContain('Which order?')
    expect(await stayed()).toBe(true)
    await expect.poll(() => page.locator('#quick-replies button').count()).toBe(2)
    await screenshot(page, 'messenger-quick-replies')

    await page.click('#quick-replies button:has-text("Last one")')
    await expect.poll(() => bubbles('person').last().textContent()).toContain('Last one')
    expect(await page.locator('#quick-replies button').count()).toBe(0)
    const thread = await emulator.client.thread(ids.sam, ids.pageId)
    expect(thread.bubbles.at(-1)).toMatchObject({ from: 'person', text: 'Last one', payload: 'LAST' })
    expect(await accessibilityProblems(page)).toEqual([])
  })

  it('renders a generic template as a scrolling carousel whose postback buttons send postbacks', async () => {
    await sendAsPage({ attachment: { type: 'template', payload: { template_type: 'generic', elements: [1, 2, 3].map((n) => ({
      title: `Shoe ${n}`, subtitle: `Size ${40 + n}`, image_url: `http://127.0.0.1:9/shoe-${n}.png`,
      buttons: [{ type: 'postback', title: `Buy shoe ${n}`, payload: `BUY_${n}` },
        { type: 'web_url', title: 'Details', url: `https://shop.example/shoe/${n}` }],
    })) } } })
    await open(ids.sam, 'android')
    const carousel = page.locator('.carousel')
    expect(await carousel.locator('.tcard').count()).toBe(3)
    // Polled: a live update may replace the thread's nodes between finding the carousel and reading its style.
    await expect.poll(() => carousel.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto')
    expect(await carousel.locator('a:has-text("Details")').first().getAttribute('href')).toBe('https://shop.example/shoe/1')
    await screenshot(page, 'messenger-carousel')

    await page.click('button:has-text("Buy shoe 2")')
    await expect.poll(() => bubbles('person').last().textContent()).toContain('Buy shoe 2')
    const thread = await emulator.client.thread(ids.sam, ids.pageId)
    expect(thread.bubbles.at(-1)).toMatchObject({ kind: 'postback', payload: 'BUY_2' })
  })

  it('sends an attachment URL, marks the business message as read and switches platform', async () => {
    await sendAsPage({ text: 'Send us a photo' })
    await open(ids.sam)
    await page.click('#attach summary')
    await page.selectOption('#attachment-type', 'image')
    await page.fill('#attachment-url', 'http://127.0.0.1:9/broken-shoe.png')
    await page.click('#send-attachment')
    await expect.poll(() => bubbles('person').last().locator('img').getAttribute('src'))
      .toBe('http://127.0.0.1:9/broken-shoe.png')

    await page.click('#mark-read')
    await expect.poll(() => bubbles('page').last().getAttribute('data-status')).toBe('read')
    expect(await bubbles('page').last().textContent()).toContain('Seen')

    await page.click('#platform-web')
    await expect.poll(() => page.locator('.phone').getAttribute('data-platform')).toBe('web')
  })

  it('offers Get Started on a new thread and the persistent menu, each a postback', async () => {
    await sendAsPage({ get_started: { payload: 'START' }, persistent_menu: [{ locale: 'default', call_to_actions: [
      { type: 'postback', title: 'Talk to a human', payload: 'HUMAN' }] }] }, '/v21.0/me/messenger_profile')
    await open(ids.newcomer)
    await page.click('#get-started')
    await expect.poll(() => bubbles('person').last().textContent()).toContain('Get Started')
    expect(await page.locator('#get-started').count()).toBe(0)

    await page.click('#persistent-menu summary')
    await page.click('#persistent-menu button:has-text("Talk to a human")')
    await expect.poll(() => bubbles('person').last().textContent()).toContain('Talk to a human')
    const thread = await emulator.client.thread(ids.newcomer, ids.pageId)
    expect(thread.bubbles.map((b) => b.payload)).toEqual(['START', 'HUMAN'])
  })

  it("refuses what the person cannot do with the control API's reason, and changes nothing", async () => {
    await open(ids.eva)
    await page.click('#attach summary')
    await page.selectOption('#attachment-type', 'file')
    await page.fill('#attachment-url', 'http://127.0.0.1:9/contract.pdf')
    await page.click('#send-attachment')
    await expect.poll(() => page.locator('#flash-error').textContent())
      .toContain('cannot send file attachments')
    expect(await bubbles('person').count()).toBe(0)
    expect((await emulator.client.thread(ids.eva, ids.pageId)).bubbles).toEqual([])
  })

  it('escapes what people and businesses write', async () => {
    await emulator.client.personAction(ids.sam, { type: 'text', pageId: ids.pageId, text: '<img src=x onerror="window.pwned=1">' })
    await open(ids.sam)
    expect(await bubbles('person').last().textContent()).toContain('<img src=x')
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
  })
})
