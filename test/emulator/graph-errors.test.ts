/**
 * Graph's answers to a client's mistakes (docs §2.1, DESIGN principle 6): unknown paths (2500, #100 nonexisting
 * field, 803 alias, 100/33 unsupported request), malformed bodies and parameters — always Facebook's error shape,
 * never a 500.
 */
import { describe, expect } from 'vitest'
import { expectGraphError, graph, test, type ExpectedGraphError } from './fixtures.js'

const json = (body: unknown): RequestInit => ({
  method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
})

describe('unknown paths, as router.ts maps Graph\'s URL space', () => {
  /** `{t}` is the owner's user token, `{page}` the page id. */
  const cases: [string, string, RequestInit, ExpectedGraphError][] = [
    ['an unknown edge reads as a field', '/me/nonsense', {}, {
      code: 100, message: '(#100) Tried accessing nonexisting field (nonsense) on node type (User)' }],
    ['an unknown edge of a page', '/{page}/nonsense', {}, {
      code: 100, message: '(#100) Tried accessing nonexisting field (nonsense) on node type (Page)' }],
    ['a path deeper than any edge', '/me/accounts/extra/more', {}, {
      code: 2500, type: 'OAuthException', message: 'Unknown path components: /extra/more' }],
    ['a name that is no alias', '/acme-support-page', {}, {
      code: 803, message: '(#803) Some of the aliases you requested do not exist: acme-support-page' }],
    ['an id of nothing', '/98765432101234', {}, {
      code: 100, subcode: 33, type: 'GraphMethodException',
      message: /^Unsupported get request\. Object with ID '98765432101234' does not exist/ }],
    ['a method the node does not support', '/{page}', { method: 'DELETE' }, {
      code: 100, subcode: 33, type: 'GraphMethodException', message: /^Unsupported delete request\. Object with ID '\d+'/ }],
    ['POST to the root', '/', { method: 'POST' }, { code: 100, subcode: 33, type: 'GraphMethodException' }],
    ['a method= Graph does not know', '/me?method=patch', { method: 'POST' }, { code: 100, message: '(#100) Unknown method' }],
  ]
  test.for(cases)('%s', async ([, path, init, expected], { emulator, w }) => {
    const token = (await emulator.client.userToken(w.ownerId, w.appId)).access_token
    const url = path.replace('{page}', w.pageId)
    expectGraphError(await graph(emulator, `${url}${url.includes('?') ? '&' : '?'}access_token=${token}`, init), expected)
  })
})

describe('malformed requests are (#100), never 500', () => {
  const cases: [string, string, (t: string) => RequestInit][] = [
    ['malformed JSON', '/me', () => json('{"access_token": ')],
    ['a JSON array body', '/me', () => json('[1, 2]')],
    ['a JSON null body', '/me?method=get', () => json('null')],
    ['access_token as an object', '/me', () => json({ access_token: { value: 'x' }, method: 'get' })],
    ['fields as a number', '/me', (t) => json({ access_token: t, method: 'get', fields: 5 })],
    ['fields as an object', '/me', (t) => json({ access_token: t, method: 'get', fields: { id: true } })],
    ['method as an array', '/me', (t) => json({ access_token: t, method: ['get'] })],
    ['fields as broken JSON in a form', '/me', (t) => ({
      method: 'POST', body: new URLSearchParams({ access_token: t, method: 'get', fields: '["id",' }) })],
    ['a multipart body without a boundary', '/me?method=get', (t) => ({
      method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: `access_token=${t}` })],
    ['a limit that is not a number', '/me/accounts?limit=lots', (t) => ({ headers: { authorization: `Bearer ${t}` } })],
    ['a cursor we never gave', '/me/accounts?after=%%%', (t) => ({ headers: { authorization: `Bearer ${t}` } })],
    ['a field name with a newline', '/me?fields=id,na%0Ame', (t) => ({ headers: { authorization: `Bearer ${t}` } })],
    ['a field name outside Latin-1', '/me?fields=%F0%9F%98%80', (t) => ({ headers: { authorization: `Bearer ${t}` } })],
    ['a broken percent-escape in the query', '/me?fields=%E0%A4%A', (t) => ({ headers: { authorization: `Bearer ${t}` } })],
  ]
  test.for(cases)('%s', async ([, path, init], { emulator, w }) => {
    const token = (await emulator.client.userToken(w.ownerId, w.appId)).access_token
    const res = await graph(emulator, path, init(token))
    expectGraphError(res, { code: 100, type: 'OAuthException', message: /^\(#100\) / })
  })

  test('a broken percent-escape in a path parameter is read as written', async ({ emulator, w }) => {
    const token = (await emulator.client.userToken(w.ownerId, w.appId)).access_token
    const res = await graph(emulator, `/me/permissions/%E0%A4%A?access_token=${token}`)
    expect(res).toMatchObject({ status: 200, body: { data: [] } })
  })

  test('a body key __proto__ is just an unknown parameter', async ({ emulator, w }) => {
    const token = (await emulator.client.userToken(w.ownerId, w.appId)).access_token
    const res = await graph(emulator, '/me', json(`{"__proto__": {"access_token": "${token}", "method": "get"}}`))
    // The token inside it is not taken: no token at all.
    expectGraphError(res, { code: 104 })
  })

  test('a huge limit is capped, not refused', async ({ emulator, w }) => {
    const token = (await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list'])).access_token
    const res = await graph(emulator, `/me/accounts?limit=${'9'.repeat(40)}&access_token=${token}`)
    expect(res.status).toBe(200)
    expect(res.body.data).toHaveLength(1)
  })
})
