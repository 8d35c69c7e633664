/**
 * What Graph accepts on the wire (docs §11), one case each: version prefixes, token placements, appsecret_proof,
 * body encodings (JSON, form with JSON-string values, no Content-Type at all, multipart), `?method=` overrides and
 * the token exchange as a form POST.
 */
import { describe, expect } from 'vitest'
import { request } from 'node:http'
import { appSecretProof } from '../../emulator/login/access.js'
import { expectGraphError, get, graph, test, type BaseWorld, type GraphResponse } from './fixtures.js'
import type { RunningEmulator } from '../../emulator/index.js'

async function userToken(emulator: RunningEmulator, w: BaseWorld): Promise<string> {
  return (await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list', 'pages_messaging'])).access_token
}

async function granted(emulator: RunningEmulator, token: string, permission: string): Promise<boolean> {
  const res = await get(emulator, `/me/permissions/${permission}`, token)
  return res.body.data[0]?.status === 'granted'
}

/** A POST whose body has no Content-Type header at all, which fetch cannot send (it adds text/plain). */
function postWithoutContentType(emulator: RunningEmulator, path: string, body: string): Promise<GraphResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = ''
        res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk }).on('end', () => {
          resolve({ status: res.statusCode!, headers: new Headers(res.headers as Record<string, string>), body: JSON.parse(text) })
        })
      })
    req.on('error', reject)
    req.end(body)
  })
}

describe('version prefixes (docs §10, §11)', () => {
  test.for(['/v2.3', '/v6.0', '/v21.0', ''])('%s/me answers the same', async (prefix, { emulator, w }) => {
    const token = await userToken(emulator, w)
    expect((await get(emulator, `${prefix}/me`, token)).body).toEqual({ id: w.ownerId, name: 'Pat Owner' })
  })
})

describe('token placement (docs §0, §11)', () => {
  test('in the query string', async ({ emulator, w }) => {
    expect((await get(emulator, '/me', await userToken(emulator, w))).status).toBe(200)
  })

  test('in a JSON body', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await graph(emulator, '/me/permissions/pages_messaging', {
      method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: token }),
    })
    expect(res.body).toEqual({ success: true })
    expect(await granted(emulator, token, 'pages_messaging')).toBe(false)
  })

  test('in a form body', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await graph(emulator, '/me/permissions/pages_messaging', {
      method: 'DELETE', body: new URLSearchParams({ access_token: token }),
    })
    expect(res.body).toEqual({ success: true })
    expect(await granted(emulator, token, 'pages_messaging')).toBe(false)
  })

  test.for(['Bearer', 'OAuth'])('in Authorization: %s', async (scheme, { emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await graph(emulator, '/me', { headers: { authorization: `${scheme} ${token}` } })
    expect(res.body).toEqual({ id: w.ownerId, name: 'Pat Owner' })
  })

  test('an Authorization header with another scheme carries no token (104)', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    expectGraphError(await graph(emulator, '/me', { headers: { authorization: `Basic ${token}` } }), { code: 104 })
  })
})

describe('appsecret_proof (docs §11)', () => {
  test('a correct proof passes, a wrong one is 100 GraphMethodException', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const proof = appSecretProof(token, w.appSecret)
    expect((await get(emulator, '/me', token, { appsecret_proof: proof })).status).toBe(200)
    expectGraphError(await get(emulator, '/me', token, { appsecret_proof: appSecretProof(token, 'other') }), {
      code: 100, type: 'GraphMethodException', message: 'Invalid appsecret_proof provided in the API argument',
    })
  })

  test('an app with "Require App Secret" refuses calls without a proof', async ({ emulator }) => {
    const doc = await emulator.client.addWorld({
      apps: [{ name: 'Strict', requireAppSecretProof: true }], accounts: [{ name: 'Dev' }],
    })
    const app = doc.apps[0]!
    const { access_token: token } = await emulator.client.userToken(doc.accounts[0]!.id!, app.id!)
    expectGraphError(await get(emulator, '/me', token), { code: 100, type: 'GraphMethodException' })
    expect((await get(emulator, '/me', token, { appsecret_proof: appSecretProof(token, app.secret!) })).status).toBe(200)
  })
})

describe('body encodings (docs §11)', () => {
  test('JSON', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await graph(emulator, '/me', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ access_token: token, method: 'get', fields: ['id', 'first_name'] }),
    })
    expect(res.body).toEqual({ id: w.ownerId, first_name: 'Pat' })
  })

  test('form-encoded with JSON-string values', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await graph(emulator, '/me', {
      method: 'POST', body: new URLSearchParams({ access_token: token, method: 'get', fields: '["id","last_name"]' }),
    })
    expect(res.body).toEqual({ id: w.ownerId, last_name: 'Owner' })
  })

  test('a form body with no Content-Type header', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await postWithoutContentType(emulator, '/me/permissions/pages_messaging',
      new URLSearchParams({ access_token: token, method: 'delete' }).toString())
    expect(res.body).toEqual({ success: true })
    expect(await granted(emulator, token, 'pages_messaging')).toBe(false)
  })

  test('a JSON body with no Content-Type header', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await postWithoutContentType(emulator, '/me', JSON.stringify({ access_token: token, method: 'get' }))
    expect(res.body).toEqual({ id: w.ownerId, name: 'Pat Owner' })
  })

  test('multipart/form-data', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const form = new FormData()
    form.set('access_token', token)
    form.set('method', 'delete')
    form.set('filedata', new Blob(['ignored'], { type: 'text/plain' }), 'note.txt')
    const res = await graph(emulator, '/me/permissions/pages_messaging', { method: 'POST', body: form })
    expect(res.body).toEqual({ success: true })
    expect(await granted(emulator, token, 'pages_messaging')).toBe(false)
  })
})

describe('method override (docs §11)', () => {
  test('POST …?method=delete on /me/permissions removes the app', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    expect((await graph(emulator, `/me/permissions?method=delete&access_token=${token}`, { method: 'POST' })).body)
      .toEqual({ success: true })
    expectGraphError(await get(emulator, '/me', token), { code: 190, subcode: 458 })
  })

  test('POST …?method=get reads', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    expect((await graph(emulator, `/me?method=get&access_token=${token}`, { method: 'POST' })).body)
      .toEqual({ id: w.ownerId, name: 'Pat Owner' })
  })

  test('an unknown method= is (#100)', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    expectGraphError(await graph(emulator, `/me?method=patch&access_token=${token}`, { method: 'POST' }), { code: 100 })
  })
})

describe('/oauth/access_token as a form POST (docs §11)', () => {
  test('client_credentials from a form body', async ({ emulator, w }) => {
    const res = await graph(emulator, '/v2.9/oauth/access_token', {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: w.appId, client_secret: w.appSecret }),
    })
    expect(res.body).toEqual({ access_token: expect.stringMatching(new RegExp(`^${w.appId}\\|`)), token_type: 'bearer' })
  })

  test('fb_exchange_token from a form body without Content-Type', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await postWithoutContentType(emulator, '/oauth/access_token', new URLSearchParams({
      grant_type: 'fb_exchange_token', client_id: w.appId, client_secret: w.appSecret, fb_exchange_token: token,
    }).toString())
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 5183944 })
  })
})
