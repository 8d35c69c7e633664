/**
 * What a hostile test found in the Graph API (issue 14), each finding with its reproduction: parameters nested
 * thousands deep, client input echoed whole into an error's `WWW-Authenticate` header, a `javascript:` URL in a
 * template button, and a credential given twice with different values. Each is refused with a (#100) from the
 * catalogue, journaled, and changes nothing.
 */
import { describe, expect } from 'vitest'
import { expectGraphError, graph, test, type BaseWorld } from '../emulator/fixtures.js'
import type { RunningEmulator } from '../../emulator/index.js'
import { appSecretProof } from '../../emulator/login/access.js'

const pageToken = async (emulator: RunningEmulator, w: BaseWorld) =>
  (await emulator.client.pageToken(w.appId, w.pageId)).access_token
/** The person writes first, so the 24-hour window is open; answers the page token and what the thread shows now. */
async function openThread(emulator: RunningEmulator, w: BaseWorld) {
  await emulator.client.personAction(w.doc.people[0]!.id!, { pageId: w.pageId, type: 'text', text: 'hello' })
  return { page: await pageToken(emulator, w), texts: () => bubbleTexts(emulator, w) }
}
const bubbleTexts = async (emulator: RunningEmulator, w: BaseWorld) =>
  (await emulator.client.thread(w.doc.people[0]!.id!, w.pageId)).bubbles.map((b) => b.text)
const appToken = (w: BaseWorld) => `${w.appId}|${w.appSecret}`

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const json = (method: string, body: string) => ({ method, headers: { 'content-type': 'application/json' }, body })
const psidOf = (w: BaseWorld) => Object.values(w.doc.people[0]!.psids!)[0]!

/** A Send API body the person could receive, with `extra` parameters beside it (as raw JSON text). */
const sendBody = (w: BaseWorld, extra = '') =>
  `{"recipient":{"id":"${psidOf(w)}"},"messaging_type":"RESPONSE","message":{"text":"hi"}${extra}}`

describe('parameters nested thousands deep', () => {
  const DEEP = 5000

  test('a `fields` nested 5,000 deep is a (#100), not a 500, on the three endpoints that read it',
    async ({ emulator, w }) => {
      const page = await pageToken(emulator, w)
      const body = `{"fields":${nested(DEEP)}}`
      const calls = [
        [`/v21.0/me/messenger_profile?access_token=${page}`, 'DELETE'],
        [`/v21.0/${w.appId}/subscriptions?access_token=${encodeURIComponent(appToken(w))}`, 'POST'],
        [`/v21.0/${w.pageId}/subscribed_apps?access_token=${page}`, 'POST'],
      ] as const
      for (const [path, method] of calls) {
        expectGraphError(await graph(emulator, path, json(method, body)),
          { code: 100, message: '(#100) The request body nests deeper than 100 levels' })
      }
    })

  test('the same in a form body and in the query string names the parameter', async ({ emulator, w }) => {
    const page = await pageToken(emulator, w)
    const form = await graph(emulator, `/v21.0/me/messenger_profile?access_token=${page}`,
      { method: 'DELETE', body: new URLSearchParams({ fields: nested(DEEP) }) })
    expectGraphError(form, { code: 100, message: '(#100) Param fields nests deeper than 100 levels' })
    // 1,000 deep in the query: 5,000 would not fit in the 16 KB Node allows a request's head.
    const query = await graph(emulator,
      `/v21.0/me/messenger_profile?access_token=${page}&fields=${encodeURIComponent(nested(1000))}`, { method: 'DELETE' })
    expectGraphError(query, { code: 100, message: '(#100) Param fields nests deeper than 100 levels' })
  })

  test('a send with a deeply nested extra parameter is refused, journaled, and sends nothing', async ({ emulator, w }) => {
    const { page, texts } = await openThread(emulator, w)
    for (const depth of [DEEP, 300_000]) {
      const res = await graph(emulator, `/v21.0/me/messages?access_token=${page}`,
        json('POST', sendBody(w, `,"x":${nested(depth)}`)))
      expectGraphError(res, { code: 100, message: '(#100) The request body nests deeper than 100 levels' })
      const [entry] = (await emulator.client.requests({ limit: 1 })).data
      expect(entry).toMatchObject({ path: '/me/messages', status: 400, fbtraceId: res.body.error.fbtrace_id })
    }
    expect(await texts()).toEqual(['hello'])
    // Nesting up to the bound is still accepted: the same send with 100 levels in all goes through.
    const ok = await graph(emulator, `/v21.0/me/messages?access_token=${page}`,
      json('POST', sendBody(w, `,"x":${nested(99)}`)))
    expect(ok.status).toBe(200)
  })
})

describe('client input quoted in errors', () => {
  test('a 200 KB messaging_type gets a short message and a short WWW-Authenticate header', async ({ emulator, w }) => {
    const { page } = await openThread(emulator, w)
    const huge = 'X'.repeat(200_000)
    const res = await graph(emulator, `/v21.0/me/messages?access_token=${page}`, json('POST',
      JSON.stringify({ recipient: { id: psidOf(w) }, messaging_type: huge, message: { text: 'hi' } })))
    expectGraphError(res, { code: 100, message: /^\(#100\) Param messaging_type must be one of \{.*\} - got "X{200}…"$/ })
    expect(res.headers.get('www-authenticate')!.length).toBeLessThan(400)
    expect(JSON.stringify(res.body).length).toBeLessThan(600)
  })

  test('an unknown 10 KB field name is quoted short, and the catalogue\'s own lists stay whole', async ({ emulator, w }) => {
    const page = await pageToken(emulator, w)
    const res = await graph(emulator, `/v21.0/${w.pageId}?access_token=${page}&fields=${'f'.repeat(10_000)}`)
    expectGraphError(res, { code: 100, message: /^\(#100\) Tried accessing nonexisting field \(f{200}…\) on node type \(Page\)$/ })
    const fields = await graph(emulator, `/v21.0/${w.pageId}/subscribed_apps?access_token=${page}`,
      json('POST', JSON.stringify({ subscribed_fields: ['messages', 'nope'] })))
    // The list of allowed fields is the emulator's own text: it is never cut.
    expect(fields.body.error.message).toMatch(/must be one of \{[^…]*\} - got "nope"$/)
  })
})

describe('URLs a browser would run', () => {
  const button = (url: string) => ({ attachment: { type: 'template', payload: { template_type: 'button', text: 'Go',
    buttons: [{ type: 'web_url', title: 'Open', url }] } } })

  test('a web_url button with javascript: is refused as messenger_profile refuses it', async ({ emulator, w }) => {
    const { page, texts } = await openThread(emulator, w)
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const send = await graph(emulator, `/v21.0/me/messages?access_token=${page}`, json('POST', JSON.stringify({
        recipient: { id: psidOf(w) }, messaging_type: 'RESPONSE', message: button(url) })))
      expectGraphError(send, { code: 100, message: /^\(#100\) Param message\[attachment\]\[payload\]\[buttons\]\[0\]\[url\] must be a valid URL$/ })
      const profile = await graph(emulator, `/v21.0/me/messenger_profile?access_token=${page}`, json('POST',
        JSON.stringify({ get_started: { payload: 'GO' }, persistent_menu: [{ locale: 'default',
          call_to_actions: [{ type: 'web_url', title: 'Open', url }] }] })))
      expectGraphError(profile, { code: 100, message: /must be a valid URL$/ })
    }
    expect(await texts()).toEqual(['hello'])
    const ok = await graph(emulator, `/v21.0/me/messages?access_token=${page}`, json('POST', JSON.stringify({
      recipient: { id: psidOf(w) }, messaging_type: 'RESPONSE', message: button('https://example.com/a?b=c') })))
    expect(ok.status).toBe(200)
  })
})

describe('a credential given twice', () => {
  test('two different appsecret_proofs are refused, even when the last one is right', async ({ emulator }) => {
    const doc = await emulator.client.addWorld({
      apps: [{ name: 'Strict', requireAppSecretProof: true }], accounts: [{ name: 'Dev' }],
    })
    const app = doc.apps[0]!
    const { access_token: token } = await emulator.client.userToken(doc.accounts[0]!.id!, app.id!)
    const right = appSecretProof(token, app.secret!)
    for (const query of [`appsecret_proof=00&appsecret_proof=${right}`, `appsecret_proof=${right}&appsecret_proof=00`]) {
      expectGraphError(await graph(emulator, `/v21.0/me?access_token=${token}&${query}`),
        { code: 100, message: '(#100) Param appsecret_proof was given more than once with different values' })
    }
    // In the query and in the body together.
    expectGraphError(await graph(emulator, `/v21.0/me?access_token=${token}&appsecret_proof=00`,
      { method: 'POST', body: new URLSearchParams({ method: 'get', appsecret_proof: right }) }),
    { code: 100, message: '(#100) Param appsecret_proof was given more than once with different values' })
    // The same value twice is what some SDKs send when they page (huandu/facebook#182): Graph accepts it.
    expect((await graph(emulator, `/v21.0/me?access_token=${token}&appsecret_proof=${right}&appsecret_proof=${right}`))
      .status).toBe(200)
  })

  test('two different access tokens are refused, in the query or across query and body', async ({ emulator, w }) => {
    const page = await pageToken(emulator, w)
    expectGraphError(await graph(emulator, `/v21.0/me?access_token=nope&access_token=${page}`),
      { code: 100, message: '(#100) Param access_token was given more than once with different values' })
    expectGraphError(await graph(emulator, `/v21.0/me?access_token=${page}`,
      json('POST', JSON.stringify({ method: 'get', access_token: 'other' }))),
    { code: 100, message: '(#100) Param access_token was given more than once with different values' })
    expect((await graph(emulator, `/v21.0/me?access_token=${page}&access_token=${page}`)).status).toBe(200)
  })
})
