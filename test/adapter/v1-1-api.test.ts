/**
 * The v1.1 API on its own, driven by the official v1.1 client (smooch-core 8.11.4) beside raw HTTP: credentials and
 * both path forms, the `{ error: { code, description } }` envelope, appUsers and their messages, webhooks. No
 * Facebook here (the Messenger side is v1-1-smooch-core.e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import SmoochCore, { type SmoochError } from 'smooch-core'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter, api, startReceiver } from './helpers.js'

let a: RunningAdapter
beforeAll(async () => { a = await adapter() })
afterAll(async () => { await a?.close() })

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`
const appClient = () => new SmoochCore({ keyId: a.keyId, secret: a.keySecret, scope: 'app', serviceUrl: a.url })
const accountClient = () => new SmoochCore({ keyId: a.accountKeyId, secret: a.accountKeySecret, scope: 'account', serviceUrl: a.url })
const userClient = (userId: string) => new SmoochCore({ keyId: a.keyId, secret: a.keySecret, scope: 'appUser', userId, serviceUrl: a.url })

/** What smooch-core makes of a refusal: its status and the v1.1 envelope's code and description. */
async function refused(call: Promise<unknown>): Promise<{ status: number; code?: string; description?: string }> {
  const err = await call.then(() => { throw new Error('expected the call to be refused') }, (e: SmoochError) => e)
  expect(err.code, err.message).toEqual(expect.any(String))
  expect(err.description).toEqual(expect.any(String))
  return { status: err.response.status, code: err.code, description: err.description }
}

describe('credentials, path forms and the v1.1 error envelope', () => {
  test('an app-scoped JWT (smooch-core) reaches /v1.1/… without /apps/{appId}; Basic reaches both forms', async () => {
    const sc = appClient()
    expect(await sc.menu.get()).toEqual({ menu: { items: [] } })
    expect((await api(a).get('/v1.1/menu')).status).toBe(200)
    expect((await api(a).get('/v1.1/apps/{appId}/menu')).body).toEqual({ menu: { items: [] } })
    const jwt = sc.authHeaders.Authorization
    expect((await api(a, jwt).get('/v1.1/apps/{appId}/webhooks')).body).toEqual({ webhooks: [] })
  })

  test('an account-scoped JWT (smooch-core) names the app in the path; without it, 400 bad_request', async () => {
    const sc = accountClient()
    expect(await sc.menu.get(a.appId)).toEqual({ menu: { items: [] } })
    const res = await api(a, basic(a.accountKeyId, a.accountKeySecret)).get('/v1.1/webhooks')
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'bad_request', description: expect.stringMatching(/apps\/\{appId\}/) } } })
  })

  test('wrong secret, a JWT signed with another secret, no credentials: 401 unauthorized, read by smooch-core', async () => {
    const wrong = new SmoochCore({ keyId: a.keyId, secret: 'not-the-secret', scope: 'app', serviceUrl: a.url })
    expect(await refused(wrong.appUsers.get('anyone'))).toMatchObject({ status: 401, code: 'unauthorized', description: expect.stringMatching(/signature/) })
    for (const auth of ['', basic(a.keyId, 'wrong')]) {
      const res = await api(a, auth).get('/v1.1/appusers/anyone')
      expect(res).toEqual({ status: 401, body: { error: { code: 'unauthorized', description: 'Authorization is required' } } })
    }
  })

  test('another app: 403 forbidden; an unknown app: 404; an unknown path: 404, all in the v1.1 envelope', async () => {
    const account = api(a, basic(a.accountKeyId, a.accountKeySecret))
    const other = (await account.post('/v2/apps', { displayName: 'Other' })).body.app.id
    expect(await api(a).get(`/v1.1/apps/${other}/appusers/x`)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    expect(await api(a).get('/v1.1/apps/000000000000000000000000/menu')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
    expect(await api(a).get('/v1.1/nothing/here')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
    const tooLarge = await api(a).post('/v1.1/webhooks', JSON.stringify({ target: 'https://x.example', pad: 'x'.repeat(101 * 1024) }))
    expect(tooLarge).toEqual({ status: 413, body: { error: { code: 'payload_too_large', description: 'The request body is larger than 100 KB' } } })
  })

  test('appUser-scoped JWT: its own appUser and messages only; never on v2', async () => {
    await appClient().appUsers.create({ appUser: { userId: 'scoped-1' } })
    await appClient().appUsers.create({ appUser: { userId: 'scoped-2' } })
    const me = userClient('scoped-1')
    expect((await me.appUsers.get('scoped-1')).appUser.userId).toBe('scoped-1')
    const sent = await me.appUsers.sendMessage('scoped-1', { role: 'appUser', type: 'text', text: 'from the SDK' })
    expect(sent.message).toMatchObject({ role: 'appUser', text: 'from the SDK' })
    expect(await refused(me.appUsers.get('scoped-2'))).toMatchObject({ status: 403, code: 'forbidden' })
    expect(await refused(me.appUsers.sendMessage('scoped-1', { role: 'appMaker', type: 'text', text: 'x' }))).toMatchObject({ status: 403 })
    expect(await refused(me.webhooks.list())).toMatchObject({ status: 403, code: 'forbidden' })
    expect(await refused(me.appUsers.deleteMessages('scoped-1'))).toMatchObject({ status: 403 })
    expect(await api(a, me.authHeaders.Authorization).get('/v1.1/appusers/%E0%A4%A/messages')).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    const v2 = await api(a, me.authHeaders.Authorization).get('/v2/apps/{appId}/users/scoped-1')
    expect(v2).toMatchObject({ status: 401, body: { errors: [{ code: 'unauthorized', title: expect.stringMatching(/v2 API does not take/) }] } })
    const noUserId = new SmoochCore({ keyId: a.keyId, secret: a.keySecret, scope: 'appUser', serviceUrl: a.url })
    expect(await refused(noUserId.appUsers.get('scoped-1'))).toMatchObject({ status: 401, description: expect.stringMatching(/userId/) })
  })
})

describe('appUsers', () => {
  test('pre-create, get by _id or userId, update, delete the profile: the same user v2 sees', async () => {
    const sc = appClient()
    const { appUser } = await sc.appUsers.create({ appUser: { userId: 'crm-7', givenName: 'Sam', properties: { plan: 'gold' } } })
    expect(appUser).toMatchObject({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), userId: 'crm-7', givenName: 'Sam', properties: { plan: 'gold' },
      conversationStarted: false, clients: [], pendingClients: [] })
    expect(await refused(sc.appUsers.create({ appUser: { userId: 'crm-7' } }))).toMatchObject({ status: 409, code: 'conflict' })
    expect((await sc.appUsers.get(appUser._id)).appUser.userId).toBe('crm-7')
    const updated = await sc.appUsers.update('crm-7', { surname: 'Lee', properties: { tier: 2 } })
    expect(updated.appUser).toMatchObject({ givenName: 'Sam', surname: 'Lee', properties: { plan: 'gold', tier: 2 } })
    expect((await api(a).get('/v2/apps/{appId}/users/crm-7')).body.user).toMatchObject({ id: appUser._id, profile: { givenName: 'Sam', surname: 'Lee' } })
    const cleared = await sc.appUsers.deleteProfile('crm-7')
    expect(cleared.appUser).toMatchObject({ _id: appUser._id, userId: 'crm-7', properties: {} })
    expect(cleared.appUser.givenName).toBeUndefined()
  })

  test('bad input: 400 with the field named, nothing changed; an unknown appUser: 404 not_found', async () => {
    const sc = appClient()
    await sc.appUsers.create({ appUser: { userId: 'crm-8', givenName: 'Kim' } })
    expect(await refused(sc.appUsers.update('crm-8', { givenName: 'Kim', nickname: 'K' }))).toMatchObject({ status: 400, code: 'bad_request', description: expect.stringMatching(/nickname/) })
    expect(await refused(sc.appUsers.update('crm-8', { properties: { nested: { no: 1 } } }))).toMatchObject({ status: 400, description: expect.stringMatching(/properties/) })
    expect((await sc.appUsers.get('crm-8')).appUser).toMatchObject({ givenName: 'Kim', properties: {} })
    expect(await refused(sc.appUsers.get('nobody'))).toMatchObject({ status: 404, code: 'not_found' })
    expect(await refused(sc.appUsers.sendMessage('nobody', { role: 'appMaker', type: 'text', text: 'x' }))).toMatchObject({ status: 404 })
    const bad = await api(a).post('/v1.1/appusers/crm-8/messages', '{"role":')
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } })
    expect(await refused(sc.appUsers.sendMessage('crm-8', { role: 'appMaker', type: 'sticker' }))).toMatchObject({ status: 400, description: expect.stringMatching(/^type: /) })
    expect(await refused(sc.appUsers.sendMessage('crm-8', { role: 'appMaker', type: 'image', mediaUrl: 'not a url', name: 'n'.repeat(200) })))
      .toMatchObject({ status: 400, description: expect.stringMatching(/^name: .*; mediaUrl: |^mediaUrl: .*; name: /) })
    expect(await refused(sc.appUsers.sendMessage('crm-8', { role: 'appMaker', type: 'text' }))).toMatchObject({ description: 'A text message needs text or actions' })
    expect(await refused(sc.appUsers.sendMessage('crm-8', { type: 'text', text: 'no role' }))).toMatchObject({ status: 400, description: expect.stringMatching(/role/) })
    expect(await sc.appUsers.getMessages('crm-8')).toEqual({ messages: [] })
  })

  test('messages: post as appMaker and appUser, list (v1.1 shape, Unix seconds), v2 sees the same conversation, delete', async () => {
    const sc = appClient()
    const { appUser } = await sc.appUsers.create({ appUser: { userId: 'crm-9' } })
    const first = await sc.appUsers.sendMessage('crm-9', { role: 'appMaker', type: 'text', text: 'Hello', name: 'Acme', metadata: { lang: 'en' } })
    expect(first.message).toMatchObject({ _id: expect.any(String), role: 'appMaker', type: 'text', text: 'Hello', name: 'Acme',
      received: expect.any(Number), source: { type: 'api' }, metadata: { lang: 'en' } })
    await sc.appUsers.sendMessage('crm-9', { role: 'appUser', type: 'text', text: 'Hi' })
    await sc.appUsers.sendMessage('crm-9', { role: 'appMaker', type: 'text', text: 'Pick one', actions: [{ type: 'reply', text: 'Yes', payload: 'YES' }] })
    const listed = await sc.appUsers.getMessages('crm-9')
    expect(listed.conversation._id).toBe(first.conversation._id)
    expect(listed.messages.map((m: any) => [m.role, m.text])).toEqual([['appMaker', 'Hello'], ['appUser', 'Hi'], ['appMaker', 'Pick one']])
    expect(listed.messages[1].authorId).toBe(appUser._id)
    expect(listed.messages[2].actions).toEqual([{ type: 'reply', text: 'Yes', payload: 'YES' }])
    const v2 = await api(a).get(`/v2/apps/{appId}/conversations/${first.conversation._id}/messages`)
    expect(v2.body.messages.map((m: any) => [m.author.type, m.content.text])).toEqual([['business', 'Hello'], ['user', 'Hi'], ['business', 'Pick one']])

    await sc.appUsers.deleteMessage('crm-9', first.message._id)
    expect(await refused(sc.appUsers.deleteMessage('crm-9', first.message._id))).toMatchObject({ status: 404 })
    expect((await sc.appUsers.getMessages('crm-9')).messages).toHaveLength(2)
    await sc.appUsers.deleteMessages('crm-9')
    expect((await sc.appUsers.getMessages('crm-9')).messages).toEqual([])
  })

  test('paging by time: the latest 100, then `before`/`after` (exclusive), with ready previous/next URLs', async () => {
    const sc = appClient()
    await sc.appUsers.create({ appUser: { userId: 'crm-10' } })
    const conversationId = (await sc.appUsers.sendMessage('crm-10', { role: 'appUser', type: 'text', text: 'm0' })).conversation._id
    await sc.appUsers.deleteMessages('crm-10')
    const base = Date.UTC(2025, 0, 1)
    for (let i = 1; i <= 150; i++) {
      a.store.messages.add({ id: `p${String(i).padStart(23, '0')}`, conversationId, received: new Date(base + i * 1000).toISOString(),
        author: { type: 'business' }, content: { type: 'text', text: `m${i}` }, source: { type: 'api:conversations' } })
    }
    const latest = await sc.appUsers.getMessages('crm-10')
    expect(latest.messages).toHaveLength(100)
    expect([latest.messages[0].text, latest.messages[99].text]).toEqual(['m51', 'm150'])
    expect(latest.next).toBeUndefined()
    const before = new URL(latest.previous).searchParams.get('before')
    expect(Number(before)).toBe(latest.messages[0].received)
    const older = await sc.appUsers.getMessages('crm-10', { before })
    expect(older.messages.map((m: any) => m.text)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 1}`))
    expect(older.previous).toBeUndefined()
    expect(new URL(older.next).searchParams.get('after')).toBe(String(older.messages[49].received))
    const after = await sc.appUsers.getMessages('crm-10', { after: older.messages[49].received })
    expect(after.messages[0].text).toBe('m51')
    const raw = await api(a).get('/v1.1/appusers/crm-10/messages?before=1&after=2')
    expect(raw).toMatchObject({ status: 400, body: { error: { code: 'bad_request', description: expect.stringMatching(/mutually exclusive/) } } })
    expect((await api(a).get('/v1.1/appusers/crm-10/messages?before=yesterday')).status).toBe(400)
  })

  test('conversation activity and read; a business message to someone with no channel is stored, not sent', async () => {
    const sc = appClient()
    await sc.appUsers.create({ appUser: { userId: 'crm-11' } })
    expect(await refused(sc.appUsers.conversationActivity('crm-11', { role: 'appMaker', type: 'typing:start' }))).toMatchObject({ status: 404 })
    await sc.appUsers.sendMessage('crm-11', { role: 'appMaker', type: 'text', text: 'Stored' })
    expect((await sc.appUsers.conversationActivity('crm-11', { role: 'appMaker', type: 'typing:start' })).conversation._id).toEqual(expect.any(String))
    expect(await refused(sc.appUsers.conversationActivity('crm-11', { role: 'appMaker', type: 'dancing' }))).toMatchObject({ status: 400 })
    expect(await refused(sc.appUsers.conversationActivity('crm-11', { role: 'appUser', type: 'typing:start' }))).toMatchObject({ status: 400 })
    await sc.conversations.resetUnreadCount('crm-11')
    const id = (await sc.appUsers.getMessages('crm-11')).conversation._id
    expect((await api(a).get(`/v2/apps/{appId}/conversations/${id}`)).body.conversation.businessLastRead).toEqual(expect.any(String))
    expect((await sc.appUsers.getChannels('crm-11')).channels).toEqual([])
    await sc.appUsers.delete('crm-11')
    expect(await refused(sc.appUsers.get('crm-11'))).toMatchObject({ status: 404 })
  })
})

describe('webhooks', () => {
  test('create (default trigger message), list, get, update, delete; each is a custom integration in v2', async () => {
    const sc = appClient()
    const { webhook } = await sc.webhooks.create({ target: 'https://business.example/hook' })
    expect(webhook).toEqual({ _id: expect.any(String), target: 'https://business.example/hook', triggers: ['message'], secret: expect.any(String),
      version: 'v1.1', includeClient: false, includeFullAppUser: false })
    expect((await sc.webhooks.list()).webhooks.map((w: any) => w._id)).toContain(webhook._id)
    expect((await sc.webhooks.get(webhook._id)).webhook).toEqual(webhook)
    const updated = await sc.webhooks.update(webhook._id, { triggers: ['message:appUser', 'delivery:failure'], includeClient: true })
    expect(updated.webhook).toMatchObject({ triggers: ['message:appUser', 'delivery:failure'], includeClient: true, secret: webhook.secret })
    const integrations = (await api(a).get('/v2/apps/{appId}/integrations')).body.integrations
    const translated = integrations.find((i: any) => i.webhooks?.[0]?.id === webhook._id)
    expect(translated).toMatchObject({ type: 'custom', webhooks: [{ version: 'v1.1', includeFullSource: true }] })
    await sc.webhooks.delete(webhook._id)
    expect(await refused(sc.webhooks.get(webhook._id))).toMatchObject({ status: 404, code: 'not_found' })
    expect((await api(a).get(`/v2/apps/{appId}/integrations/${translated.id}`)).status).toBe(404)
  })

  test('v1 names and includeFullAppUser: a webhook on `message` gets both roles under `message`, the whole appUser, no client', async () => {
    const sc = appClient()
    const hook = await startReceiver()
    try {
      const { webhook } = await sc.webhooks.create({ target: hook.url, includeFullAppUser: true })
      const { appUser } = await sc.appUsers.create({ appUser: { userId: 'crm-12', givenName: 'Ada', properties: { plan: 'gold' } } })
      const business = await sc.appUsers.sendMessage('crm-12', { role: 'appMaker', type: 'text', text: 'Welcome' })
      await sc.appUsers.sendMessage('crm-12', { role: 'appUser', type: 'text', text: 'Thanks' })
      await expect.poll(() => hook.acknowledged().length).toBe(2)
      const [first, second] = hook.acknowledged()
      expect(first!.headers['x-api-key']).toBe(webhook.secret)
      expect(first!.body).toMatchObject({ trigger: 'message', version: 'v1.1', messages: [{ _id: business.message._id, role: 'appMaker' }],
        appUser: { _id: appUser._id, userId: 'crm-12', givenName: 'Ada', properties: { plan: 'gold' }, clients: [] },
        conversation: { _id: business.conversation._id } })
      expect(second!.body).toMatchObject({ trigger: 'message', messages: [{ role: 'appUser', text: 'Thanks', authorId: appUser._id }] })
      expect(first!.body.client).toBeUndefined()
      await sc.webhooks.delete(webhook._id)
    } finally {
      await hook.close()
    }
  })

  test('an unknown trigger or a bad target: 400, nothing created; the v2 webhooks are not listed as v1.1 ones', async () => {
    const sc = appClient()
    const before = (await sc.webhooks.list()).webhooks.length
    expect(await refused(sc.webhooks.create({ target: 'https://business.example/hook', triggers: ['message:anyone'] }))).toMatchObject({ status: 400, description: expect.stringMatching(/triggers/) })
    expect((await api(a).post('/v1.1/webhooks', { target: 'not a url' })).status).toBe(400)
    expect(await refused(sc.webhooks.update('000000000000000000000000', { target: 'https://x.example' }))).toMatchObject({ status: 404 })
    await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: 'https://v2.example/hook', triggers: ['conversation:message'] }] })
    expect((await sc.webhooks.list()).webhooks).toHaveLength(before)
  })
})
