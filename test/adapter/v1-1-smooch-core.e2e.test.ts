/**
 * A v1.1 business (smooch-core 8.11.4, its own v1.1 webhook) and a v2 business (its custom integration) on the same app,
 * against the adapter against the emulator, only over HTTP: both see the same people and conversations, each in its own
 * shape; the v1.1 one answers through smooch-core and reaches the person on Messenger; the seed's v1.1 cases (Get
 * Started, `message:delivery:failure` with `underlyingError` after the owner's password change) arrive as documented.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import SmoochCore from 'smooch-core'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter, api, events, startReceiver, type Receiver } from './helpers.js'

const PASSWORD_MESSAGE = 'Error validating access token: The session has been invalidated because the user changed ' +
  'their password or Facebook has changed the session for security reasons.'

let emu: RunningEmulator
let a: RunningAdapter
let v2Hook: Receiver
let v11Hook: Receiver
let sc: SmoochCore
let webhook: { _id: string; secret: string }
let world: any
const page = () => world.pages[0]
const sam = () => world.people[0]
/** v1.1 bodies received, by trigger. */
const v11 = (trigger: string) => v11Hook.acknowledged().filter((p) => p.body.trigger === trigger)
const v2 = (type: string) => events(v2Hook).filter((e) => e.type === type)

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  world = await emu.client.addWorld({
    apps: [{ name: 'Acme Support' }], accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }], people: [{ firstName: 'Sam', lastName: 'Lee' }],
  })
  a = await adapter({ graphUrl: emu.url })
  v2Hook = await startReceiver()
  v11Hook = await startReceiver()
  const token = (await emu.client.pageToken(world.apps[0].id, page().id)).access_token
  const created = await api(a).post('/v2/apps/{appId}/integrations',
    { type: 'messenger', pageAccessToken: token, appId: world.apps[0].id, appSecret: world.apps[0].secret })
  expect(created.status).toBe(201)
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: v2Hook.url, triggers: ['*'] }] })
  sc = new SmoochCore({ keyId: a.keyId, secret: a.keySecret, scope: 'app', serviceUrl: a.url })
  webhook = (await sc.webhooks.create({
    target: v11Hook.url, includeClient: true,
    triggers: ['message:appUser', 'message:appMaker', 'postback', 'conversation:start', 'conversation:read', 'delivery:success', 'message:delivery:failure', 'typing:appUser'],
  })).webhook
})
afterAll(async () => {
  await a?.close()
  await emu?.close()
  await v2Hook?.close()
  await v11Hook?.close()
})

describe('a v1.1 and a v2 business on one app', () => {
  test('Get Started: conversation:start and postback (v1.1) beside conversation:create and conversation:postback (v2), signed with the webhook secret', async () => {
    await emu.client.personAction(sam().id, { type: 'get_started', pageId: page().id })
    await expect.poll(() => v11('postback').length).toBe(1)
    await expect.poll(() => v2('conversation:postback').length).toBe(1)
    const postback = v11('postback')[0]!
    expect(postback.headers['x-api-key']).toBe(webhook.secret)
    expect(postback.body).toMatchObject({
      trigger: 'postback', app: { _id: a.appId }, version: 'v1.1',
      postbacks: [{ action: { _id: expect.stringMatching(/^[0-9a-f]{24}$/), type: 'postback', text: 'Get Started' } }],
      appUser: { _id: v2('conversation:postback')[0].payload.user.id, conversationStarted: true },
      client: { platform: 'messenger', primary: true, integrationId: expect.any(String) },
      conversation: { _id: v2('conversation:postback')[0].payload.conversation.id },
    })
    await expect.poll(() => v11('conversation:start').length).toBe(1)
    expect(v11('conversation:start')[0]!.body).toMatchObject({ source: { type: 'messenger' }, timestamp: expect.any(Number) })
    expect(v2('conversation:create')[0].payload.creationReason).toBe('startConversation')
  })

  test('Sam writes: message:appUser (v1.1) and conversation:message (v2) name the same user and conversation', async () => {
    await emu.client.personAction(sam().id, { type: 'text', pageId: page().id, text: 'Is my order shipped?' })
    await expect.poll(() => v11('message:appUser').length).toBe(1)
    await expect.poll(() => v2('conversation:message').length).toBe(1)
    const legacy = v11('message:appUser')[0]!.body
    const current = v2('conversation:message')[0].payload
    expect(legacy.messages).toEqual([expect.objectContaining({
      _id: current.message.id, type: 'text', text: 'Is my order shipped?', role: 'appUser', authorId: current.message.author.userId,
      received: Date.parse(current.message.received) / 1000, source: expect.objectContaining({ type: 'messenger' }),
    })])
    expect(legacy.conversation._id).toBe(current.conversation.id)
    expect(legacy.client.id).toBe((await emu.client.thread(sam().id, page().id)).psid)
  })

  test('the v1.1 business reads the user through smooch-core: profile from Messenger, the Messenger client and channel', async () => {
    const userId = v2('conversation:message')[0].payload.message.author.userId
    const { appUser } = await sc.appUsers.get(userId)
    const psid = (await emu.client.thread(sam().id, page().id)).psid
    expect(appUser).toMatchObject({ _id: userId, givenName: 'Sam', surname: 'Lee', conversationStarted: true,
      clients: [{ platform: 'messenger', id: psid, active: true, primary: true, displayName: 'Sam Lee' }], pendingClients: [] })
    expect((await sc.appUsers.getChannels(userId)).channels).toEqual([{ type: 'messenger', entityId: psid }])
  })

  test('the v1.1 business answers through smooch-core: Sam sees it, typing too; v2 sees the message, both get its delivery', async () => {
    const userId = v2('conversation:message')[0].payload.message.author.userId
    await sc.appUsers.conversationActivity(userId, { role: 'appMaker', type: 'typing:start' })
    await expect.poll(async () => (await emu.client.thread(sam().id, page().id)).typing.page).toBe(true)
    const sent = await sc.appUsers.sendMessage(userId, { role: 'appMaker', type: 'text', text: 'Shipped yesterday!', name: 'Acme' })
    expect(sent.message).toMatchObject({ role: 'appMaker', text: 'Shipped yesterday!', name: 'Acme', source: { type: 'api' } })
    await expect.poll(async () => (await emu.client.thread(sam().id, page().id)).bubbles.at(-1)?.text).toBe('Shipped yesterday!')
    await expect.poll(() => v2('conversation:message').find((e) => e.payload.message.id === sent.message._id)?.payload.message.author.type).toBe('business')
    await expect.poll(() => v11('message:appMaker').at(-1)?.body.messages[0]._id).toBe(sent.message._id)
    // Subscribed with v1's `delivery:success`: the body says so, and carries the v1.1 delivery fields.
    await expect.poll(() => v11('delivery:success').at(-1)?.body.message._id).toBe(sent.message._id)
    expect(v11('delivery:success').at(-1)!.body).toMatchObject({ destination: { type: 'messenger' }, isFinalEvent: true, externalMessages: [{ id: expect.stringMatching(/^m_/) }] })
    const conversationId = sent.conversation._id
    const v2Messages = (await api(a).get(`/v2/apps/{appId}/conversations/${conversationId}/messages`)).body.messages
    const v11Messages = (await sc.appUsers.getMessages(userId)).messages
    expect(v11Messages.map((m: any) => m._id)).toEqual(v2Messages.map((m: any) => m.id))
    expect(v11Messages.map((m: any) => m.role)).toEqual(['appUser', 'appMaker'])
  })

  test('the seed\'s click-to-Messenger ads: the quick reply as message:appUser with its payload, the button as a postback, with the example\'s fields', async () => {
    const seedFields = ['app', 'appUser', 'client', 'conversation', 'trigger', 'version']
    await emu.client.personAction(sam().id, { type: 'ad_click', pageId: page().id, adId: '6100000000001',
      welcome: { text: 'Ready for the fall?', quick_replies: [{ title: 'Continue', payload: 'continue' }] } })
    await emu.client.personAction(sam().id, { type: 'quick_reply', pageId: page().id, payload: 'continue' })
    await expect.poll(() => v11('message:appUser').find((p) => p.body.messages[0].payload === 'continue')).toBeDefined()
    const quickReply = v11('message:appUser').find((p) => p.body.messages[0].payload === 'continue')!.body
    expect(Object.keys(quickReply).sort()).toEqual([...seedFields, 'messages'].sort())
    expect(quickReply.messages[0]).toMatchObject({ type: 'text', text: 'Continue', payload: 'continue', role: 'appUser', source: { type: 'messenger' } })

    await emu.client.personAction(sam().id, { type: 'ad_click', pageId: page().id, adId: '6100000000002',
      welcome: { text: 'New arrivals', buttons: [{ type: 'postback', title: 'Tell me more', payload: 'tell_me_more' }] } })
    await emu.client.personAction(sam().id, { type: 'postback', pageId: page().id, adWelcome: true, index: 0 })
    await expect.poll(() => v11('postback').find((p) => p.body.postbacks[0].action.payload === 'tell_me_more')).toBeDefined()
    const postback = v11('postback').find((p) => p.body.postbacks[0].action.payload === 'tell_me_more')!.body
    expect(Object.keys(postback).sort()).toEqual([...seedFields, 'postbacks'].sort())
    expect(postback.postbacks).toEqual([{ action: { _id: expect.stringMatching(/^[0-9a-f]{24}$/), type: 'postback', text: 'Tell me more', payload: 'tell_me_more' } }])
    expect(Object.keys(postback.appUser).sort()).toEqual(['_id', 'conversationStarted', 'signedUpAt'])
  })

  test('Sam reads: conversation:read in both shapes', async () => {
    await emu.client.personAction(sam().id, { type: 'read', pageId: page().id })
    await expect.poll(() => v11('conversation:read').length).toBe(1)
    expect(v11('conversation:read')[0]!.body).toMatchObject({ source: { type: 'messenger' }, timestamp: expect.any(Number), version: 'v1.1' })
    await expect.poll(() => v2('conversation:read').length).toBe(1)
  })

  test('the page owner changes password: message:delivery:failure with error.underlyingError (v1.1), error.message (v2)', async () => {
    const userId = v2('conversation:message')[0].payload.message.author.userId
    await emu.client.changePassword(world.accounts[0].id)
    const sent = await sc.appUsers.sendMessage(userId, { role: 'appMaker', type: 'text', text: 'Hello?' })
    await expect.poll(() => v11('message:delivery:failure').at(-1)?.body.message._id).toBe(sent.message._id)
    expect(v11('message:delivery:failure').at(-1)!.body).toMatchObject({
      app: { _id: a.appId }, appUser: { _id: userId }, conversation: { _id: sent.conversation._id }, destination: { type: 'messenger' },
      isFinalEvent: true, timestamp: expect.any(Number), version: 'v1.1',
      error: { code: 'unauthorized', underlyingError: { message: PASSWORD_MESSAGE } },
    })
    await expect.poll(() => v2('conversation:message:delivery:failure').at(-1)?.payload.error.message).toBe(PASSWORD_MESSAGE)
  })
})
