/**
 * The control API's people-outside-Graph actions (DESIGN "Control API"): health, Graph API Explorer user tokens,
 * Token Generation page tokens, a password change and Business Integrations — and its own error shape
 * `{error, instructions}` for every mistake.
 */
import { describe, expect } from 'vitest'
import { ControlApiError, type ControlClient } from '../../emulator/index.js'
import { LIMITS } from '../../emulator/facebook/limits.js'
import { get, test, type BaseWorld } from './fixtures.js'

async function failure(promise: Promise<unknown>): Promise<ControlApiError> {
  const err = await promise.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(ControlApiError)
  return err as ControlApiError
}

describe('GET /_emulator/health', () => {
  test('is ok once the emulator is ready', async ({ emulator }) => {
    expect(await emulator.client.health()).toEqual({ status: 'ok' })
  })
})

describe('user tokens, as Graph API Explorer gives them', () => {
  test('are short-lived user tokens with the scopes asked for', async ({ emulator, w }) => {
    const res = await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list', 'pages_messaging'])
    expect(res).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer',
      expires_in: LIMITS.shortLivedUserTokenSeconds.value })
    const perms = await get(emulator, '/me/permissions', res.access_token)
    expect(perms.body.data.map((p: { permission: string }) => p.permission).sort())
      .toEqual(['pages_messaging', 'pages_show_list', 'public_profile'])
  })

  const refusals: [string, number, (c: ControlClient, w: BaseWorld) => Promise<unknown>][] = [
    ['an unknown account', 404, (c, w) => c.userToken('999', w.appId)],
    ['an unknown app', 404, (c, w) => c.userToken(w.ownerId, '999')],
    ['an unknown permission', 400, (c, w) => c.userToken(w.ownerId, w.appId, ['read_minds'])],
  ]
  test.for(refusals)('%s is refused and grants nothing', async ([, status, call], { emulator, w }) => {
    expect((await failure(call(emulator.client, w))).status).toBe(status)
    expect((await emulator.client.businessIntegrations(w.ownerId)).data).toEqual([])
  })

  test('a body of the wrong shape is 400 with instructions', async ({ emulator, w }) => {
    const res = await emulator.fetch(`/_emulator/accounts/${w.ownerId}/user-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: 5 }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: expect.stringContaining('appId'), instructions: expect.any(String) })
  })
})

describe('page tokens, as Token Generation gives them', () => {
  test('never expire and speak for the page', async ({ emulator, w }) => {
    const { access_token: token } = await emulator.client.pageToken(w.appId, w.pageId)
    await emulator.client.advanceClock(LIMITS.longLivedUserTokenSeconds.value * 2)
    expect((await get(emulator, '/me', token)).body).toEqual({ id: w.pageId, name: 'Acme' })
    const debug = await get(emulator, '/debug_token', `${w.appId}|${w.appSecret}`, { input_token: token })
    expect(debug.body.data).toMatchObject({ type: 'PAGE', expires_at: 0, is_valid: true, profile_id: w.pageId })
  })

  test('need an admin of the page', async ({ emulator, w }) => {
    const err = await failure(emulator.client.pageToken(w.appId, w.pageId, w.strangerId))
    expect(err.status).toBe(409)
    expect(err.instructions).toEqual(expect.any(String))
    const orphan = (await emulator.client.addWorld({ pages: [{ name: 'Orphan' }] })).pages[0]!
    expect((await failure(emulator.client.pageToken(w.appId, orphan.id!))).status).toBe(409)
    expect((await failure(emulator.client.pageToken(w.appId, '999'))).status).toBe(404)
  })
})

describe('password change and Business Integrations', () => {
  test('an unknown account is 404 with instructions', async ({ emulator }) => {
    const err = await failure(emulator.client.changePassword('999'))
    expect(err.status).toBe(404)
    expect(err.instructions).toContain('/_emulator/world')
  })

  test('Business Integrations lists what the account allowed, and Remove forgets it', async ({ emulator, w }) => {
    await emulator.client.userToken(w.ownerId, w.appId, ['pages_messaging'])
    expect((await emulator.client.businessIntegrations(w.ownerId)).data).toEqual([{
      appId: w.appId, accountId: w.ownerId, granted: ['public_profile', 'pages_messaging'], declined: [],
      pageIds: [w.pageId],
    }])
    await emulator.client.removeBusinessIntegration(w.ownerId, w.appId)
    expect((await emulator.client.businessIntegrations(w.ownerId)).data).toEqual([])
    expect((await failure(emulator.client.removeBusinessIntegration(w.ownerId, w.appId))).status).toBe(404)
  })
})

describe('unknown control endpoints', () => {
  test('are 404 with instructions', async ({ emulator }) => {
    const res = await emulator.fetch('/_emulator/nothing-here')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: expect.stringContaining('/_emulator/nothing-here'),
      instructions: expect.any(String) })
  })
})
