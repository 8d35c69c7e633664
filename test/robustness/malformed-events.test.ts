/**
 * Signed but malformed Messenger events at the adapter (issue 14): the body is `null`, an entry is `null`, a
 * timestamp is text, the body is not JSON or nests thousands deep. Facebook redelivers anything but a 200 for hours,
 * so each is answered 200, recorded as rejected with the reason, shown by the integration's diagnosis, and logged
 * as a short escaped prefix; the well-formed events of the same body still arrive.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { RunningAdapter } from '../../adapter/index.js'
import type { Logger } from '../../adapter/runtime/context.js'
import { signBody } from '../../adapter/facebook/signature.js'
import {
  adapter, addMessengerIntegration, api, events, FACEBOOK, startReceiver, type Receiver,
} from '../adapter/helpers.js'

const { pageId: PAGE, appSecret: SECRET, psid: PSID } = FACEBOOK
const INTEGRATION = 'bbbbbbbbbbbbbbbbbbbbbbbb'

let a: RunningAdapter
let business: Receiver
const logged: string[] = []
const log: Logger = { info: () => {}, warn: (m) => logged.push(m), error: (m) => logged.push(m) }

beforeAll(async () => {
  a = await adapter({ log })
  addMessengerIntegration(a, INTEGRATION)
  business = await startReceiver()
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom',
    webhooks: [{ target: business.url, triggers: ['conversation:message'] }] })
})
afterAll(async () => {
  await a?.close()
  await business?.close()
})

/** POSTs `raw` signed with the integration's app secret, as Facebook would. */
async function deliver(raw: string) {
  const res = await fetch(`${a.url}/webhooks/messenger/${INTEGRATION}`, { method: 'POST', body: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, SECRET) } })
  return { status: res.status, text: await res.text() }
}

const message = (mid: string, extra: object = {}) =>
  ({ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1458692752478, message: { mid, text: mid }, ...extra })
const body = (...messaging: unknown[]) => JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: 1, messaging }] })

const diagnosis = async () => (await api(a).get(`/v2/apps/{appId}/integrations/${INTEGRATION}/diagnosis`)).body.diagnosis

test('each malformed body is answered 200 and recorded as rejected with its reason', async () => {
  const cases: [string, RegExp][] = [
    ['null', /^body: /],
    ['{"entry":[null]}', /^body\.object: /],
    ['{"object":"page","entry":[null]}', /^entry\[0\]: /],
    [body({ ...message('m_x'), timestamp: 'x' }), /^entry\[0\]\.messaging\[0\]\.timestamp: /],
    ['this is not JSON', /^body: not JSON/],
    [`{"object":"page","entry":${'['.repeat(5000)}${']'.repeat(5000)}}`, /^body: nests deeper than 100 levels/],
  ]
  for (const [raw, reason] of cases) {
    expect(await deliver(raw), raw.slice(0, 40)).toEqual({ status: 200, text: 'EVENT_RECEIVED' })
    const [latest] = (await diagnosis()).rejectedEvents
    expect(latest.reason, raw.slice(0, 40)).toMatch(reason)
    expect(latest.excerpt.length).toBeLessThanOrEqual(201)
  }
  const d = await diagnosis()
  expect(d.rejectedEvents).toHaveLength(cases.length)
  expect(d.checks).toContainEqual({ name: 'webhook_events', status: 'problem',
    detail: expect.stringMatching(/^6 Messenger events rejected in the last 24 hours; the last: body: nests deeper/) })
  expect(d.healthy).toBe(false)
})

test('the well-formed events of a body are processed beside a malformed one', async () => {
  expect(await deliver(body(message('m_good_1'), { sender: null }, message('m_good_2')))).toEqual(
    { status: 200, text: 'EVENT_RECEIVED' })
  await expect.poll(() => events(business).map((e) => e.payload.message.content.text)).toEqual(['m_good_1', 'm_good_2'])
  expect((await diagnosis()).rejectedEvents[0].reason).toMatch(/^entry\[0\]\.messaging\[1\]\.sender: /)
})

test('attacker-sent values reach the log as a short escaped prefix', async () => {
  logged.length = 0
  const forged = `${'x'.repeat(5000)}\n[adapter] forged line\u001b[31m`
  await deliver(JSON.stringify({ object: 'page', entry: [{ id: forged, messaging: [message('m_y')] }] }))
  expect(logged.length).toBeGreaterThan(0)
  for (const line of logged) {
    expect(line).not.toContain('\n')
    expect(line).not.toContain('\u001b')
    expect(line.length).toBeLessThan(300)
  }
})
