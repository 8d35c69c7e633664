/**
 * Business authors as Messenger personas (adapter/messenger/persona.ts; messenger-platform.md §12): an author with a
 * name and a picture is created once as a persona on the page and every send carries its `persona_id`; without a
 * picture the page speaks; a persona Facebook refuses leaves the message delivered as the page, the delivery event
 * saying so; a persona deleted on the page is created again. Graph is a stand-in with the documented shapes; the
 * emulator side is the scenario persona-care-agent.
 */
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter, addMessengerIntegration, api, deliverMessenger, events, FACEBOOK, messagingBody, startReceiver, type Receiver } from './helpers.js'
import { startGraphStandIn, type GraphStandIn } from './graph-stand-in.js'

const MESSENGER = 'aaaaaaaaaaaaaaaaaaaaaaaa'
const JORGE = { type: 'business', displayName: 'Jorge', avatarUrl: 'https://acme.example/jorge.png' }

let a: RunningAdapter
let graph: GraphStandIn
let business: Receiver
let conversationId: string

beforeEach(async () => {
  graph = await startGraphStandIn()
  a = await adapter({ graphUrl: graph.url })
  addMessengerIntegration(a, MESSENGER)
  business = await startReceiver()
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: business.url, triggers: ['conversation:message:delivery:channel'] }] })
  await deliverMessenger(a, MESSENGER, FACEBOOK.appSecret, messagingBody(FACEBOOK.pageId,
    { sender: { id: FACEBOOK.psid }, recipient: { id: FACEBOOK.pageId }, timestamp: 1458692752478, message: { mid: 'm_1', text: 'hi' } }))
  const client = a.store.users.findClient(a.appId, 'messenger', FACEBOOK.pageId, FACEBOOK.psid)!
  conversationId = a.store.conversations.ofUser(client.userId)[0]!.id
})
afterEach(async () => {
  await a.close()
  await Promise.all([graph.close(), business.close()])
})

const send = (author: object, text: string) =>
  api(a).post(`/v2/apps/{appId}/conversations/${conversationId}/messages`, { author, content: { type: 'text', text } })
const sends = () => graph.calls.filter((c) => c.path === '/me/messages').map((c) => c.body)
const personaCreations = () => graph.calls.filter((c) => c.path === '/me/personas')
const delivered = (n: number) => expect.poll(() => events(business).length).toBe(n)

test('an author with a name and a picture is one persona on the page; every send and typing carries it', async () => {
  expect((await send(JORGE, 'Jorge here')).status).toBe(201)
  await delivered(1)
  expect((await send(JORGE, 'Still here')).status).toBe(201)
  await delivered(2)
  expect(personaCreations()).toEqual([{ path: '/me/personas', body: { name: 'Jorge', profile_picture_url: 'https://acme.example/jorge.png' } }])
  const personaId = sends()[0].persona_id
  expect(personaId).toMatch(/^\d+$/)
  expect(sends().map((b) => [b.message.text, b.persona_id])).toEqual([['Jorge here', personaId], ['Still here', personaId]])
  expect((await api(a).post(`/v2/apps/{appId}/conversations/${conversationId}/activity`, { author: JORGE, type: 'typing:start' })).status).toBe(200)
  await expect.poll(() => sends().find((b) => b.sender_action)).toEqual({ recipient: { id: FACEBOOK.psid }, sender_action: 'typing_on', persona_id: personaId })
})

test('without a picture, or as the bot, the page speaks', async () => {
  await send({ type: 'business', displayName: 'Jorge' }, 'no picture')
  await send({ type: 'business' }, 'the bot')
  await delivered(2)
  expect(personaCreations()).toEqual([])
  expect(sends().map((b) => b.persona_id)).toEqual([undefined, undefined])
})

test('a persona Facebook refuses: the message goes as the page, and the delivery event says why', async () => {
  graph.refuseNext(400, { message: '(#100) Param name must be at most 50 characters', type: 'OAuthException', code: 100 })
  await send({ ...JORGE, displayName: 'J'.repeat(60) }, 'long name')
  await delivered(1)
  expect(sends()).toEqual([{ recipient: { id: FACEBOOK.psid }, messaging_type: 'RESPONSE', message: { text: 'long name' } }])
  expect(events(business)[0].payload.warnings).toEqual([{ code: 'persona_refused', message: expect.stringContaining('Sent as the page') }])
})

test('a persona deleted on the page is created again, and the message still goes as the persona', async () => {
  await send(JORGE, 'first')
  await delivered(1)
  const first = sends()[0].persona_id
  graph.refuseNext(400, { message: '(#100) Invalid persona_id', type: 'OAuthException', code: 100 })
  await send(JORGE, 'second')
  await delivered(2)
  expect(personaCreations()).toHaveLength(2)
  const last = sends().at(-1)
  expect(last.message.text).toBe('second')
  expect(last.persona_id).not.toBe(first)
})
