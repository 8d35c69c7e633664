/**
 * The request journal (`GET /_emulator/requests`): every Graph call answered, newest first, with the token's app and
 * page, redacted secrets, the error given and why, and the nearest supported path for a path no route serves.
 */
import { describe, expect } from 'vitest'
import { get, graph, test, type BaseWorld } from './fixtures.js'
import type { RunningEmulator } from '../../emulator/index.js'
import { appSecretProof } from '../../emulator/login/access.js'
import { ControlApiError } from '../../emulator/control/client.js'

async function pageToken(emulator: RunningEmulator, w: BaseWorld): Promise<string> {
  return (await emulator.client.pageToken(w.appId, w.pageId)).access_token
}

describe('what is recorded', () => {
  test('a success and a failure, newest first, with app, page, kind, status, error and reason', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    await get(emulator, '/v21.0/me', token)
    await get(emulator, '/me/messenger_profile', token)
    const { data } = await emulator.client.requests({ appId: w.appId })
    expect(data).toHaveLength(2)
    const [failed, ok] = data
    expect(ok).toMatchObject({
      method: 'GET', path: '/me', version: 'v21.0', appId: w.appId, pageId: w.pageId, tokenKind: 'page', status: 200,
      error: null, reason: null, nearestPath: null, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    expect(failed).toMatchObject({
      method: 'GET', path: '/me/messenger_profile', version: null, status: 400,
      error: { code: 100, message: '(#100) The parameter fields is required', type: 'OAuthException' },
      reason: 'paramRequired',
    })
    expect(failed!.fbtraceId).toBe(failed!.error!.fbtrace_id)
  })

  test('tokens, proofs and client secrets never reach the journal', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    const proof = appSecretProof(token, w.appSecret)
    await graph(emulator, `/me?appsecret_proof=${proof}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'get', fields: 'id' }),
    })
    await get(emulator, '/debug_token', `${w.appId}|${w.appSecret}`, { input_token: token })
    await get(emulator, `/${token}`, token)
    const text = JSON.stringify(await emulator.client.requests())
    for (const secret of [token, proof, w.appSecret]) expect(text).not.toContain(secret)
    const { data } = await emulator.client.requests({ limit: 3 })
    expect(data[0]!.path).toBe('/[redacted]')
    expect(data[1]!.params).toMatchObject({ access_token: '[redacted]', input_token: '[redacted]' })
    expect(data[1]!).toMatchObject({ appId: w.appId, tokenKind: 'app' })
    expect(data[2]!).toMatchObject({ method: 'GET', params: { appsecret_proof: '[redacted]', fields: 'id' } })
  })

  test('a refused token still names its app and page, with why it was refused', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    await emulator.client.changePassword(w.ownerId)
    const res = await get(emulator, '/me', token)
    expect(res.body.error.error_subcode).toBe(460)
    const [entry] = (await emulator.client.requests({ pageId: w.pageId, limit: 1 })).data
    expect(entry).toMatchObject({ appId: w.appId, pageId: w.pageId, status: 400, reason: 'tokenPasswordChanged',
      error: { code: 190, error_subcode: 460 } })
  })

  test('an unknown path is answered with Facebook’s error and logged with the nearest supported path', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    const typo = await get(emulator, '/v21.0/me/messenger_profil', token, { fields: 'greeting' })
    expect(typo.body.error).toMatchObject({
      code: 100, message: '(#100) Tried accessing nonexisting field (messenger_profil) on node type (Page)',
    })
    const [entry] = (await emulator.client.requests({ limit: 1 })).data
    expect(entry).toMatchObject({ status: 400, reason: 'nonexistingField', nearestPath: 'GET /{page}/messenger_profile' })

    // The retired Thread Settings API points at its replacement (docs §11).
    const retired = await graph(emulator, `/v2.6/me/thread_settings?access_token=${token}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ setting_type: 'greeting', greeting: { text: 'Hi' } }),
    })
    expect(retired.status).toBe(400)
    expect((await emulator.client.requests({ limit: 1 })).data[0])
      .toMatchObject({ method: 'POST', nearestPath: 'POST /{page}/messenger_profile' })

    // A served path with a wrong id is not a path mistake: no suggestion.
    await get(emulator, '/123456789012345/messenger_profile', token, { fields: 'greeting' })
    expect((await emulator.client.requests({ limit: 1 })).data[0]).toMatchObject({ status: 400, nearestPath: null })
  })
})

describe('filters', () => {
  test('appId, pageId, status and limit', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    const other = await emulator.client.addWorld({ apps: [{ name: 'Other app' }] })
    const otherApp = other.apps[0]!
    await get(emulator, '/me', token)
    await get(emulator, '/me/nothing_here', token)
    await get(emulator, `/${otherApp.id}`, `${otherApp.id}|${otherApp.secret}`)
    const all = (await emulator.client.requests()).data
    expect(all.map((e) => e.status)).toEqual([200, 400, 200])
    expect((await emulator.client.requests({ appId: otherApp.id! })).data).toHaveLength(1)
    expect((await emulator.client.requests({ pageId: w.pageId })).data.map((e) => e.path))
      .toEqual(['/me/nothing_here', '/me'])
    expect((await emulator.client.requests({ status: 400 })).data.map((e) => e.path)).toEqual(['/me/nothing_here'])
    expect((await emulator.client.requests({ limit: 1 })).data).toHaveLength(1)
  })

  test('a bad filter is a 400 that says which', async ({ emulator }) => {
    await expect(emulator.client.requests({ limit: 0 })).rejects.toMatchObject({ status: 400, message: /limit/ })
    await expect(emulator.client.requests({ status: 'oops' as unknown as number }))
      .rejects.toBeInstanceOf(ControlApiError)
  })
})
