/**
 * Webhook subscriptions (docs §5): `/{app-id}/subscriptions` with its verification request, `/{page-id}/subscribed_apps`
 * with its permissions, and both in the world document. Verification goes to a real local receiver.
 */
import { describe, expect } from 'vitest'
import { test, expectGraphError, get, graph, type AppReceiver, type BaseWorld } from './fixtures.js'
import type { VerificationMode } from '../../lib/webhook-receiver.js'
import type { RunningEmulator } from '../../emulator/index.js'

const appToken = (w: BaseWorld) => `${w.appId}|${w.appSecret}`

function form(emulator: RunningEmulator, method: string, path: string, params: Record<string, string>) {
  return graph(emulator, path, {
    method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params),
  })
}

function subscribe(emulator: RunningEmulator, w: BaseWorld, r: AppReceiver, fields: string, version = 'v21.0',
  verifyToken = r.verifyToken) {
  return form(emulator, 'POST', `/${version}/${w.appId}/subscriptions`, {
    object: 'page', callback_url: r.url, verify_token: verifyToken, fields, access_token: appToken(w),
  })
}

describe('POST /{app-id}/subscriptions', () => {
  test('verifies the callback with a GET, then saves the fields with the version used', async ({ emulator, w, receiver }) => {
    const res = await subscribe(emulator, w, receiver, 'messages,messaging_postbacks', 'v19.0')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ success: true })

    expect(receiver.verifications).toHaveLength(1)
    const q = receiver.verifications[0]!
    expect(q.get('hub.mode')).toBe('subscribe')
    expect(q.get('hub.verify_token')).toBe('let-me-in')
    expect(q.get('hub.challenge')).toMatch(/^\d{10}$/)

    const list = await get(emulator, `/${w.appId}/subscriptions`, appToken(w))
    expect(list.body).toEqual({
      data: [{
        object: 'page', callback_url: receiver.url, active: true,
        fields: [{ name: 'messages', version: 'v19.0' }, { name: 'messaging_postbacks', version: 'v19.0' }],
      }],
    })
  })

  test('a re-POST replaces the fields; fields may be a JSON array', async ({ emulator, w, receiver }) => {
    await subscribe(emulator, w, receiver, 'messages,message_reads')
    const res = await graph(emulator, `/v21.0/${w.appId}/subscriptions?access_token=${encodeURIComponent(appToken(w))}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ object: 'page', callback_url: receiver.url, verify_token: 'let-me-in', fields: ['messaging_referrals'] }),
    })
    expect(res.body).toEqual({ success: true })
    const list = await get(emulator, `/v21.0/${w.appId}/subscriptions`, appToken(w))
    expect(list.body.data[0].fields).toEqual([{ name: 'messaging_referrals', version: 'v21.0' }])
  })

  test.for<[string, VerificationMode, number, string | RegExp]>([
    ['answers 403', 403, 2200, '(#2200) callback verification failed: HTTP Status Code = 403'],
    ['answers a wrong body', 'wrong-challenge', 2201, /^\(#2201\) response does not match challenge, expected value="\d+", received="not-the-challenge"$/],
  ])('a callback that %s fails the subscription and saves nothing', async ([, mode, code, message], { emulator, w, receiver }) => {
    receiver.verification = mode
    expectGraphError(await subscribe(emulator, w, receiver, 'messages'), { code, message, type: 'OAuthException' })
    expect((await get(emulator, `/${w.appId}/subscriptions`, appToken(w))).body).toEqual({ data: [] })
  })

  test('a wrong verify token is refused by the receiver, so nothing is saved', async ({ emulator, w, receiver }) => {
    expectGraphError(await subscribe(emulator, w, receiver, 'messages', 'v21.0', 'guessed'), {
      code: 2200, message: '(#2200) callback verification failed: HTTP Status Code = 403',
    })
  })

  test('an unreachable callback fails with 2200', async ({ emulator, w, receiver }) => {
    await receiver.close()
    expectGraphError(await subscribe(emulator, w, receiver, 'messages'), {
      code: 2200, message: "(#2200) callback verification failed: Couldn't connect to server",
    })
  })

  test('an unknown field is refused before any verification request', async ({ emulator, w, receiver }) => {
    const res = await subscribe(emulator, w, receiver, 'messages,mesages')
    expectGraphError(res, { code: 100, message: /^\(#100\) Param fields\[1\] must be one of \{messages, .*\} - got "mesages"$/ })
    expect(receiver.verifications).toHaveLength(0)
  })

  test.for<[string, Record<string, string>, string]>([
    ['object', { callback_url: 'http://127.0.0.1:1/x', verify_token: 't', fields: 'messages' }, '(#100) The parameter object is required'],
    ['callback_url', { object: 'page', verify_token: 't', fields: 'messages' }, '(#100) The parameter callback_url is required'],
    ['fields', { object: 'page', callback_url: 'http://127.0.0.1:1/x', verify_token: 't' }, '(#100) The parameter fields is required'],
    ['a bad object', { object: 'pages', callback_url: 'http://127.0.0.1:1/x', verify_token: 't', fields: 'messages' }, '(#100) Param object must be one of {page} - got "pages"'],
    ['a bad URL', { object: 'page', callback_url: 'not a url', verify_token: 't', fields: 'messages' }, '(#100) Param callback_url must be a valid URL'],
  ])('missing or bad %s → (#100)', async ([, params, message], { emulator, w }) => {
    expectGraphError(await form(emulator, 'POST', `/${w.appId}/subscriptions`, { ...params, access_token: appToken(w) }),
      { code: 100, message })
  })

  test('needs an app token of that app', async ({ emulator, w, receiver }) => {
    const page = await emulator.client.pageToken(w.appId, w.pageId)
    expectGraphError(await form(emulator, 'POST', `/${w.appId}/subscriptions`, {
      object: 'page', callback_url: receiver.url, verify_token: 'let-me-in', fields: 'messages', access_token: page.access_token,
    }), { code: 15, message: '(#15) This method must be called with an app access_token.' })

    const other = (await emulator.client.addWorld({ apps: [{ name: 'Other' }] })).apps[0]!
    expectGraphError(await get(emulator, `/${w.appId}/subscriptions`, `${other.id}|${other.secret}`),
      { status: 403, code: 200 })
  })

  test('DELETE with fields removes those; without, the whole subscription', async ({ emulator, w, receiver }) => {
    await subscribe(emulator, w, receiver, 'messages,message_reads')
    const partial = await graph(emulator, `/${w.appId}/subscriptions?object=page&fields=message_reads&access_token=${encodeURIComponent(appToken(w))}`, { method: 'DELETE' })
    expect(partial.body).toEqual({ success: true })
    expect((await get(emulator, `/${w.appId}/subscriptions`, appToken(w))).body.data[0].fields).toEqual([{ name: 'messages', version: 'v21.0' }])

    // POST ?method=delete is DELETE (docs §11).
    const all = await form(emulator, 'POST', `/${w.appId}/subscriptions?method=delete`, { object: 'page', access_token: appToken(w) })
    expect(all.body).toEqual({ success: true })
    expect((await get(emulator, `/${w.appId}/subscriptions`, appToken(w))).body).toEqual({ data: [] })
  })
})

describe('/{page-id}/subscribed_apps', () => {
  test('a page token subscribes the app; GET lists it; DELETE unsubscribes it', async ({ emulator, w }) => {
    const { access_token } = await emulator.client.pageToken(w.appId, w.pageId)
    const res = await form(emulator, 'POST', `/v21.0/${w.pageId}/subscribed_apps`, {
      subscribed_fields: 'messages,messaging_postbacks,message_reads', access_token,
    })
    expect(res.body).toEqual({ success: true })
    expect((await get(emulator, `/me/subscribed_apps`, access_token)).body).toEqual({
      data: [{ name: 'Acme Support', id: w.appId, subscribed_fields: ['messages', 'messaging_postbacks', 'message_reads'] }],
    })
    const del = await graph(emulator, `/${w.pageId}/subscribed_apps?access_token=${access_token}`, { method: 'DELETE' })
    expect(del.body).toEqual({ success: true })
    expect((await get(emulator, `/${w.pageId}/subscribed_apps`, access_token)).body).toEqual({ data: [] })
  })

  test('subscribed_fields is required', async ({ emulator, w }) => {
    const { access_token } = await emulator.client.pageToken(w.appId, w.pageId)
    expectGraphError(await form(emulator, 'POST', `/${w.pageId}/subscribed_apps`, { access_token }),
      { code: 100, message: '(#100) The parameter subscribed_fields is required.' })
  })

  test('needs a page token of that very page', async ({ emulator, w }) => {
    const other = (await emulator.client.addWorld({ pages: [{ name: 'Other', admins: [w.ownerId] }] })).pages[0]!
    const { access_token } = await emulator.client.pageToken(w.appId, other.id!)
    const wrongPage = await form(emulator, 'POST', `/${w.pageId}/subscribed_apps`, { subscribed_fields: 'messages', access_token })
    expectGraphError(wrongPage, { code: 210, message: '(#210) A page access token is required to request this resource.' })

    const user = await emulator.client.userToken(w.ownerId, w.appId, ['pages_manage_metadata', 'pages_messaging'])
    const withUser = await form(emulator, 'POST', `/${w.pageId}/subscribed_apps`, {
      subscribed_fields: 'messages', access_token: user.access_token,
    })
    expectGraphError(withUser, { code: 210 })
    expect((await get(emulator, `/${w.pageId}/subscribed_apps`, (await emulator.client.pageToken(w.appId, w.pageId)).access_token)).body)
      .toEqual({ data: [] })
  })

  async function pageTokenWith(emulator: RunningEmulator, w: BaseWorld, scopes: string[]): Promise<string> {
    const user = await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list', ...scopes])
    const pages = await get(emulator, '/me/accounts', user.access_token)
    return pages.body.data[0].access_token
  }

  test('without pages_manage_metadata → (#200) Requires pages_manage_metadata', async ({ emulator, w }) => {
    const token = await pageTokenWith(emulator, w, ['pages_messaging'])
    expectGraphError(await form(emulator, 'POST', `/${w.pageId}/subscribed_apps`, { subscribed_fields: 'messages', access_token: token }), {
      status: 403, code: 200, message: '(#200) Requires pages_manage_metadata permission to manage the object',
    })
  })

  test('messaging fields also need pages_messaging, named field by field', async ({ emulator, w }) => {
    const token = await pageTokenWith(emulator, w, ['pages_manage_metadata'])
    const res = await form(emulator, 'POST', `/${w.pageId}/subscribed_apps`, {
      subscribed_fields: '["feed","messages","message_reads"]', access_token: token,
    })
    expectGraphError(res, {
      status: 403, code: 200,
      message: '(#200) To subscribe to the messages field, one of these permissions is needed: pages_messaging.\n' +
        'To subscribe to the message_reads field, one of these permissions is needed: pages_messaging.',
    })
    // Non-messaging fields need no more than pages_manage_metadata.
    expect((await form(emulator, 'POST', `/${w.pageId}/subscribed_apps`, { subscribed_fields: 'feed', access_token: token })).body)
      .toEqual({ success: true })
  })
})

describe('world document', () => {
  test('apps[].webhook and pages[].subscribedApps import without verification and export back', async ({ emulator, receiver }) => {
    await emulator.client.reset()
    const doc = await emulator.client.addWorld({
      apps: [{ name: 'Hooked', webhook: { callbackUrl: receiver.url, verifyToken: 'vt', fields: ['messages', 'messaging_postbacks'] } }],
      accounts: [{ name: 'Owner' }],
      pages: [{ name: 'Shop', admins: ['Owner'], subscribedApps: [{ appId: 'Hooked', fields: ['messages'] }] }],
    })
    const app = doc.apps[0]!
    expect(app.webhook).toEqual({ callbackUrl: receiver.url, verifyToken: 'vt', fields: ['messages', 'messaging_postbacks'] })
    expect(doc.pages[0]!.subscribedApps).toEqual([{ appId: app.id, fields: ['messages'] }])
    expect(receiver.verifications).toHaveLength(0)

    const exported = await emulator.client.exportWorld()
    expect(exported.apps[0]!.webhook).toEqual(app.webhook)
    expect(exported.pages[0]!.subscribedApps).toEqual([{ appId: app.id, fields: ['messages'] }])
    const list = await get(emulator, `/${app.id}/subscriptions`, `${app.id}|${app.secret}`)
    expect(list.body.data[0].fields).toEqual([{ name: 'messages', version: 'v21.0' }, { name: 'messaging_postbacks', version: 'v21.0' }])

    // The export imports into an empty world unchanged.
    await emulator.client.reset()
    await emulator.client.addWorld(exported)
    expect(await emulator.client.exportWorld()).toEqual(exported)
  })

  test('a subscribed app that is in neither the document nor the world is refused, and nothing is added', async ({ emulator }) => {
    await emulator.client.reset()
    await expect(emulator.client.addWorld({
      pages: [{ name: 'Shop', subscribedApps: [{ appId: 'Nobody', fields: ['messages'] }] }],
    })).rejects.toMatchObject({ status: 400 })
    expect((await emulator.client.exportWorld()).pages).toEqual([])
  })
})
