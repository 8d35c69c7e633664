/**
 * Tokens as Graph hands them out and judges them (docs §1.2–§1.7, §2.2): the code exchange, long-lived and app
 * tokens, /me, debug_token, and the token errors of the seed's troubleshooting cases (password reset, removed app,
 * expiry, malformed, missing).
 */
import { describe, expect } from 'vitest'
import { LIMITS } from '../../emulator/facebook/limits.js'
import { grant } from '../../emulator/login/grants.js'
import { expectGraphError, get, graph, PASSWORD_CHANGED_MESSAGE, test, type BaseWorld } from './fixtures.js'
import type { RunningEmulator } from '../../emulator/index.js'

const REDIRECT = 'https://acme.example/callback'

/** An authorization code and consent as the login dialog would leave them (the dialog is another module's). */
function code(emulator: RunningEmulator, w: BaseWorld, overrides: { redirectUri?: string; ttl?: number } = {}): string {
  const value = emulator.world.ids.authCode()
  grant(emulator.world, w.appId, w.ownerId, ['public_profile', 'pages_show_list'], [w.pageId])
  emulator.world.tokens.insertCode({
    code: value, appId: w.appId, accountId: w.ownerId, redirectUri: overrides.redirectUri ?? REDIRECT,
    expiresAt: emulator.world.clock.nowSeconds() + (overrides.ttl ?? LIMITS.authCodeSeconds.value), usedAt: null,
  })
  return value
}

function exchange(emulator: RunningEmulator, query: Record<string, string>) {
  return get(emulator, '/v21.0/oauth/access_token', undefined, query)
}

describe('the authorization code exchange (docs §1.2)', () => {
  test('a code becomes a user token of 5183944 seconds, once', async ({ emulator, w }) => {
    const c = code(emulator, w)
    const query = { client_id: w.appId, client_secret: w.appSecret, redirect_uri: REDIRECT, code: c }
    const res = await exchange(emulator, query)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: 5183944 })
    expect((await get(emulator, '/me', res.body.access_token)).body).toEqual({ id: w.ownerId, name: 'Pat Owner' })

    const again = await exchange(emulator, query)
    expectGraphError(again, { code: 100, subcode: 36009, type: 'OAuthException',
      message: 'This authorization code has been used.' })
    expect(again.headers.get('www-authenticate')).toContain('"invalid_code"')
  })

  test.for([
    ['a garbage code', { code: 'not-a-code' }, 100, 'Invalid verification code format.'],
    ['another redirect_uri', { redirect_uri: 'https://evil.example/' }, 100, /redirect_uri is identical/],
    ['a wrong client_secret', { client_secret: '0'.repeat(32) }, 1, 'Error validating client secret.'],
    ['an unknown client_id', { client_id: '999' }, 101, 'Error validating application. Invalid application ID.'],
    ['no code', { code: '' }, 100, '(#100) The parameter code is required'],
    ['no client_secret', { client_secret: '' }, 100, '(#100) The parameter client_secret is required'],
    ['an unknown grant_type', { grant_type: 'password' }, 100, '(#100) Unsupported grant_type: password'],
  ] as const)('%s is refused and leaves the code usable', async ([, change, errCode, message], { emulator, w }) => {
    const c = code(emulator, w)
    const good = { client_id: w.appId, client_secret: w.appSecret, redirect_uri: REDIRECT, code: c }
    expectGraphError(await exchange(emulator, { ...good, ...change }), { code: errCode, type: 'OAuthException', message })
    expect((await exchange(emulator, good)).status).toBe(200)
  })

  test('a code older than 10 minutes has expired', async ({ emulator, w }) => {
    const c = code(emulator, w)
    await emulator.client.advanceClock(LIMITS.authCodeSeconds.value + 1)
    expectGraphError(await exchange(emulator, {
      client_id: w.appId, client_secret: w.appSecret, redirect_uri: REDIRECT, code: c,
    }), { code: 100, subcode: 36007, message: 'This authorization code has expired.' })
  })
})

describe('long-lived and app tokens (docs §1.3, §1.4)', () => {
  test('fb_exchange_token turns a short-lived user token into a 60-day one', async ({ emulator, w }) => {
    const short = await emulator.client.userToken(w.ownerId, w.appId)
    expect(short.expires_in).toBe(LIMITS.shortLivedUserTokenSeconds.value)
    const res = await exchange(emulator, {
      grant_type: 'fb_exchange_token', client_id: w.appId, client_secret: w.appSecret,
      fb_exchange_token: short.access_token,
    })
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: 5183944 })
    // Still valid when the short-lived one has long expired.
    await emulator.client.advanceClock(LIMITS.shortLivedUserTokenSeconds.value + 60)
    expect((await get(emulator, '/me', res.body.access_token)).status).toBe(200)
  })

  test('fb_exchange_token refuses a token of another app or a garbage one', async ({ emulator, w }) => {
    const other = (await emulator.client.addWorld({ apps: [{ name: 'Other' }] })).apps[0]!
    const theirs = await emulator.client.userToken(w.ownerId, other.id!)
    const base = { grant_type: 'fb_exchange_token', client_id: w.appId, client_secret: w.appSecret }
    expectGraphError(await exchange(emulator, { ...base, fb_exchange_token: theirs.access_token }), { code: 190 })
    expectGraphError(await exchange(emulator, { ...base, fb_exchange_token: 'garbage' }), { code: 190 })
    expectGraphError(await exchange(emulator, base), { code: 100, message: /fb_exchange_token is required/ })
  })

  test('client_credentials gives {app-id}|… that never expires; APPID|SECRET works too', async ({ emulator, w }) => {
    const res = await exchange(emulator, { grant_type: 'client_credentials', client_id: w.appId, client_secret: w.appSecret })
    expect(res.body).toEqual({ access_token: expect.stringMatching(new RegExp(`^${w.appId}\\|`)), token_type: 'bearer' })
    for (const token of [res.body.access_token as string, `${w.appId}|${w.appSecret}`]) {
      const debug = await get(emulator, '/debug_token', token, { input_token: token })
      expect(debug.body.data).toMatchObject({ app_id: w.appId, type: 'APP', is_valid: true, expires_at: 0 })
    }
    expectGraphError(await get(emulator, '/debug_token', `${w.appId}|${'f'.repeat(32)}`, { input_token: 'x' }),
      { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' })
  })
})

describe('/me (docs §1.6)', () => {
  test('a user token is the account, a page token the page, an app token no one (2500)', async ({ emulator, w }) => {
    const user = await emulator.client.userToken(w.ownerId, w.appId)
    const page = await emulator.client.pageToken(w.appId, w.pageId)
    expect((await get(emulator, '/me', user.access_token)).body).toEqual({ id: w.ownerId, name: 'Pat Owner' })
    expect((await get(emulator, '/me', user.access_token, { fields: 'first_name,last_name' })).body)
      .toEqual({ id: w.ownerId, first_name: 'Pat', last_name: 'Owner' })
    expect((await get(emulator, '/me', page.access_token)).body).toEqual({ id: w.pageId, name: 'Acme' })
    expectGraphError(await get(emulator, '/me', `${w.appId}|${w.appSecret}`), {
      code: 2500, type: 'OAuthException',
      message: 'An active access token must be used to query information about the current user.',
    })
  })

  test('a field the node does not have is (#100) nonexisting field', async ({ emulator, w }) => {
    const user = await emulator.client.userToken(w.ownerId, w.appId)
    expectGraphError(await get(emulator, '/me', user.access_token, { fields: 'id,shoe_size' }), {
      code: 100, message: '(#100) Tried accessing nonexisting field (shoe_size) on node type (User)',
    })
  })
})

describe('/me/permissions (docs §1.6)', () => {
  test('lists grants, reads one, revokes one, and DELETE removes the app', async ({ emulator, w }) => {
    const { access_token: token } = await emulator.client.userToken(w.ownerId, w.appId,
      ['pages_show_list', 'pages_messaging'])
    const list = await get(emulator, '/me/permissions', token)
    expect(list.body.data).toEqual(expect.arrayContaining([
      { permission: 'public_profile', status: 'granted' }, { permission: 'pages_messaging', status: 'granted' },
    ]))
    expect((await get(emulator, '/me/permissions/pages_messaging', token)).body)
      .toEqual({ data: [{ permission: 'pages_messaging', status: 'granted' }] })
    expect((await get(emulator, '/me/permissions/email', token)).body).toEqual({ data: [] })

    expect((await graph(emulator, `/me/permissions/pages_messaging?access_token=${token}`, { method: 'DELETE' })).body)
      .toEqual({ success: true })
    expect((await get(emulator, '/me/permissions/pages_messaging', token)).body)
      .toEqual({ data: [{ permission: 'pages_messaging', status: 'declined' }] })

    expect((await graph(emulator, `/me/permissions?access_token=${token}`, { method: 'DELETE' })).body)
      .toEqual({ success: true })
    expectGraphError(await get(emulator, '/me', token), {
      code: 190, subcode: 458, message: `Error validating access token: The user has not authorized application ${w.appId}.`,
    })
  })

  test('a page token has no /me/permissions; another account\'s permissions are not readable', async ({ emulator, w }) => {
    const page = await emulator.client.pageToken(w.appId, w.pageId)
    expectGraphError(await get(emulator, '/me/permissions', page.access_token), { code: 100 })
    const user = await emulator.client.userToken(w.ownerId, w.appId)
    expectGraphError(await get(emulator, `/${w.strangerId}/permissions`, user.access_token), { status: 403, code: 200 })
  })
})

describe('/debug_token (docs §1.7)', () => {
  test('describes a valid user and page token', async ({ emulator, w }) => {
    const app = `${w.appId}|${w.appSecret}`
    const user = await emulator.client.userToken(w.ownerId, w.appId, ['pages_messaging'])
    const now = emulator.world.clock.nowSeconds()
    expect((await get(emulator, '/debug_token', app, { input_token: user.access_token })).body.data).toMatchObject({
      app_id: w.appId, type: 'USER', application: 'Acme Support', is_valid: true, user_id: w.ownerId,
      expires_at: expect.closeTo(now + LIMITS.shortLivedUserTokenSeconds.value, 2), issued_at: expect.closeTo(now, 2),
      scopes: expect.arrayContaining(['public_profile', 'pages_messaging']),
      granular_scopes: expect.arrayContaining([{ scope: 'pages_messaging', target_ids: [w.pageId] }]),
    })
    const page = await emulator.client.pageToken(w.appId, w.pageId)
    expect((await get(emulator, '/debug_token', app, { input_token: page.access_token })).body.data).toMatchObject({
      type: 'PAGE', is_valid: true, expires_at: 0, profile_id: w.pageId, user_id: w.ownerId,
    })
  })

  test('an invalid token is HTTP 200, is_valid false, with the error (subcode, not error_subcode)', async ({ emulator, w }) => {
    const app = `${w.appId}|${w.appSecret}`
    const garbage = await get(emulator, '/debug_token', app, { input_token: 'garbage' })
    expect(garbage.status).toBe(200)
    expect(garbage.body.data).toMatchObject({ is_valid: false, error: { code: 190 } })
    expect(garbage.body.data.error).not.toHaveProperty('subcode')

    const user = await emulator.client.userToken(w.ownerId, w.appId)
    await emulator.client.advanceClock(LIMITS.shortLivedUserTokenSeconds.value + 1)
    const expired = await get(emulator, '/debug_token', app, { input_token: user.access_token })
    expect(expired.body.data).toMatchObject({
      app_id: w.appId, is_valid: false, error: { code: 190, subcode: 463, message: expect.stringContaining('expired') },
    })
  })

  test('another app\'s token, or no input_token, is (#100)', async ({ emulator, w }) => {
    const other = (await emulator.client.addWorld({ apps: [{ name: 'Other' }] })).apps[0]!
    const user = await emulator.client.userToken(w.ownerId, w.appId)
    expectGraphError(await get(emulator, '/debug_token', `${other.id}|${other.secret}`, { input_token: user.access_token }),
      { code: 100, message: '(#100) The App_id in the input_token did not match the Viewing App' })
    expectGraphError(await get(emulator, '/debug_token', user.access_token),
      { code: 100, message: '(#100) The parameter input_token is required' })
  })
})

describe('the password reset of the seed\'s troubleshooting section', () => {
  test('every user and page token of the account answers 190/460; a new login works', async ({ emulator, w }) => {
    const user = await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list', 'pages_messaging'])
    const generated = await emulator.client.pageToken(w.appId, w.pageId)
    const derived = (await get(emulator, '/me/accounts', user.access_token)).body.data[0].access_token as string
    const long = (await exchange(emulator, { grant_type: 'fb_exchange_token', client_id: w.appId,
      client_secret: w.appSecret, fb_exchange_token: user.access_token })).body.access_token as string
    const tokens = [user.access_token, generated.access_token, derived, long]
    for (const t of tokens) expect((await get(emulator, '/me', t)).status).toBe(200)

    await emulator.client.changePassword(w.ownerId)
    for (const t of tokens) {
      const res = await get(emulator, '/me', t)
      expectGraphError(res, { status: 400, code: 190, subcode: 460, type: 'OAuthException', message: PASSWORD_CHANGED_MESSAGE })
      expect(res.headers.get('www-authenticate')).toBe(
        `OAuth "Facebook Platform" "invalid_token" "${PASSWORD_CHANGED_MESSAGE}"`)
      const debug = await get(emulator, '/debug_token', `${w.appId}|${w.appSecret}`, { input_token: t })
      expect(debug.body.data).toMatchObject({
        is_valid: false, error: { code: 190, subcode: 460, message: PASSWORD_CHANGED_MESSAGE },
      })
    }

    const fresh = await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list'])
    expect((await get(emulator, '/me', fresh.access_token)).status).toBe(200)
    const page = (await get(emulator, '/me/accounts', fresh.access_token)).body.data[0].access_token as string
    expect(page).not.toBe(derived)
    expect((await get(emulator, '/me', page)).body).toEqual({ id: w.pageId, name: 'Acme' })
  })

  test('another account\'s tokens are untouched', async ({ emulator, w }) => {
    const strangers = await emulator.client.userToken(w.strangerId, w.appId)
    await emulator.client.changePassword(w.ownerId)
    expect((await get(emulator, '/me', strangers.access_token)).status).toBe(200)
  })
})

describe('removing the app (missing permissions, the seed\'s troubleshooting section)', () => {
  test('Business Integrations › Remove kills user and page tokens with 190/458', async ({ emulator, w }) => {
    const user = await emulator.client.userToken(w.ownerId, w.appId)
    const page = await emulator.client.pageToken(w.appId, w.pageId)
    await emulator.client.removeBusinessIntegration(w.ownerId, w.appId)
    for (const t of [user.access_token, page.access_token]) {
      expectGraphError(await get(emulator, '/me', t), { code: 190, subcode: 458, type: 'OAuthException',
        message: `Error validating access token: The user has not authorized application ${w.appId}.` })
    }
    expect((await emulator.client.businessIntegrations(w.ownerId)).data).toEqual([])
    // A new login starts afresh and works; the old tokens stay dead.
    const fresh = await emulator.client.userToken(w.ownerId, w.appId)
    expect((await get(emulator, '/me', fresh.access_token)).status).toBe(200)
    expectGraphError(await get(emulator, '/me', user.access_token), { code: 190, subcode: 458 })
  })
})

describe('expired, malformed and missing tokens (docs §2.2)', () => {
  test('a short-lived token is dead 2h+1s later: 190/463 with Facebook\'s date format', async ({ emulator, w }) => {
    const user = await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list'])
    const derived = (await get(emulator, '/me/accounts', user.access_token)).body.data[0].access_token as string
    await emulator.client.advanceClock(LIMITS.shortLivedUserTokenSeconds.value - 5)
    expect((await get(emulator, '/me', user.access_token)).status).toBe(200)
    await emulator.client.advanceClock(6)
    const date = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-[A-Z][a-z]{2}-\\d{2} ' +
      '\\d{2}:\\d{2}:\\d{2} P[SD]T'
    const message = new RegExp(`^Error validating access token: Session has expired on ${date}\\. ` +
      `The current time is ${date}\\.$`)
    // A page token derived from a short-lived user token dies with it (docs §1.5).
    for (const t of [user.access_token, derived]) {
      expectGraphError(await get(emulator, '/me', t), { code: 190, subcode: 463, type: 'OAuthException', message })
    }
  })

  test.for([
    ['garbage', 'garbage'], ['an EAA token never issued', 'EAAnever'], ['an app id with no secret', '123|'],
  ] as const)('%s is 190 "Cannot parse access token"', async ([, token], { emulator }) => {
    const res = await get(emulator, '/me', token)
    expectGraphError(res, { code: 190, type: 'OAuthException', message: 'Invalid OAuth access token - Cannot parse access token' })
    expect(res.headers.get('www-authenticate')).toContain('"invalid_token"')
  })

  test('no token at all is 104', async ({ emulator, w }) => {
    expectGraphError(await get(emulator, `/${w.pageId}`), {
      code: 104, type: 'OAuthException', message: 'An access token is required to request this resource.',
    })
  })
})
