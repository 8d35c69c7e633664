/**
 * What the Send API's fast path must not change: rows read from the read cache (emulator/world/read-cache.ts) give
 * way to every change the moment it is made, bodies over the limit are refused whether they declare their length or
 * stream in chunked, and Graph answers carry their CORS headers.
 */
import { describe, expect } from 'vitest'
import { send, test, text } from './messaging-world.js'
import { expectGraphError, graph, PASSWORD_CHANGED_MESSAGE } from './fixtures.js'

describe('a warm token and world give way to every change at once', () => {
  test('the owner changes their password: the next send is refused (190/460)', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    expect((await send(emulator, w.token, text(w.sam.psid, 'one'))).status).toBe(200)
    const owner = (await emulator.client.exportWorld()).accounts[0]!.id!
    await emulator.client.changePassword(owner)
    expectGraphError(await send(emulator, w.token, text(w.sam.psid, 'two')),
      { code: 190, subcode: 460, message: PASSWORD_CHANGED_MESSAGE })
  })

  test('the owner removes the app: the next send is refused (190/458)', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    expect((await send(emulator, w.token, text(w.sam.psid, 'one'))).status).toBe(200)
    const owner = (await emulator.client.exportWorld()).accounts[0]!.id!
    await emulator.client.removeBusinessIntegration(owner, w.appId)
    expectGraphError(await send(emulator, w.token, text(w.sam.psid, 'two')), { code: 190, subcode: 458 })
  })

  test('a fault switched on answers the next send; switched off, the one after succeeds', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    expect((await send(emulator, w.token, text(w.sam.psid, 'one'))).status).toBe(200)
    await emulator.client.setFaults('app', w.appId, { rateLimit: true })
    expectGraphError(await send(emulator, w.token, text(w.sam.psid, 'two')), { code: 613 })
    await emulator.client.setFaults('app', w.appId, {})
    expect((await send(emulator, w.token, text(w.sam.psid, 'three'))).status).toBe(200)
  })

  test("the app's webhook fields change: the next send queues only what it still subscribes to",
    async ({ emulator, w }) => {
      await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
      const fieldsOf = async () => (await emulator.client.deliveries({ appId: w.appId })).data.map((d) => d.field)
      expect((await send(emulator, w.token, text(w.sam.psid, 'one'))).status).toBe(200)
      expect(await fieldsOf()).toEqual(['messages', 'message_echoes', 'message_deliveries'])
      await emulator.client.setWebhookFields(w.appId, ['messages', 'message_echoes'])
      expect((await send(emulator, w.token, text(w.sam.psid, 'two'))).status).toBe(200)
      expect(await fieldsOf()).toEqual(['messages', 'message_echoes', 'message_deliveries', 'message_echoes'])
    })
})

/** A body sent with `Transfer-Encoding: chunked` (no Content-Length), as a stream of `chunks` strings. */
function chunked(chunks: string[]): { body: ReadableStream<Uint8Array>; duplex: 'half' } {
  const encoder = new TextEncoder()
  return {
    body: new ReadableStream({
      start(controller) {
        for (const c of chunks) controller.enqueue(encoder.encode(c))
        controller.close()
      },
    }),
    duplex: 'half',
  }
}

describe('request bodies', () => {
  test('a chunked body over 1 MB is refused with code 100 and nothing is stored', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const big = JSON.stringify(text(w.sam.psid, 'x'.repeat(1024 * 1024)))
    const res = await graph(emulator, `/v21.0/me/messages?access_token=${w.token}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      ...chunked([big.slice(0, 1000), big.slice(1000)]),
    } as RequestInit)
    expectGraphError(res, { code: 100, message: '(#100) The request body is larger than 1 MB' })
    expect((await emulator.client.thread(w.sam.id, w.pageId)).bubbles.map((b) => b.text)).toEqual(['hi'])
  })

  test('a chunked body under the limit is read like any other', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const body = JSON.stringify(text(w.sam.psid, 'in two chunks'))
    const res = await graph(emulator, `/v21.0/me/messages?access_token=${w.token}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, ...chunked([body.slice(0, 10), body.slice(10)]),
    } as RequestInit)
    expect(res.status).toBe(200)
    const bubbles = (await emulator.client.thread(w.sam.id, w.pageId)).bubbles
    expect(bubbles.map((b) => b.text)).toEqual(['hi', 'in two chunks'])
  })
})

describe('CORS (the JS SDK calls Graph from the browser)', () => {
  const ORIGIN = { origin: 'http://localhost:3000' }

  test('answers and errors carry Access-Control-Allow-Origin and expose trace id and warnings', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const ok = await emulator.fetch(`/v21.0/me/messages?access_token=${w.token}`, {
      method: 'POST', headers: { ...ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(text(w.sam.psid, 'cors')),
    })
    const refused = await emulator.fetch(`/v21.0/me?access_token=nope`, { headers: ORIGIN })
    for (const res of [ok, refused]) {
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-expose-headers')).toBe('x-fb-trace-id,www-authenticate,x-emulator-warning')
      expect(res.headers.get('x-fb-trace-id')).toMatch(/^\S+$/)
    }
    expect([ok.status, refused.status]).toEqual([200, 400])
    expect((await ok.json()).recipient_id).toBe(w.sam.psid)
  })

  test('a preflight is answered with the methods Graph accepts', async ({ emulator }) => {
    const res = await emulator.fetch('/v21.0/me/messages', {
      method: 'OPTIONS',
      headers: { ...ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,DELETE')
  })
})
