/**
 * Bad input, thrown by fast-check at every Graph, control and adapter endpoint that takes a body: malformed JSON,
 * bodies that are not objects, required fields missing or of the wrong type beside unknown extra fields, unicode
 * and oversized payloads. Each answers a 4xx in its service's error shape, stores nothing, and the servers stay up.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { startStack, type Stack } from './stack.js'

let s: Stack
beforeAll(async () => {
  s = await startStack()
})
afterAll(() => s?.close())

/** Everything a bad request could have changed, read through the public APIs. */
async function snapshot() {
  const conversation = await fetch(`${s.adapter.url}/v2/apps/${s.adapter.appId}/conversations/${s.conversationId}/messages`,
    { headers: { authorization: basic() } }).then((r) => r.json())
  return {
    world: await s.emulator.client.exportWorld(),
    deliveries: (await s.emulator.client.deliveries()).data.length,
    thread: await s.emulator.client.thread(s.ids.person, s.ids.page),
    integrations: await fetch(`${s.adapter.url}/v2/apps/${s.adapter.appId}/integrations`,
      { headers: { authorization: basic() } }).then((r) => r.json()),
    conversation,
  }
}

const basic = () => `Basic ${Buffer.from(`${s.adapter.keyId}:${s.adapter.keySecret}`).toString('base64')}`

const WRONG_TYPE = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }), fc.constant(''))
const NOT_A_BOOLEAN = fc.oneof(fc.integer(), fc.string(), fc.constant(null))
const NOT_A_NUMBER = fc.oneof(fc.boolean(), fc.string(), fc.constant(null), fc.array(fc.integer(), { minLength: 1 }))

/**
 * A body that can be nothing valid: `required` is missing or of the wrong type, and unknown fields ride along. Where
 * an empty body is valid (`{}` turns every fault switch off), required fields are only ever of the wrong type.
 */
function badBodies({ required, emptyIsValid, wrongType = WRONG_TYPE }: Endpoint): fc.Arbitrary<string> {
  const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).map((k) => `x_${k}`),
    fc.oneof(fc.jsonValue(), fc.string({ unit: 'grapheme', maxLength: 200 })), { maxKeys: 4 })
  const wrong = fc.tuple(extra, fc.subarray(required, { minLength: 1 }), wrongType)
    .map(([x, keys, value]) => JSON.stringify({ ...x, ...Object.fromEntries(keys.map((k) => [k, value])) }))
  const missing = extra.map((x) => JSON.stringify(x))
  const malformed = fc.string({ unit: 'grapheme', maxLength: 40 }).map((t) => `{${t}`).filter((t) => {
    try { JSON.parse(t); return false } catch { return true }
  })
  const notAnObject = fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.integer(), fc.string(), fc.constant(null))
    .map((v) => JSON.stringify(v))
  return emptyIsValid ? fc.oneof(wrong, malformed, notAnObject) : fc.oneof(wrong, missing, malformed, notAnObject)
}

const OVERSIZED = JSON.stringify({ message: { text: 'é'.repeat(3 * 1024 * 1024) } })

/** `route` names ids as `{app}`, `{page}`, `{person}`, `{account}`, `{adapterApp}`, `{conversation}`, `{integration}`. */
interface Endpoint {
  method: string
  route: string
  required: string[]
  emptyIsValid?: boolean
  /** Values of the wrong type for the required fields (default: numbers, booleans, null, arrays, ''). */
  wrongType?: fc.Arbitrary<unknown>
  headers?: () => Record<string, string>
}

function pathOf(route: string): string {
  const ids: Record<string, string> = {
    ...s.ids, adapterApp: s.adapter.appId, conversation: s.conversationId,
    integration: s.integrationId,
  }
  return route.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!)
}

async function send(base: string, e: Endpoint, body: string) {
  const res = await fetch(`${base}${pathOf(e.route)}`, {
    method: e.method, body, headers: { 'content-type': 'application/json', ...e.headers?.() },
  })
  return { status: res.status, body: await res.json() as any }
}

/** Each property runs few times: the file stays within seconds while every kind of bad body is thrown. */
const RUNS = { numRuns: 12 }

describe('Graph API', () => {
  const token = () => ({ authorization: `Bearer ${s.pageToken}` })
  const endpoints: Endpoint[] = [
    { method: 'POST', route: '/v21.0/me/messages', required: ['recipient', 'message'], headers: token },
    { method: 'POST', route: '/v21.0/me/messenger_profile', required: ['get_started', 'persistent_menu'],
      headers: token },
    { method: 'DELETE', route: '/v21.0/me/messenger_profile', required: ['fields'], headers: token },
    { method: 'POST', route: '/v21.0/me/subscribed_apps', required: ['subscribed_fields'], headers: token },
    { method: 'POST', route: '/v21.0/me/message_attachments', required: ['message'], headers: token },
    { method: 'POST', route: '/v21.0/{app}/subscriptions', required: ['object', 'callback_url', 'fields'],
      headers: () => ({ authorization: `Bearer ${s.ids.app}|${s.ids.appSecret}` }) },
    { method: 'POST', route: '/v21.0/oauth/access_token', required: ['client_id', 'client_secret'] },
  ]

  test.each(endpoints.map((e) => [`${e.method} ${e.route}`, e] as const))(
    '%s: a Graph error, nothing stored', async (_, endpoint) => {
      const before = await snapshot()
      await fc.assert(fc.asyncProperty(badBodies(endpoint), async (body) => {
        const res = await send(s.emulator.url, endpoint, body)
        expect(res.status, body).toBeGreaterThanOrEqual(400)
        expect(res.status, body).toBeLessThan(500)
        expect(res.body.error).toMatchObject({ message: expect.any(String), type: expect.any(String),
          code: expect.any(Number), fbtrace_id: expect.any(String) })
      }), RUNS)
      expect(await snapshot()).toEqual(before)
    })

  test('a JSON body over 1 MB is refused unread with code 100, and the Send API still works', async () => {
    const res = await send(s.emulator.url, endpoints[0]!, OVERSIZED)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 100, message: '(#100) The request body is larger than 1 MB' })
    const ok = await send(s.emulator.url, endpoints[0]!,
      JSON.stringify({ recipient: { id: s.ids.psid }, messaging_type: 'RESPONSE', message: { text: 'still here ✓ 🙂' } }))
    expect(ok.status).toBe(200)
  })
})

describe('control API', () => {
  const endpoints: Endpoint[] = [
    { method: 'POST', route: '/_emulator/world', required: ['apps', 'pages', 'people'], emptyIsValid: true },
    { method: 'POST', route: '/_emulator/clock', required: ['advanceSeconds'], wrongType: NOT_A_NUMBER },
    { method: 'POST', route: '/_emulator/accounts/{account}/user-tokens', required: ['appId'] },
    { method: 'POST', route: '/_emulator/apps/{app}/page-tokens', required: ['pageId'] },
    { method: 'POST', route: '/_emulator/people/{person}/actions', required: ['pageId', 'type'] },
    { method: 'PUT', route: '/_emulator/apps/{app}/faults', required: ['rateLimit'], emptyIsValid: true,
      wrongType: NOT_A_BOOLEAN },
    { method: 'PUT', route: '/_emulator/apps/{app}/webhook/fields', required: ['fields'] },
    { method: 'POST', route: '/_emulator/apps/{app}/webhook/pages', required: ['pageId', 'accountId'] },
    { method: 'POST', route: '/_emulator/apps/{app}/app-review', required: ['feature', 'approved'] },
    { method: 'PATCH', route: '/_emulator/pages/{page}', required: ['eea'], emptyIsValid: true,
      wrongType: NOT_A_BOOLEAN },
  ]

  test.each(endpoints.map((e) => [`${e.method} ${e.route}`, e] as const))(
    '%s: {error, instructions?}, nothing stored', async (_, endpoint) => {
      const before = await snapshot()
      await fc.assert(fc.asyncProperty(badBodies(endpoint), async (body) => {
        const res = await send(s.emulator.url, endpoint, body)
        expect(res.status, body).toBeGreaterThanOrEqual(400)
        expect(res.status, body).toBeLessThan(500)
        expect(res.body, body).toEqual({ error: expect.any(String),
          ...(res.body.instructions === undefined ? {} : { instructions: expect.any(String) }) })
      }), RUNS)
      expect(await snapshot()).toEqual(before)
    })

  test('a body over 5 MB is refused unread with 413', async () => {
    const res = await send(s.emulator.url, endpoints[0]!, JSON.stringify({ apps: [{ name: 'x'.repeat(6 * 1024 * 1024) }] }))
    expect(res.status).toBe(413)
    expect(res.body).toEqual({ error: 'The request body is larger than 5 MB', instructions: expect.any(String) })
    expect((await s.emulator.client.health()).status).toBe('ok')
  })
})

describe('adapter API', () => {
  const auth = () => ({ authorization: basic() })
  const endpoints: Endpoint[] = [
    { method: 'POST', route: '/v2/apps/{adapterApp}/integrations', required: ['type'], headers: auth },
    { method: 'POST', route: '/v2/apps/{adapterApp}/conversations/{conversation}/messages',
      required: ['author', 'content'], headers: auth },
    { method: 'POST', route: '/v2/apps/{adapterApp}/conversations/{conversation}/activity',
      required: ['author', 'type'], headers: auth },
    { method: 'POST', route: '/v2/apps/{adapterApp}/integrations/{integration}/webhooks',
      required: ['target'], headers: auth },
    // The v1.1 API answers its own envelope, `{ error: { code, description } }` (docs/conversations-api.md §18).
    { method: 'PUT', route: '/v1.1/apps/{adapterApp}/menu', required: ['items'], headers: auth },
    { method: 'POST', route: '/v1.1/apps/{adapterApp}/webhooks', required: ['target'], headers: auth },
  ]

  test.each(endpoints.map((e) => [`${e.method} ${e.route}`, e] as const))(
    '%s: v2 {errors:[{code,title}]} or v1.1 {error:{code,description}}, nothing stored', async (_, endpoint) => {
      const before = await snapshot()
      await fc.assert(fc.asyncProperty(badBodies(endpoint), async (body) => {
        const res = await send(s.adapter.url, endpoint, body)
        expect(res.status, body).toBeGreaterThanOrEqual(400)
        expect(res.status, body).toBeLessThan(500)
        if (endpoint.route.startsWith('/v1.1/')) {
          expect(res.body, body).toEqual({ error: { code: expect.any(String), description: expect.any(String) } })
          return
        }
        expect(res.body.errors.length, body).toBeGreaterThan(0)
        for (const e of res.body.errors) expect(e).toEqual({ code: expect.any(String), title: expect.any(String) })
      }), RUNS)
      expect(await snapshot()).toEqual(before)
    })

  test("a body over Sunshine's 100 KB is refused unread with 413 payload_too_large", async () => {
    const res = await send(s.adapter.url, endpoints[1]!, OVERSIZED)
    expect(res.status).toBe(413)
    expect(res.body).toEqual({ errors: [{ code: 'payload_too_large', title: 'The request body is larger than 100 KB' }] })
  })
})

describe('JSON nested thousands deep (issue 14)', () => {
  const deep = (key: string) => `{"${key}":${'['.repeat(5000)}${']'.repeat(5000)}}`
  const refusals = [
    ['Graph', () => s.emulator.url, { method: 'POST', route: '/v21.0/me/messages', required: [],
      headers: () => ({ authorization: `Bearer ${s.pageToken}` }) }, 'message',
    (body: any) => expect(body.error).toMatchObject({ code: 100,
      message: '(#100) The request body nests deeper than 100 levels' })],
    ['control API', () => s.emulator.url, { method: 'POST', route: '/_emulator/world', required: [] }, 'apps',
      (body: any) => expect(body).toEqual({ error: 'The request body nests deeper than 100 levels',
        instructions: expect.any(String) })],
    ['adapter API', () => s.adapter.url, { method: 'POST', required: [],
      route: '/v2/apps/{adapterApp}/conversations/{conversation}/messages', headers: () => ({ authorization: basic() }) },
    'content', (body: any) => expect(body).toEqual({ errors: [{ code: 'bad_request',
      title: 'The request body nests deeper than 100 levels' }] })],
  ] satisfies [string, () => string, Endpoint, string, (body: any) => void][]

  test.each(refusals)('%s: a 400 in its own shape, nothing stored', async (_, base, endpoint, key, check) => {
    const before = await snapshot()
    const res = await send(base(), endpoint, deep(key))
    expect(res.status).toBe(400)
    check(res.body)
    expect(await snapshot()).toEqual(before)
  })
})
