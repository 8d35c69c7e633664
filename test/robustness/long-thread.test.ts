/**
 * A long thread (issue 14: at 100,000 messages the Messenger view drew 32 MB of HTML in 3.5 s). The thread view API
 * and the Messenger view show the newest messages and reach earlier ones a window at a time, by a `before` cursor
 * and a plain "Show earlier messages" link; the dashboard's other lists that grow stay bounded too. No browser:
 * the HTML is read as served.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import { ControlApiError } from '../../emulator/control/client.js'

const MESSAGES = 2000
let emulator: RunningEmulator
let ids: { page: string; person: string }

beforeAll(async () => {
  emulator = await startEmulator()
  const doc = await emulator.client.addWorld({ accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }], people: [{ firstName: 'Sam', lastName: 'Lee' }] })
  ids = { page: doc.pages[0]!.id!, person: doc.people[0]!.id! }
  // 2,000 messages written straight into the world: what a long-lived conversation leaves, without 2,000 requests.
  const { world } = emulator
  world.tx(() => {
    for (let i = 0; i < MESSAGES; i++) {
      world.messages.insert({ mid: `m_${i}`, pageId: ids.page, personId: ids.person, direction: i % 2 ? 'page' : 'person',
        kind: 'message', appId: null, body: { text: `message ${i}` }, messagingType: null, tag: null,
        notificationType: null, createdAt: Date.UTC(2026, 0, 1) + i * 1000 })
    }
  })
})
afterAll(() => emulator?.close())

const texts = (bubbles: { text?: string }[]) => bubbles.map((b) => b.text)

describe('the thread view API', () => {
  test('shows the newest 50 and names the cursor of the earlier ones', async () => {
    const view = await emulator.client.thread(ids.person, ids.page)
    expect(texts(view.bubbles)).toEqual(Array.from({ length: 50 }, (_, i) => `message ${MESSAGES - 50 + i}`))
    expect(view.earlier).toBe(`m_${MESSAGES - 50}`)
  })

  test('pages back to the first message with before and limit, and says when there is nothing earlier', async () => {
    const seen: string[] = []
    let before: string | undefined
    do {
      const view = await emulator.client.thread(ids.person, ids.page, undefined, { limit: 500, ...(before ? { before } : {}) })
      expect(view.bubbles.length).toBeLessThanOrEqual(500)
      seen.unshift(...texts(view.bubbles) as string[])
      before = view.earlier ?? undefined
    } while (before)
    expect(seen).toEqual(Array.from({ length: MESSAGES }, (_, i) => `message ${i}`))
  })

  test('refuses a cursor of another thread and a limit past 500, in the control API\'s error shape', async () => {
    const wrong = await emulator.client.thread(ids.person, ids.page, undefined, { before: 'm_nope' }).catch((e) => e)
    expect(wrong).toBeInstanceOf(ControlApiError)
    expect(wrong).toMatchObject({ status: 404, message: expect.stringContaining('No message m_nope in this thread') })
    const res = await fetch(`${emulator.url}/_emulator/people/${ids.person}/threads/${ids.page}?limit=501`)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: expect.stringContaining('limit'), instructions: expect.any(String) })
  })
})

describe('the Messenger view', () => {
  const view = (query = '') =>
    fetch(`${emulator.url}/dashboard/messenger?page=${ids.page}&person=${ids.person}${query}`).then((r) => r.text())

  test('the HTML of a 2,000-message thread stays small, and "Show earlier messages" is a link that works', async () => {
    const html = await view()
    expect(html.length).toBeLessThan(60_000)
    expect(html).toContain(`message ${MESSAGES - 1}<`)
    expect(html).not.toContain(`message ${MESSAGES - 51}<`)
    const href = html.match(/<a id="show-earlier" href="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&')
    expect(href).toBeDefined()
    const earlier = await fetch(`${emulator.url}${href}`).then((r) => r.text())
    expect(earlier).toContain(`message ${MESSAGES - 51}<`)
    expect(earlier).not.toContain(`message ${MESSAGES - 1}<`)
    expect(earlier).toContain('id="show-newest"')
  })
})

describe('the dashboard\'s lists of pages and people', () => {
  test('show the first 100 and a "Show more" link that works without JavaScript', async () => {
    await emulator.client.addWorld({ accounts: [{ name: 'Many' }],
      pages: Array.from({ length: 250 }, (_, i) => ({ name: `Page ${i}`, admins: ['Many'] })),
      people: Array.from({ length: 250 }, (_, i) => ({ firstName: 'Person', lastName: String(i) })) })
    const get = (path: string) => fetch(`${emulator.url}${path}`).then((r) => r.text())
    const forms = (html: string) => html.match(/<form method="post" action="\/dashboard\/faults\/person\//g)?.length
    const pages = await get('/dashboard/pages')
    expect(pages.match(/data-page-id=/g)).toHaveLength(100)
    expect(pages).toContain('Showing 100 of 251.')
    expect((await get('/dashboard/pages?shown=200')).match(/data-page-id=/g)).toHaveLength(200)
    const faults = await get('/dashboard/faults')
    expect(forms(faults)).toBe(100)
    const more = faults.match(/<p class="muted" id="more-person">.*?<a href="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&')
    expect(forms(await get(more!))).toBe(200)
    const messenger = await get('/dashboard/messenger')
    for (const select of ['pick-page', 'pick-person']) {
      const options = messenger.match(new RegExp(`<select id="${select}"[^]*?</select>`))![0].match(/<option /g)
      expect(options).toHaveLength(100)
    }
  })
})
