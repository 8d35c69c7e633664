/**
 * Sunshine's switchboard on the adapter (conversations-api.md §14.3), through Zendesk's official client
 * (sunshine-conversations-client 14.1.0: SwitchboardsApi, SwitchboardIntegrationsApi, SwitchboardActionsApi) and raw
 * HTTP: switchboards and switchboard integrations with their rules, control actions and the `switchboard:*` webhooks,
 * which business webhooks an event reaches (active, standby, deliverStandbyEvents), and the mapping onto Messenger's
 * handover protocol, against Graph's documented shapes (messenger-platform.md §9, §13).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { RunningAdapter } from '../../adapter/index.js'
import {
  adapter, addMessengerIntegration, api, deliverMessenger, events, FACEBOOK, messagingBody, startReceiver, type Receiver,
} from './helpers.js'
import { basicClient, refused, type Apis } from './sunshine-client.js'
import { startGraphStandIn, type GraphStandIn } from './graph-stand-in.js'

const { pageId: PAGE, appSecret: SECRET, psid: PSID, appId: OUR_APP } = FACEBOOK
const MESSENGER = 'aaaaaaaaaaaaaaaaaaaaaaaa'
const PAGE_INBOX = '263902037430900'
const TRIGGERS = ['conversation:create', 'conversation:message', 'switchboard:passControl', 'switchboard:offerControl',
  'switchboard:acceptControl', 'switchboard:releaseControl']

let a: RunningAdapter
let graph: GraphStandIn
let sc: Apis
let bot: Receiver
let agent: Receiver
let botIntegration: string
let agentIntegration: string

beforeEach(async () => {
  graph = await startGraphStandIn()
  a = await adapter({ graphUrl: graph.url })
  sc = basicClient(a.url, a.keyId, a.keySecret)
  addMessengerIntegration(a, MESSENGER)
  bot = await startReceiver()
  agent = await startReceiver()
  const custom = async (target: string) => (await sc.integrations.createIntegration(a.appId,
    { type: 'custom', webhooks: [{ target, triggers: TRIGGERS }] })).integration.id
  botIntegration = await custom(bot.url)
  agentIntegration = await custom(agent.url)
})
afterEach(async () => {
  await a.close()
  await Promise.all([graph.close(), bot.close(), agent.close()])
})

/** Switchboard with `bot` (default, hears standby), `agent` and the Page Inbox, enabled. */
async function switchboard(botStandby = true) {
  const { switchboard: s } = await sc.switchboards.createSwitchboard(a.appId)
  const si = (body: object) => sc.switchboardIntegrations.createSwitchboardIntegration(a.appId, s.id, body)
  const inbox = (await si({ name: 'page-inbox', integrationType: `facebookApp:${PAGE_INBOX}` })).switchboardIntegration
  const agentSi = (await si({ name: 'agent', integrationId: agentIntegration })).switchboardIntegration
  const botSi = (await si({ name: 'bot', integrationId: botIntegration, deliverStandbyEvents: botStandby, nextSwitchboardIntegrationId: agentSi.id })).switchboardIntegration
  await sc.switchboards.updateSwitchboard(a.appId, s.id, { enabled: true, defaultSwitchboardIntegrationId: botSi.id })
  return { id: s.id as string, bot: botSi, agent: agentSi, inbox }
}

const text = (mid: string, t: string) => ({ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1458692752478, message: { mid, text: t } })
const handover = (kind: string, body: object, ts = 1458692760000) =>
  messagingBody(PAGE, { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: ts, [kind]: body })
const ofType = (r: Receiver, type: string) => events(r).filter((e) => e.type === type)
const handoverCalls = () => graph.calls.filter((c) => /_thread_control$/.test(c.path))

/** A person writes to the page: the contact and its conversation exist, the bot (default) has control. */
async function personWrites(mid = 'm_1', t = 'hello') {
  expect((await deliverMessenger(a, MESSENGER, SECRET, messagingBody(PAGE, text(mid, t)))).status).toBe(200)
  const client = a.store.users.findClient(a.appId, 'messenger', PAGE, PSID)!
  return a.store.conversations.ofUser(client.userId)[0]!.id
}

describe('switchboards and switchboard integrations', () => {
  test('one switchboard per app, created disabled; integrations listed, updated; the official client reads them', async () => {
    const { switchboard: s } = await sc.switchboards.createSwitchboard(a.appId)
    expect(s).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), enabled: false })
    expect(await refused(sc.switchboards.createSwitchboard(a.appId))).toEqual({ status: 400, code: 'bad_request', title: 'Only one switchboard per app can be created' })
    expect((await sc.switchboards.listSwitchboards(a.appId)).switchboards).toEqual([s])
    const created = await sc.switchboardIntegrations.createSwitchboardIntegration(a.appId, s.id,
      { name: 'bot', integrationId: botIntegration, deliverStandbyEvents: true, messageHistoryCount: 5 })
    expect(created.switchboardIntegration).toEqual({
      id: expect.any(String), name: 'bot', integrationId: botIntegration, integrationType: 'custom', deliverStandbyEvents: true, messageHistoryCount: 5,
    })
    const updated = await sc.switchboardIntegrations.updateSwitchboardIntegration(a.appId, s.id, created.switchboardIntegration.id, { name: 'answer-bot' })
    expect(updated.switchboardIntegration.name).toBe('answer-bot')
    expect((await sc.switchboardIntegrations.listSwitchboardIntegrations(a.appId, s.id)).switchboardIntegrations).toHaveLength(1)
  })

  test('bad input is refused by name and changes nothing', async () => {
    const { switchboard: s } = await sc.switchboards.createSwitchboard(a.appId)
    const create = (body: object) => refused(sc.switchboardIntegrations.createSwitchboardIntegration(a.appId, s.id, body))
    expect(await create({ name: 'has space', integrationId: botIntegration })).toMatchObject({ status: 400, title: expect.stringContaining('alphanumeric') })
    expect(await create({ name: 'x' })).toMatchObject({ status: 400, title: expect.stringContaining('integrationId') })
    expect(await create({ name: 'x', integrationId: botIntegration, integrationType: 'custom' })).toMatchObject({ status: 400 })
    expect(await create({ name: 'x', integrationId: '0'.repeat(24) })).toMatchObject({ status: 404, code: 'integration_not_found' })
    expect(await create({ name: 'x', integrationId: MESSENGER })).toMatchObject({ status: 400, title: expect.stringContaining('channel') })
    expect(await create({ name: 'x', integrationType: 'zd:agentWorkspace' })).toMatchObject({ status: 400 })
    expect(await create({ name: 'x', integrationId: botIntegration, messageHistoryCount: 11 })).toMatchObject({ status: 400 })
    expect(await create({ name: 'x', integrationId: botIntegration, nextSwitchboardIntegrationId: '0'.repeat(24) }))
      .toMatchObject({ status: 404, code: 'switchboard_integration_not_found' })
    expect(await refused(sc.switchboards.updateSwitchboard(a.appId, s.id, { enabled: true })))
      .toMatchObject({ status: 400, title: 'Enabled switchboard must have an associated default switchboardIntegration' })
    expect(await refused(sc.switchboards.updateSwitchboard(a.appId, '0'.repeat(24), { enabled: false }))).toMatchObject({ status: 404, code: 'switchboard_not_found' })
    expect((await sc.switchboardIntegrations.listSwitchboardIntegrations(a.appId, s.id)).switchboardIntegrations).toEqual([])
  })

  test('at most 10 switchboard integrations, names unique', async () => {
    const { switchboard: s } = await sc.switchboards.createSwitchboard(a.appId)
    for (let i = 0; i < 10; i++) {
      await sc.switchboardIntegrations.createSwitchboardIntegration(a.appId, s.id, { name: `si-${i}`, integrationType: `facebookApp:${1000 + i}` })
    }
    expect(await refused(sc.switchboardIntegrations.createSwitchboardIntegration(a.appId, s.id, { name: 'eleven', integrationId: botIntegration })))
      .toMatchObject({ status: 400, code: 'too_many_switchboard_integrations' })
    const [first] = (await sc.switchboardIntegrations.listSwitchboardIntegrations(a.appId, s.id)).switchboardIntegrations
    expect(await refused(sc.switchboardIntegrations.updateSwitchboardIntegration(a.appId, s.id, first.id, { name: 'si-1' })))
      .toMatchObject({ status: 409, code: 'conflict' })
  })

  test('the default and a next target cannot be deleted; deleting the switchboard frees every conversation', async () => {
    const s = await switchboard()
    const del = (id: string) => refused(sc.switchboardIntegrations.deleteSwitchboardIntegration(a.appId, s.id, id))
    expect(await del(s.bot.id)).toMatchObject({ status: 400, title: expect.stringContaining('default') })
    expect(await del(s.agent.id)).toMatchObject({ status: 400, title: expect.stringContaining('nextSwitchboardIntegrationId') })
    const conversationId = await personWrites()
    await sc.switchboardActions.passControl(a.appId, conversationId, { switchboardIntegration: 'agent' })
    await sc.switchboards.deleteSwitchboard(a.appId, s.id)
    const { conversation } = await sc.conversations.getConversation(a.appId, conversationId)
    expect(conversation.activeSwitchboardIntegration).toBeUndefined()
  })
})

describe('control and the webhooks it routes', () => {
  test('the default switchboard integration controls a new conversation; standby webhooks get events only with deliverStandbyEvents', async () => {
    await switchboard(false)
    const conversationId = await personWrites('m_1', 'hello')
    await expect.poll(() => ofType(bot, 'conversation:message').length).toBe(1)
    const [msg] = ofType(bot, 'conversation:message')
    expect(msg.payload.conversation).toEqual({ id: conversationId, type: 'personal',
      activeSwitchboardIntegration: { id: expect.any(String), name: 'bot', integrationId: botIntegration, integrationType: 'custom' } })
    // The agent is in standby and does not hear standby events.
    expect(ofType(agent, 'conversation:message')).toEqual([])
    const { conversation } = await sc.conversations.getConversation(a.appId, conversationId)
    expect(conversation.activeSwitchboardIntegration.name).toBe('bot')
  })

  test('passControl with `next`, offer and accept, release: each fires its webhook to both sides, with its metadata', async () => {
    await switchboard()
    const conversationId = await personWrites()
    await sc.switchboardActions.passControl(a.appId, conversationId, { switchboardIntegration: 'next', metadata: { reason: 'billing' } })
    await expect.poll(() => ofType(agent, 'switchboard:passControl').length).toBe(1)
    expect(ofType(agent, 'switchboard:passControl')[0].payload).toEqual({
      conversation: { id: conversationId, type: 'personal', activeSwitchboardIntegration: expect.objectContaining({ name: 'agent' }) },
      metadata: { reason: 'billing' },
    })
    await expect.poll(() => ofType(bot, 'switchboard:passControl').length).toBe(1)
    // The agent is in control: the person's next message reaches it; the bot hears it in standby, marked so.
    await personWrites('m_2', 'still there?')
    await expect.poll(() => ofType(agent, 'conversation:message').length).toBe(1)
    await expect.poll(() => ofType(bot, 'conversation:message').length).toBe(2)
    expect(ofType(bot, 'conversation:message')[1].payload.conversation.activeSwitchboardIntegration.name).toBe('agent')

    await sc.switchboardActions.offerControl(a.appId, conversationId, { switchboardIntegration: 'bot' })
    expect(await refused(sc.switchboardActions.offerControl(a.appId, conversationId, { switchboardIntegration: 'agent' })))
      .toMatchObject({ status: 400, title: 'agent already has control' })
    let { conversation } = await sc.conversations.getConversation(a.appId, conversationId)
    expect([conversation.activeSwitchboardIntegration.name, conversation.pendingSwitchboardIntegration.name]).toEqual(['agent', 'bot'])
    await sc.switchboardActions.acceptControl(a.appId, conversationId, { metadata: { ok: true } })
    ;({ conversation } = await sc.conversations.getConversation(a.appId, conversationId))
    expect(conversation.activeSwitchboardIntegration.name).toBe('bot')
    expect(conversation.pendingSwitchboardIntegration).toBeUndefined()
    expect(await refused(sc.switchboardActions.acceptControl(a.appId, conversationId, {}))).toMatchObject({ status: 400 })

    await sc.switchboardActions.releaseControl(a.appId, conversationId)
    ;({ conversation } = await sc.conversations.getConversation(a.appId, conversationId))
    expect(conversation.activeSwitchboardIntegration).toBeUndefined()
    await expect.poll(() => ofType(bot, 'switchboard:releaseControl').length).toBe(1)
    expect(ofType(bot, 'switchboard:releaseControl')[0].payload.conversation.activeSwitchboardIntegration).toBeUndefined()
    // None of this touched Messenger: both integrations answer through the adapter's own Facebook app.
    expect(handoverCalls()).toEqual([])
  })

  test('wrong targets, a disabled or missing switchboard: clear errors, nothing changes', async () => {
    const conversationId = await personWrites()
    expect(await refused(sc.switchboardActions.passControl(a.appId, conversationId, { switchboardIntegration: 'agent' })))
      .toMatchObject({ status: 404, code: 'switchboard_not_found' })
    const s = await switchboard()
    expect(await refused(sc.switchboardActions.passControl(a.appId, conversationId, { switchboardIntegration: 'nobody' })))
      .toMatchObject({ status: 404, code: 'switchboard_integration_not_found' })
    expect(await refused(sc.switchboardActions.passControl(a.appId, '0'.repeat(24), { switchboardIntegration: 'agent' })))
      .toMatchObject({ status: 404, code: 'conversation_not_found' })
    expect((await api(a).post(`/v2/apps/{appId}/conversations/${conversationId}/passControl`, { switchboardIntegration: 'agent', metadata: { deep: { no: 1 } } })).status).toBe(400)
    await sc.switchboards.updateSwitchboard(a.appId, s.id, { enabled: false })
    expect(await refused(sc.switchboardActions.passControl(a.appId, conversationId, { switchboardIntegration: 'agent' })))
      .toMatchObject({ status: 400, title: expect.stringContaining('disabled') })
    expect(ofType(agent, 'switchboard:passControl')).toEqual([])
  })
})

describe('Messenger handover protocol', () => {
  test('passing to the Page Inbox is pass_thread_control; taking it back is take_thread_control', async () => {
    await switchboard()
    const conversationId = await personWrites()
    await sc.switchboardActions.passControl(a.appId, conversationId, { switchboardIntegration: 'page-inbox', metadata: { topic: 'refund' } })
    expect(handoverCalls()).toEqual([{ path: '/me/pass_thread_control',
      body: { recipient: { id: PSID }, target_app_id: PAGE_INBOX, metadata: '{"topic":"refund"}' } }])
    await sc.switchboardActions.passControl(a.appId, conversationId, { switchboardIntegration: 'bot' })
    expect(handoverCalls()[1]).toEqual({ path: '/me/take_thread_control', body: { recipient: { id: PSID } } })
  })

  test('Facebook refusing the handover is answered with its reason, and control stays where it was', async () => {
    await switchboard()
    const conversationId = await personWrites()
    graph.refuseNext(400, { message: '(#10) Only the primary receiver can take thread control', type: 'OAuthException', code: 10 })
    expect(await refused(sc.switchboardActions.passControl(a.appId, conversationId, { switchboardIntegration: 'page-inbox' })))
      .toMatchObject({ status: 400, title: expect.stringContaining('pass_thread_control: Facebook answered (#10)') })
    const { conversation } = await sc.conversations.getConversation(a.appId, conversationId)
    expect(conversation.activeSwitchboardIntegration.name).toBe('bot')
    expect(ofType(bot, 'switchboard:passControl')).toEqual([])
  })

  test('the Page Inbox taking the thread, standby messages, and the Inbox passing it back reach the switchboard', async () => {
    await switchboard()
    const conversationId = await personWrites()
    // The page owner answers from the Page Inbox: Facebook tells the adapter's app it lost the thread.
    await deliverMessenger(a, MESSENGER, SECRET, handover('take_thread_control', { previous_owner_app_id: OUR_APP, new_owner_app_id: PAGE_INBOX, metadata: 'inbox' }))
    await expect.poll(() => ofType(bot, 'switchboard:passControl').length).toBe(1)
    expect(ofType(bot, 'switchboard:passControl')[0].payload).toEqual({
      conversation: { id: conversationId, type: 'personal', activeSwitchboardIntegration: expect.objectContaining({ name: 'page-inbox', integrationType: `facebookApp:${PAGE_INBOX}` }) },
      metadata: { handover: 'take_thread_control', newOwnerAppId: PAGE_INBOX, previousOwnerAppId: OUR_APP, metadata: 'inbox' },
    })
    // The person writes on: the adapter's app hears it in standby; the bot gets it marked with who is in control.
    const standby = { object: 'page', entry: [{ id: PAGE, time: 1, standby: [text('m_2', 'is anyone there?')] }] }
    await deliverMessenger(a, MESSENGER, SECRET, standby)
    await expect.poll(() => ofType(bot, 'conversation:message').length).toBe(2)
    const heard = ofType(bot, 'conversation:message')[1].payload
    expect(heard.message.content.text).toBe('is anyone there?')
    expect(heard.conversation.activeSwitchboardIntegration.name).toBe('page-inbox')
    expect(ofType(agent, 'conversation:message')).toEqual([])
    // The Inbox's answer, echoed with the Inbox's app id, is kept as a business message sent on Messenger.
    const echo = { sender: { id: PAGE }, recipient: { id: PSID }, timestamp: 1458692765000,
      message: { mid: 'm_inbox', is_echo: true, app_id: Number(PAGE_INBOX), text: 'Pat here, refunded' } }
    await deliverMessenger(a, MESSENGER, SECRET, { object: 'page', entry: [{ id: PAGE, time: 1, standby: [echo] }] })
    await expect.poll(() => ofType(bot, 'conversation:message').length).toBe(3)
    expect(ofType(bot, 'conversation:message')[2].payload.message).toMatchObject({
      author: { type: 'business' }, content: { type: 'text', text: 'Pat here, refunded' },
      source: { type: 'messenger', integrationId: MESSENGER, originalMessageId: 'm_inbox' },
    })
    // The same handover delivered again changes nothing.
    await deliverMessenger(a, MESSENGER, SECRET, handover('take_thread_control', { previous_owner_app_id: OUR_APP, new_owner_app_id: PAGE_INBOX }, 1458692770000))
    // Done in the Page Inbox: the thread comes back to the adapter's app, and to the bot.
    await deliverMessenger(a, MESSENGER, SECRET, handover('pass_thread_control', { previous_owner_app_id: PAGE_INBOX, new_owner_app_id: OUR_APP }, 1458692780000))
    await expect.poll(() => ofType(bot, 'switchboard:passControl').length).toBe(2)
    expect(ofType(bot, 'switchboard:passControl')[1].payload.conversation.activeSwitchboardIntegration.name).toBe('bot')
    expect(handoverCalls()).toEqual([])
  })

  test('request_thread_control from the Page Inbox is an offer; accepting it passes the thread', async () => {
    await switchboard()
    const conversationId = await personWrites()
    await deliverMessenger(a, MESSENGER, SECRET, handover('request_thread_control', { requested_owner_app_id: PAGE_INBOX, metadata: 'may I?' }))
    await expect.poll(() => ofType(bot, 'switchboard:offerControl').length).toBe(1)
    expect(ofType(bot, 'switchboard:offerControl')[0].payload.conversation.pendingSwitchboardIntegration.name).toBe('page-inbox')
    await sc.switchboardActions.acceptControl(a.appId, conversationId, {})
    expect(handoverCalls()).toEqual([{ path: '/me/pass_thread_control', body: { recipient: { id: PSID }, target_app_id: PAGE_INBOX } }])
  })
})
