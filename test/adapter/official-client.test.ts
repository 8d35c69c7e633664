/**
 * The business's view: Zendesk's official `sunshine-conversations-client` (14.1.0) against the adapter, with Basic
 * and JWT credentials, for apps, keys, users, clients, conversations, participants, messages (paging), activities,
 * custom integrations, webhooks and attachments. Every answer must be one the client reads, every refusal
 * `{errors:[{code,title}]}` with Sunshine's status. Messenger itself is in official-client.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { writeFileSync, mkdtempSync, createReadStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SignJWT } from 'jose'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter } from './helpers.js'
import { basicClient, jwtClient, refused, signJwt, type Apis } from './sunshine-client.js'

let a: RunningAdapter
let sc: Apis
let account: Apis
beforeAll(async () => {
  a = await adapter()
  sc = basicClient(a.url, a.keyId, a.keySecret)
  account = basicClient(a.url, a.accountKeyId, a.accountKeySecret)
})
afterAll(async () => { await a.close() })

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')

describe('authentication: Basic or JWT, app or account scope', () => {
  test('an app key (Basic, JWT scope app) and the account key (JWT scope account) reach the app', async () => {
    for (const client of [sc, jwtClient(a.url, await signJwt(a.keyId, a.keySecret, 'app')),
      jwtClient(a.url, await signJwt(a.accountKeyId, a.accountKeySecret, 'account'))]) {
      expect((await client.apps.getApp(a.appId)).app).toMatchObject({ id: a.appId, settings: {}, metadata: {} })
    }
  })

  test('a wrong signature, an unknown kid, alg none, HS512, a scope that does not match the key, an expired JWT: 401', async () => {
    const expired = await new SignJWT({ scope: 'app' }).setProtectedHeader({ alg: 'HS256', kid: a.keyId })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(new TextEncoder().encode(a.keySecret))
    const cases: [string, RegExp][] = [
      [await signJwt(a.keyId, 'not-the-secret', 'app'), /signature/],
      [await signJwt('app_000000000000000000000000', a.keySecret, 'app'), /no API key has the id/],
      [`${b64({ alg: 'none', typ: 'JWT', kid: a.keyId })}.${b64({ scope: 'app' })}.`, /HS256/],
      [await signJwt(a.keyId, a.keySecret, 'app', 'HS512'), /HS256/],
      [await signJwt(a.keyId, a.keySecret, 'account'), /scope claim must be "app"/],
      [await signJwt(a.accountKeyId, a.accountKeySecret, 'app'), /scope claim must be "account"/],
      [expired, /expired/],
      ['not.a.jwt', /well-formed/],
    ]
    for (const [token, why] of cases) {
      const r = await refused(jwtClient(a.url, token).apps.getApp(a.appId))
      expect(r, token).toMatchObject({ status: 401, code: 'unauthorized' })
      expect(r.title).toMatch(why)
      expect(r.title).not.toContain(a.keySecret)
    }
  })

  test('an app key (Basic or JWT) for another app: 403 forbidden; for an app that does not exist: 404', async () => {
    const other = (await account.apps.createApp({ displayName: 'Other' })).app
    for (const client of [sc, jwtClient(a.url, await signJwt(a.keyId, a.keySecret, 'app'))]) {
      expect(await refused(client.users.getUser(other.id, 'nobody'))).toMatchObject({ status: 403, code: 'forbidden' })
      expect(await refused(client.apps.getApp('0'.repeat(24)))).toMatchObject({ status: 404, code: 'app_not_found' })
    }
    await account.apps.deleteApp(other.id)
  })

  test('GET /v2/apps and the app-management calls need the account scope: an app key gets 403', async () => {
    for (const call of [sc.apps.listApps(), sc.apps.createApp({ displayName: 'x' }), sc.apps.updateApp(a.appId, { displayName: 'x' }),
      sc.apps.deleteApp(a.appId), sc.keys.listAppKeys(a.appId), sc.keys.createAppKey(a.appId, { displayName: 'k' })]) {
      expect(await refused(call)).toMatchObject({ status: 403, code: 'forbidden' })
    }
    expect((await sc.apps.getApp(a.appId)).app.id).toBe(a.appId)
  })
})

describe('apps and app keys (account scope)', () => {
  test('create, list with cursors, update, delete', async () => {
    const created = await account.apps.createApp({ displayName: 'Acme EU', settings: { echoPostback: true }, metadata: { region: 'eu' } })
    expect(created.app).toMatchObject({ displayName: 'Acme EU', settings: { echoPostback: true }, metadata: { region: 'eu' } })
    const id = created.app.id
    expect(id).toMatch(/^[0-9a-f]{24}$/)
    const first = await account.apps.listApps({ page: { size: 1 } })
    expect(first.apps).toHaveLength(1)
    expect(first.meta).toMatchObject({ hasMore: true, afterCursor: first.apps[0].id })
    expect(first.links.next).toContain(`page[after]=${first.apps[0].id}`)
    const next = await account.apps.listApps({ page: { after: first.meta.afterCursor } })
    expect(next.apps.map((x: { id: string }) => x.id)).toContain(id)
    const updated = await account.apps.updateApp(id, { displayName: 'Acme Europe', metadata: { region: 'eu-1' } })
    expect(updated.app).toMatchObject({ displayName: 'Acme Europe', metadata: { region: 'eu-1' }, settings: { echoPostback: true } })
    expect(await refused(account.apps.updateApp(id, { displayName: '' }))).toMatchObject({ status: 400, code: 'bad_request' })
    expect(await refused(account.apps.updateApp(id, { settings: { nope: true } }))).toMatchObject({ status: 400 })
    await account.apps.deleteApp(id)
    expect(await refused(account.apps.getApp(id))).toMatchObject({ status: 404, code: 'app_not_found' })
  })

  test('keys: create (secret once more on read), list, get, delete; then the key is refused', async () => {
    const key = (await account.keys.createAppKey(a.appId, { displayName: 'CI' })).key
    expect(key).toMatchObject({ displayName: 'CI', id: expect.stringMatching(/^app_/), secret: expect.any(String) })
    expect((await account.keys.listAppKeys(a.appId)).keys.map((k: { id: string }) => k.id)).toContain(key.id)
    expect((await account.keys.getAppKey(a.appId, key.id)).key.secret).toBe(key.secret)
    const withKey = basicClient(a.url, key.id, key.secret)
    expect((await withKey.apps.getApp(a.appId)).app.id).toBe(a.appId)
    await account.keys.deleteAppKey(a.appId, key.id)
    expect(await refused(withKey.apps.getApp(a.appId))).toMatchObject({ status: 401, code: 'unauthorized' })
    expect(await refused(account.keys.getAppKey(a.appId, key.id))).toMatchObject({ status: 404, code: 'not_found' })
    expect(await refused(account.keys.createAppKey(a.appId, {}))).toMatchObject({ status: 400 })
  })
})

describe('users and clients', () => {
  test('create, 409 on a taken externalId, get by id or externalId, update, scrub, delete', async () => {
    const body = { externalId: 'customer-1', profile: { givenName: 'Jane', surname: 'Doe', email: 'jane@example.org', locale: 'fr-CA' }, metadata: { plan: 'gold' } }
    const { user } = await sc.users.createUser(a.appId, body)
    expect(user).toMatchObject({ externalId: 'customer-1', profile: body.profile, metadata: { plan: 'gold' }, identities: [] })
    expect(user.signedUpAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(await refused(sc.users.createUser(a.appId, body))).toEqual({ status: 409, code: 'conflict', title: 'User already exists' })
    expect((await sc.users.getUser(a.appId, 'customer-1')).user.id).toBe(user.id)
    expect((await sc.users.getUser(a.appId, user.id)).user.externalId).toBe('customer-1')

    const patched = await sc.users.updateUser(a.appId, 'customer-1', { profile: { surname: null, givenName: 'Janet' }, metadata: { plan: 'silver' } })
    expect(patched.user.profile).toEqual({ givenName: 'Janet', email: 'jane@example.org', locale: 'fr-CA' })
    expect(patched.user.metadata).toEqual({ plan: 'silver' })
    expect(await refused(sc.users.updateUser(a.appId, 'customer-1', { externalId: 'other' }))).toMatchObject({ status: 400 })
    expect((await sc.users.getUser(a.appId, user.id)).user.profile.givenName).toBe('Janet')

    const scrubbed = await sc.users.deleteUserPersonalInformation(a.appId, user.id)
    expect(scrubbed.user).toMatchObject({ id: user.id, externalId: 'customer-1', profile: {}, metadata: {} })
    await sc.users.deleteUser(a.appId, 'customer-1')
    expect(await refused(sc.users.getUser(a.appId, user.id))).toMatchObject({ status: 404, code: 'user_not_found' })
    expect(await refused(sc.users.deleteUser(a.appId, user.id))).toMatchObject({ status: 404, code: 'user_not_found' })
  })

  test('invalid bodies are refused naming the field, and change nothing', async () => {
    expect((await refused(sc.users.createUser(a.appId, { profile: {} }))).title).toMatch(/^externalId/)
    expect((await refused(sc.users.createUser(a.appId, { externalId: 'big', metadata: { blob: 'x'.repeat(5000) } }))).title).toMatch(/4096 bytes/)
    expect((await refused(sc.users.createUser(a.appId, { externalId: 'bad', profile: { avatarUrl: 'not a url' } }))).title).toMatch(/profile\.avatarUrl/)
    expect(await refused(sc.users.getUser(a.appId, 'big'))).toMatchObject({ status: 404 })
  })

  test('clients: a paged list; Messenger cannot be linked by the business (it needs the person to write first)', async () => {
    await sc.users.createUser(a.appId, { externalId: 'customer-2' })
    const list = await sc.clients.listClients(a.appId, 'customer-2')
    expect(list).toMatchObject({ clients: [], meta: { hasMore: false } })
    const link = await refused(sc.clients.createClient(a.appId, 'customer-2', { matchCriteria: { type: 'messenger' }, confirmation: { type: 'immediate' } }))
    expect(link).toMatchObject({ status: 400, code: 'bad_request' })
    expect(link.title).toMatch(/PSID.*written to the page/)
    expect(await refused(sc.clients.removeClient(a.appId, 'customer-2', '0'.repeat(24)))).toMatchObject({ status: 404, code: 'client_not_found' })
  })
})

describe('conversations and participants', () => {
  test('create for a user (the first is the default), list by userId or externalId, update, delete', async () => {
    const { user } = await sc.users.createUser(a.appId, { externalId: 'customer-3' })
    const first = (await sc.conversations.createConversation(a.appId, { type: 'personal', participants: [{ userExternalId: 'customer-3' }] })).conversation
    expect(first).toMatchObject({ type: 'personal', isDefault: true })
    const second = (await sc.conversations.createConversation(a.appId, {
      type: 'personal', participants: [{ userId: user.id }], displayName: 'Order 42', description: 'Returns', metadata: { order: 42 },
    })).conversation
    expect(second).toMatchObject({ isDefault: false, displayName: 'Order 42', description: 'Returns', metadata: { order: 42 } })

    for (const filter of [{ userId: user.id }, { userExternalId: 'customer-3' }]) {
      const list = await sc.conversations.listConversations(a.appId, filter)
      expect(list.conversations.map((c: { id: string }) => c.id)).toEqual([first.id, second.id])
      expect(list.meta.hasMore).toBe(false)
    }
    const paged = await sc.conversations.listConversations(a.appId, { userId: user.id }, { page: { size: 1 } })
    expect(paged.meta).toEqual({ hasMore: true, afterCursor: first.id })
    expect(await refused(sc.conversations.listConversations(a.appId, { userExternalId: 'nobody' }))).toMatchObject({ status: 404, code: 'user_not_found' })

    const patched = await sc.conversations.updateConversation(a.appId, second.id, { displayName: 'Order 43', metadata: { order: 43 } })
    expect(patched.conversation).toMatchObject({ displayName: 'Order 43', description: 'Returns', metadata: { order: 43 } })
    expect((await sc.conversations.getConversation(a.appId, second.id)).conversation.displayName).toBe('Order 43')

    const refusedDefault = await refused(sc.conversations.deleteConversation(a.appId, first.id))
    expect(refusedDefault).toMatchObject({ status: 400, code: 'bad_request' })
    expect(refusedDefault.title).toMatch(/default/)
    await sc.conversations.deleteConversation(a.appId, second.id)
    expect(await refused(sc.conversations.getConversation(a.appId, second.id))).toMatchObject({ status: 404, code: 'conversation_not_found' })
  })

  test('creation refused: sdkGroup, no participant, two participants, an unknown user', async () => {
    await sc.users.createUser(a.appId, { externalId: 'customer-4' })
    const sdk = await refused(sc.conversations.createConversation(a.appId, { type: 'sdkGroup', participants: [{ userExternalId: 'customer-4' }] }))
    expect(sdk.title).toMatch(/SDK channels/)
    expect(await refused(sc.conversations.createConversation(a.appId, { type: 'personal' }))).toMatchObject({ status: 400 })
    expect(await refused(sc.conversations.createConversation(a.appId, { type: 'personal', participants: [{ userExternalId: 'customer-4' }, { userExternalId: 'customer-4' }] }))).toMatchObject({ status: 400 })
    expect(await refused(sc.conversations.createConversation(a.appId, { type: 'personal', participants: [{ userExternalId: 'nobody' }] }))).toMatchObject({ status: 404, code: 'user_not_found' })
    expect(await refused(sc.conversations.createConversation(a.appId, { type: 'sponsored' }))).toMatchObject({ status: 400 })
  })

  test('participants: the one user, unread count and last read; join and leave are for sdkGroup conversations only', async () => {
    const { user } = await sc.users.createUser(a.appId, { externalId: 'customer-5' })
    const { conversation } = await sc.conversations.createConversation(a.appId, { type: 'personal', participants: [{ userId: user.id }] })
    await sc.messages.postMessage(a.appId, conversation.id, { author: { type: 'business' }, content: { type: 'text', text: 'Hi' } })
    let [p] = (await sc.participants.listParticipants(a.appId, conversation.id)).participants
    expect(p).toMatchObject({ userId: user.id, userExternalId: 'customer-5', unreadCount: 1, clientAssociations: [] })
    expect(p.id).toMatch(/^[0-9a-f]{24}$/)
    await sc.activities.postActivity(a.appId, conversation.id, { author: { type: 'user', userId: user.id }, type: 'conversation:read' })
    ;[p] = (await sc.participants.listParticipants(a.appId, conversation.id)).participants
    expect(p.unreadCount).toBe(0)
    expect(p.lastRead).toEqual(expect.any(String))

    const join = await refused(sc.participants.joinConversation(a.appId, conversation.id, { userExternalId: 'customer-5' }))
    expect(join.title).toMatch(/only sdkGroup conversations can be joined/)
    const leave = await refused(sc.participants.leaveConversation(a.appId, conversation.id, { participantId: p.id }))
    expect(leave).toMatchObject({ status: 400 })
    expect(await refused(sc.participants.leaveConversation(a.appId, conversation.id, { userExternalId: 'nobody' }))).toMatchObject({ status: 404 })
  })
})

describe('messages', () => {
  let conversationId: string
  let userId: string
  beforeAll(async () => {
    userId = (await sc.users.createUser(a.appId, { externalId: 'customer-6' })).user.id
    conversationId = (await sc.conversations.createConversation(a.appId, { type: 'personal', participants: [{ userId }] })).conversation.id
  })

  test('a business-created user has no Messenger client: a message aimed at Messenger says why; without a destination it is stored', async () => {
    const aimed = await refused(sc.messages.postMessage(a.appId, conversationId,
      { author: { type: 'business' }, content: { type: 'text', text: 'Hi' }, destination: { integrationType: 'messenger' } }))
    expect(aimed).toMatchObject({ status: 400, code: 'bad_request' })
    expect(aimed.title).toMatch(/no messenger client.*PSID/)
    const stored = await sc.messages.postMessage(a.appId, conversationId,
      { author: { type: 'business', displayName: 'Acme' }, content: { type: 'text', text: 'Hi' }, metadata: { ticket: '42' } })
    expect(stored.messages[0]).toMatchObject({ author: { type: 'business', displayName: 'Acme' }, content: { type: 'text', text: 'Hi' }, metadata: { ticket: '42' }, source: { type: 'api:conversations' } })
    await sc.messages.deleteAllMessages(a.appId, conversationId)
  })

  test('250 messages page backwards 100 at a time from the latest, and forwards from a cursor', async () => {
    const at = Date.now()
    a.store.tx(() => {
      for (let i = 0; i < 250; i++) {
        a.store.messages.add({
          id: `b${i.toString(16).padStart(23, '0')}`, conversationId, received: new Date(at + i).toISOString(),
          author: { type: 'user', userId }, content: { type: 'text', text: `m${i}` }, source: { type: 'api:conversations' },
        })
      }
    })
    const texts = (page: { messages: { content: { text: string } }[] }) => page.messages.map((m) => m.content.text)
    const latest = await sc.messages.listMessages(a.appId, conversationId)
    expect(texts(latest)).toEqual(Array.from({ length: 100 }, (_, i) => `m${150 + i}`))
    expect(latest.meta).toEqual({ hasMore: true, beforeCursor: latest.messages[0].id })
    expect(latest.links.prev).toBe(`${a.url}/v2/apps/${a.appId}/conversations/${conversationId}/messages?page[before]=${latest.messages[0].id}`)
    expect(latest.links.next).toBeUndefined()

    const older = await sc.messages.listMessages(a.appId, conversationId, { page: { before: latest.meta.beforeCursor } })
    expect(texts(older)[0]).toBe('m50')
    expect(older.meta).toMatchObject({ hasMore: true, afterCursor: older.messages[99].id })
    const oldest = await sc.messages.listMessages(a.appId, conversationId, { page: { before: older.meta.beforeCursor } })
    expect(texts(oldest)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`))
    expect(oldest.meta).toEqual({ hasMore: false, afterCursor: oldest.messages[49].id })

    const forwards = await sc.messages.listMessages(a.appId, conversationId, { page: { after: oldest.meta.afterCursor } })
    expect(texts(forwards)[0]).toBe('m50')
    expect(forwards.meta).toMatchObject({ hasMore: true, beforeCursor: forwards.messages[0].id, afterCursor: forwards.messages[99].id })
    const end = await sc.messages.listMessages(a.appId, conversationId, { page: { after: forwards.meta.afterCursor } })
    expect(end.meta.hasMore).toBe(false)
    expect(texts(end).at(-1)).toBe('m249')

    expect(await refused(sc.messages.listMessages(a.appId, conversationId, { page: { before: 'f'.repeat(24) } }))).toMatchObject({ status: 404, code: 'not_found' })
    expect(await refused(sc.messages.listMessages(a.appId, conversationId, { page: { before: 'short' } }))).toMatchObject({ status: 400, code: 'bad_request' })
  })

  test('delete one message, then all', async () => {
    const before = await sc.messages.listMessages(a.appId, conversationId)
    const victim = before.messages.at(-1).id
    await sc.messages.deleteMessage(a.appId, conversationId, victim)
    expect((await sc.messages.listMessages(a.appId, conversationId)).messages.map((m: { id: string }) => m.id)).not.toContain(victim)
    expect(await refused(sc.messages.deleteMessage(a.appId, conversationId, victim))).toMatchObject({ status: 404, code: 'not_found' })
    await sc.messages.deleteAllMessages(a.appId, conversationId)
    expect(await sc.messages.listMessages(a.appId, conversationId)).toMatchObject({ messages: [], meta: { hasMore: false } })
  })
})

describe('custom integrations and webhooks', () => {
  test('create, list, get, update, and the webhook CRUD with PATCH', async () => {
    const created = (await sc.integrations.createIntegration(a.appId, {
      type: 'custom', displayName: 'Bot', webhooks: [{ target: 'http://127.0.0.1:1/hook', triggers: ['conversation:message'] }],
    })).integration
    expect(created).toMatchObject({ type: 'custom', status: 'active', displayName: 'Bot' })
    const id = created.id
    const listed = await sc.integrations.listIntegrations(a.appId, { types: 'custom' })
    expect(listed.integrations.map((i: { id: string }) => i.id)).toContain(id)
    expect(listed.meta.hasMore).toBe(false)
    expect((await sc.integrations.updateIntegration(a.appId, id, { displayName: 'Bot 2' })).integration.displayName).toBe('Bot 2')
    expect((await sc.integrations.getIntegration(a.appId, id)).integration.displayName).toBe('Bot 2')
    expect(await refused(sc.integrations.updateIntegration(a.appId, id, { pageAccessToken: 'EAA' }))).toMatchObject({ status: 400 })

    const hook = (await sc.webhooks.createWebhook(a.appId, id, { target: 'http://127.0.0.1:2/hook', triggers: ['conversation:postback'] })).webhook
    expect(hook).toMatchObject({ version: 'v2', includeFullUser: false, secret: expect.any(String) })
    const patched = (await sc.webhooks.updateWebhook(a.appId, id, hook.id, { triggers: ['conversation:postback', 'conversation:read'], includeFullUser: true })).webhook
    expect(patched).toMatchObject({ id: hook.id, target: 'http://127.0.0.1:2/hook', triggers: ['conversation:postback', 'conversation:read'], includeFullUser: true })
    expect(await refused(sc.webhooks.updateWebhook(a.appId, id, hook.id, { target: 'nope' }))).toMatchObject({ status: 400 })
    expect((await sc.webhooks.getWebhook(a.appId, id, hook.id)).webhook.triggers).toEqual(['conversation:postback', 'conversation:read'])
    expect((await sc.webhooks.listWebhooks(a.appId, id)).webhooks).toHaveLength(2)
    await sc.webhooks.deleteWebhook(a.appId, id, hook.id)
    expect(await refused(sc.webhooks.getWebhook(a.appId, id, hook.id))).toMatchObject({ status: 404, code: 'not_found' })
    await sc.integrations.deleteIntegration(a.appId, id)
    expect(await refused(sc.integrations.getIntegration(a.appId, id))).toMatchObject({ status: 404, code: 'integration_not_found' })
  })
})

describe('attachments', () => {
  test('upload (multipart), served at its mediaUrl, used by a message; for=message goes with the message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attachments-'))
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])
    writeFileSync(join(dir, 'logo.png'), bytes)
    const { user } = await sc.users.createUser(a.appId, { externalId: 'customer-7' })
    const { conversation } = await sc.conversations.createConversation(a.appId, { type: 'personal', participants: [{ userId: user.id }] })
    const { attachment } = await sc.attachments.uploadAttachment(a.appId, 'public', createReadStream(join(dir, 'logo.png')),
      { _for: 'message', conversationId: conversation.id })
    expect(attachment).toEqual({ mediaUrl: expect.stringMatching(new RegExp(`^${a.url}/media/apps/${a.appId}/attachments/[0-9a-f]{24}/logo\\.png$`)), mediaType: 'image/png' })
    const served = await fetch(attachment.mediaUrl)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)

    const posted = await sc.messages.postMessage(a.appId, conversation.id, { author: { type: 'business' }, content: { type: 'image', mediaUrl: attachment.mediaUrl } })
    await sc.messages.deleteMessage(a.appId, conversation.id, posted.messages[0].id)
    expect((await fetch(attachment.mediaUrl)).status).toBe(404)

    const kept = (await sc.attachments.uploadAttachment(a.appId, 'public', createReadStream(join(dir, 'logo.png')))).attachment
    await sc.attachments.deleteAttachment(a.appId, { mediaUrl: kept.mediaUrl })
    expect((await fetch(kept.mediaUrl)).status).toBe(404)
    expect(await refused(sc.attachments.deleteAttachment(a.appId, { mediaUrl: kept.mediaUrl }))).toMatchObject({ status: 404 })
    expect(await refused(sc.attachments.uploadAttachment(a.appId, 'private', createReadStream(join(dir, 'logo.png'))))).toMatchObject({ status: 400 })
    expect(await refused(sc.attachments.uploadAttachment(a.appId, 'public', createReadStream(join(dir, 'logo.png')), { conversationId: '0'.repeat(24) })))
      .toMatchObject({ status: 404, code: 'conversation_not_found' })
  })
})
