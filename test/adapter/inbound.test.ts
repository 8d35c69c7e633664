/**
 * The Messenger webhook, driven with sample Facebook bodies signed in-test, and the business webhooks it causes,
 * received by a real local HTTP server. Graph is unreachable here: profiles cannot be read, and messages must still
 * arrive (seed, Troubleshooting: "user messages will continue to be received").
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { RunningAdapter } from '../../adapter/index.js'
import {
  adapter, addMessengerIntegration, api, deliverMessenger, events, FACEBOOK, messagingBody, startReceiver, type Receiver,
} from './helpers.js'

const { pageId: PAGE, appSecret: SECRET, psid: PSID } = FACEBOOK
const INTEGRATION = 'aaaaaaaaaaaaaaaaaaaaaaaa'

let a: RunningAdapter
let v2: Receiver
let v11: Receiver

beforeEach(async () => {
  a = await adapter()
  addMessengerIntegration(a, INTEGRATION)
  v2 = await startReceiver()
  v11 = await startReceiver()
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: v2.url, triggers: ['conversation:message', 'conversation:postback', 'conversation:create', 'conversation:referral', 'conversation:read'] }] })
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: v11.url, version: 'v1.1', triggers: ['message:appUser', 'postback'] }] })
})
afterEach(async () => {
  await a.close()
  await v2.close()
  await v11.close()
})

const text = (mid: string, t: string, extra: object = {}) =>
  ({ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1458692752478, message: { mid, text: t, ...extra } })

describe('Messenger webhook', () => {
  test('verification GET answers the challenge only with the right verify token', async () => {
    const ok = await fetch(`${a.url}/webhooks/messenger/${INTEGRATION}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`)
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444'])
    const bad = await fetch(`${a.url}/webhooks/messenger/${INTEGRATION}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)
    expect(bad.status).toBe(403)
  })

  test('a missing or wrong X-Hub-Signature-256 is refused with 403 and nothing is stored', async () => {
    const body = messagingBody(PAGE, text('m_1', 'hi'))
    expect((await deliverMessenger(a, INTEGRATION, SECRET, body, null)).status).toBe(403)
    expect((await deliverMessenger(a, INTEGRATION, 'another-secret', body)).status).toBe(403)
    expect((await deliverMessenger(a, INTEGRATION, SECRET, body, 'sha256=' + '0'.repeat(64))).status).toBe(403)
    expect(a.store.users.findClient(a.appId, 'messenger', PAGE, PSID)).toBeUndefined()
    expect(a.store.outbox.list('webhook')).toEqual([])
  })

  test('first text creates user, client (PSID) and conversation; business gets v2 and v1.1 webhooks', async () => {
    expect(await deliverMessenger(a, INTEGRATION, SECRET, messagingBody(PAGE, text('m_1', 'Hello there')))).toEqual({ status: 200, text: 'EVENT_RECEIVED' })
    await expect.poll(() => events(v2).map((e) => e.type)).toEqual(['conversation:create', 'conversation:message'])
    const [create, message] = events(v2)
    expect(create.payload.creationReason).toBe('message')
    expect(v2.acknowledged()[1]!.headers['x-api-key']).toHaveLength(48)
    expect(message.payload.message).toMatchObject({
      author: { type: 'user' }, content: { type: 'text', text: 'Hello there' },
      source: { type: 'messenger', integrationId: INTEGRATION, originalMessageId: 'm_1' },
    })
    const client = a.store.users.findClient(a.appId, 'messenger', PAGE, PSID)!
    expect(client).toMatchObject({ externalId: PSID, integrationId: INTEGRATION, type: 'messenger' })
    const clients = await api(a).get(`/v2/apps/{appId}/users/${client.userId}/clients`)
    expect(clients.body.clients[0]).toMatchObject({ type: 'messenger', externalId: PSID })

    await expect.poll(() => v11.acknowledged().length).toBe(1)
    expect(v11.acknowledged()[0]!.body).toMatchObject({
      trigger: 'message:appUser', app: { _id: a.appId }, version: 'v1.1',
      messages: [{ type: 'text', text: 'Hello there', role: 'appUser', source: { type: 'messenger' } }],
      appUser: { _id: client.userId, conversationStarted: true },
      client: { platform: 'messenger', integrationId: INTEGRATION, primary: true },
    })
    expect(typeof v11.acknowledged()[0]!.body.messages[0].received).toBe('number')
  })

  test('a batched body (several entries, several messaging items each) is processed whole, in order, per page', async () => {
    // One Facebook app has one callback URL for all its pages (§5.1): a batch may carry another page's entry.
    const OTHER_PAGE = '200000000000002'
    addMessengerIntegration(a, 'bbbbbbbbbbbbbbbbbbbbbbbb', { pageId: OTHER_PAGE, pageName: 'Beta', pageAccessToken: 'EAAother' })
    const other = (mid: string, t: string) => ({ ...text(mid, t), sender: { id: '4000000000000002' }, recipient: { id: OTHER_PAGE } })
    const body = { object: 'page', entry: [
      { id: PAGE, time: 1458692752478, messaging: [text('m_b1', 'one'), text('m_b2', 'two')] },
      { id: OTHER_PAGE, time: 1458692752479, messaging: [other('m_b3', 'three'), other('m_b4', 'four')] },
    ] }
    expect(await deliverMessenger(a, INTEGRATION, SECRET, body)).toEqual({ status: 200, text: 'EVENT_RECEIVED' })
    const messages = () => events(v2).filter((e) => e.type === 'conversation:message').map((e) => e.payload.message)
    await expect.poll(() => messages().map((m) => m.content.text).sort()).toEqual(['four', 'one', 'three', 'two'])
    const byIntegration = (id: string) => messages().filter((m) => m.source.integrationId === id).map((m) => m.content.text)
    expect(byIntegration(INTEGRATION)).toEqual(['one', 'two'])
    expect(byIntegration('bbbbbbbbbbbbbbbbbbbbbbbb')).toEqual(['three', 'four'])
  })

  test('a redelivered event (same mid) is processed once; echoes are ignored', async () => {
    const body = messagingBody(PAGE, text('m_dup', 'once'))
    await deliverMessenger(a, INTEGRATION, SECRET, body)
    await deliverMessenger(a, INTEGRATION, SECRET, body)
    await deliverMessenger(a, INTEGRATION, SECRET, messagingBody(PAGE, {
      sender: { id: PAGE }, recipient: { id: PSID }, timestamp: 1, message: { mid: 'm_echo', is_echo: true, app_id: Number(FACEBOOK.appId), text: 'our reply' },
    }))
    await deliverMessenger(a, INTEGRATION, SECRET, messagingBody(PAGE, text('m_next', 'twice?')))
    await expect.poll(() => events(v2).filter((e) => e.type === 'conversation:message').map((e) => e.payload.message.content.text)).toEqual(['once', 'twice?'])
  })

  test('quick reply (also from a click-to-Messenger ad) carries its payload', async () => {
    await deliverMessenger(a, INTEGRATION, SECRET, messagingBody(PAGE, text('m_qr', 'Continue', { quick_reply: { payload: 'continue' } })))
    await expect.poll(() => v11.acknowledged().length).toBe(1)
    expect(v11.acknowledged()[0]!.body.messages[0]).toMatchObject({ type: 'text', text: 'Continue', payload: 'continue', role: 'appUser' })
    await expect.poll(() => events(v2).find((e) => e.type === 'conversation:message')?.payload.message.content).toEqual({ type: 'text', text: 'Continue', payload: 'continue' })
  })

  test('ad postback: v1.1 postbacks with a generated action._id and the ad payload; v2 postback and referral', async () => {
    await deliverMessenger(a, INTEGRATION, SECRET, messagingBody(PAGE, {
      sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1527459824000,
      postback: { title: 'Tell me more', payload: 'tell_me_more', mid: 'm_pb', referral: { ref: 'ad-ref', source: 'ADS', type: 'OPEN_THREAD', ad_id: '6045246247433' } },
    }))
    await expect.poll(() => v11.acknowledged().length).toBe(1)
    const body = v11.acknowledged()[0]!.body
    expect(body).toMatchObject({ trigger: 'postback', postbacks: [{ action: { type: 'postback', text: 'Tell me more', payload: 'tell_me_more' } }], version: 'v1.1' })
    expect(body.postbacks[0].action._id).toMatch(/^[0-9a-f]{24}$/)
    expect(body.messages).toBeUndefined()
    await expect.poll(() => events(v2).map((e) => e.type)).toEqual(['conversation:create', 'conversation:postback', 'conversation:referral'])
    expect(events(v2)[1].payload.postback).toEqual({ payload: 'tell_me_more' })
    expect(events(v2)[2].payload.referral).toEqual({ code: 'ad-ref', details: { source: 'ADS', type: 'OPEN_THREAD', adId: '6045246247433' } })
  })

  test('Get Started starts the conversation; attachments, referrals and reads become events', async () => {
    await deliverMessenger(a, INTEGRATION, SECRET, messagingBody(PAGE,
      { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1, postback: { title: 'Get Started', payload: 'GET_STARTED' } },
      { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 2, message: { mid: 'm_img', attachments: [{ type: 'image', payload: { url: 'https://x.test/p.jpg' } }, { type: 'location', payload: { coordinates: { lat: 1.5, long: 2.5 } } }] } },
      { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 3, referral: { ref: 'summer', source: 'SHORTLINK', type: 'OPEN_THREAD' } },
      { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 4, read: { watermark: 3 } },
    ))
    await expect.poll(() => events(v2).map((e) => e.type)).toEqual([
      'conversation:create', 'conversation:postback', 'conversation:message', 'conversation:message', 'conversation:referral', 'conversation:read',
    ])
    const ev = events(v2)
    expect(ev[0].payload.creationReason).toBe('startConversation')
    expect(ev[2].payload.message.content).toEqual({ type: 'image', mediaUrl: 'https://x.test/p.jpg' })
    expect(ev[3].payload.message.content).toEqual({ type: 'location', coordinates: { lat: 1.5, long: 2.5 } })
    expect(ev[4].payload.referral).toEqual({ code: 'summer', details: { source: 'SHORTLINK', type: 'OPEN_THREAD' } })
  })
})
