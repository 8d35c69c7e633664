/**
 * Fault switches (DESIGN principle 4): set per app, page or person through the control API or the world document,
 * and what each makes Graph answer: 613 for every call of a rate-limited app or page, 1200 and 551 on sends, added
 * latency. Unknown switches are refused with the list of known ones; the world export round-trips them.
 */
import { describe, expect } from 'vitest'
import { expectGraphError, get, graph, test, type BaseWorld, type GraphResponse } from './fixtures.js'
import type { RunningEmulator } from '../../emulator/index.js'

const RATE_LIMIT = { code: 613, type: 'OAuthException', message: '(#613) Calls to this api have exceeded the rate limit.' }
const THROTTLED = { call_count: 100, total_cputime: 0, total_time: 0 }
/** The Business Use Case usage a page token's throttled call reports (docs §2.3). */
const pageUsage = (res: GraphResponse) => JSON.parse(res.headers.get('x-business-use-case-usage') ?? 'null')

async function setup(emulator: RunningEmulator, w: BaseWorld) {
  const token = (await emulator.client.pageToken(w.appId, w.pageId)).access_token
  const person = w.doc.people[0]!
  return { token, personId: person.id!, psid: person.psids![w.pageId]! }
}

/** The person writes first, so the page's 24-hour window is open; then the page answers. */
async function reply(emulator: RunningEmulator, w: BaseWorld, token: string, personId: string, psid: string) {
  await emulator.client.personAction(personId, { type: 'text', pageId: w.pageId, text: 'hi' })
  return graph(emulator, `/v21.0/me/messages?access_token=${token}`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: 'hello' } }),
  })
}

describe('the control API', () => {
  test('lists the registry, reads and replaces switches per app, page and person', async ({ emulator, w }) => {
    const registry = (await emulator.client.faultSwitches()).data
    expect(registry.map((s) => s.name)).toEqual(['rateLimit', 'temporarySendFailure', 'personUnavailable', 'latencyMs',
      'webhookOutage', 'webhookFieldsBug', 'strict'])
    const { personId } = await setup(emulator, w)
    expect(await emulator.client.faults('person', personId)).toEqual({ scope: 'person', id: personId, faults: {},
      available: ['rateLimit', 'temporarySendFailure', 'personUnavailable'] })
    const set = await emulator.client.setFaults('app', w.appId, { latencyMs: 5, webhookOutage: true })
    expect(set.faults).toEqual({ latencyMs: 5, webhookOutage: true })
    // PUT replaces: what is not given is off.
    expect((await emulator.client.setFaults('app', w.appId, { webhookOutage: true })).faults)
      .toEqual({ webhookOutage: true })
    expect((await emulator.client.faults('app', w.appId)).faults).toEqual({ webhookOutage: true })
  })

  test('an unknown switch, one not settable there, or a bad value is a 400 that changes nothing', async ({ emulator, w }) => {
    await emulator.client.setFaults('page', w.pageId, { rateLimit: false })
    await expect(emulator.client.setFaults('page', w.pageId, { rateLimit: true, slowDown: true } as never))
      .rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Unknown fault switch slowDown for a page; known: rateLimit, temporarySendFailure, latencyMs/) })
    await expect(emulator.client.setFaults('page', w.pageId, { webhookOutage: true } as never))
      .rejects.toMatchObject({ status: 400, message: expect.stringMatching(/webhookOutage/) })
    await expect(emulator.client.setFaults('app', w.appId, { latencyMs: -1 }))
      .rejects.toMatchObject({ status: 400, message: expect.stringMatching(/latencyMs/) })
    expect((await emulator.client.faults('page', w.pageId)).faults).toEqual({ rateLimit: false })
  })

  test('an unknown app, page or person is a 404', async ({ emulator }) => {
    for (const scope of ['app', 'page', 'person'] as const) {
      await expect(emulator.client.faults(scope, '999')).rejects.toMatchObject({ status: 404 })
      await expect(emulator.client.setFaults(scope, '999', {})).rejects.toMatchObject({ status: 404 })
    }
  })
})

describe('the world document', () => {
  test('faults on apps, pages and people are imported and exported', async ({ emulator }) => {
    await emulator.client.reset()
    const doc = await emulator.client.addWorld({
      apps: [{ name: 'A', faults: { webhookFieldsBug: true } }],
      pages: [{ name: 'P', faults: { latencyMs: 10 } }],
      people: [{ firstName: 'S', lastName: 'L', faults: { personUnavailable: true } }],
    })
    expect(doc.apps[0]!.faults).toEqual({ webhookFieldsBug: true })
    const exported = await emulator.client.exportWorld()
    expect(exported.apps[0]!.faults).toEqual({ webhookFieldsBug: true })
    expect(exported.pages[0]!.faults).toEqual({ latencyMs: 10 })
    expect(exported.people[0]!.faults).toEqual({ personUnavailable: true })
    await emulator.client.reset()
    await emulator.client.addWorld(exported)
    expect(await emulator.client.exportWorld()).toEqual(exported)
  })

  test('an unknown switch in a document is refused and nothing is added', async ({ emulator }) => {
    await emulator.client.reset()
    await expect(emulator.client.addWorld({ apps: [{ name: 'A', faults: { chaos: true } as never }] }))
      .rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Unknown fault switch chaos/) })
    expect((await emulator.client.exportWorld()).apps).toEqual([])
  })
})

describe('what Graph answers', () => {
  test('rateLimit on an app: every call of its tokens is 613 (HTTP 400) with its usage headers, journaled with the switch', async ({ emulator, w }) => {
    const { token } = await setup(emulator, w)
    await emulator.client.setFaults('app', w.appId, { rateLimit: true })
    const byPageToken = await get(emulator, '/v21.0/me', token)
    expectGraphError(byPageToken, RATE_LIMIT)
    // A page token counts against the page's Business Use Case limit, an app or user token against the app's.
    expect(pageUsage(byPageToken)).toEqual({ [w.pageId]: [{ type: 'pages', ...THROTTLED, estimated_time_to_regain_access: 0 }] })
    expect(byPageToken.headers.get('x-app-usage')).toBeNull()
    const byAppToken = await get(emulator, `/${w.appId}`, `${w.appId}|${w.appSecret}`)
    expectGraphError(byAppToken, RATE_LIMIT)
    expect(JSON.parse(byAppToken.headers.get('x-app-usage')!)).toEqual(THROTTLED)
    expect(byAppToken.headers.get('x-business-use-case-usage')).toBeNull()
    const [entry] = (await emulator.client.requests({ limit: 1 })).data
    expect(entry).toMatchObject({ status: 400, reason: `fault switch rateLimit on app ${w.appId}` })
    await emulator.client.setFaults('app', w.appId, {})
    expect((await get(emulator, '/me', token)).status).toBe(200)
  })

  test('rateLimit on a page: its page tokens are limited, other pages are not', async ({ emulator, w }) => {
    const { token } = await setup(emulator, w)
    const other = await emulator.client.addWorld({ pages: [{ name: 'Other', admins: [w.ownerId] }] })
    const otherToken = (await emulator.client.pageToken(w.appId, other.pages[0]!.id!)).access_token
    await emulator.client.setFaults('page', w.pageId, { rateLimit: true })
    const limited = await get(emulator, '/me', token)
    expectGraphError(limited, RATE_LIMIT)
    expect(Object.keys(pageUsage(limited))).toEqual([w.pageId])
    const unlimited = await get(emulator, '/me', otherToken)
    expect(unlimited.status).toBe(200)
    expect(unlimited.headers.get('x-business-use-case-usage')).toBeNull()
  })

  test('temporarySendFailure: the Send API answers 1200 with is_transient, and nothing is sent', async ({ emulator, w }) => {
    const { token, personId, psid } = await setup(emulator, w)
    await emulator.client.setFaults('page', w.pageId, { temporarySendFailure: true })
    const res = await reply(emulator, w, token, personId, psid)
    expectGraphError(res, { code: 1200, message: '(#1200) Temporary send message failure. Please try again later.' })
    expect(res.body.error.is_transient).toBe(true)
    const thread = await emulator.client.thread(personId, w.pageId)
    expect(thread.bubbles.filter((b) => b.from === 'page')).toEqual([])
    await emulator.client.setFaults('page', w.pageId, {})
    expect((await reply(emulator, w, token, personId, psid)).status).toBe(200)
  })

  test('personUnavailable: sends to that person answer 551/1545041', async ({ emulator, w }) => {
    const { token, personId, psid } = await setup(emulator, w)
    await emulator.client.setFaults('person', personId, { personUnavailable: true })
    expectGraphError(await reply(emulator, w, token, personId, psid), {
      code: 551, subcode: 1545041, message: "(#551) This person isn't available right now.",
    })
  })

  test('latencyMs delays the answer by at least that long', async ({ emulator, w }) => {
    const { token } = await setup(emulator, w)
    await emulator.client.setFaults('app', w.appId, { latencyMs: 150 })
    const started = performance.now()
    expect((await get(emulator, '/me', token)).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
  })
})
