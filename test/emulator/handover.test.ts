/**
 * The handover protocol over HTTP (docs §9, §13): app roles, pass/take/request/release, thread_owner and
 * secondary_receivers, the Send API refusing a non-owner, `standby` for every app that does not own the thread,
 * `messaging_handovers` events for the apps a change concerns, and the Page Inbox answering from the control API.
 */
import { describe, expect } from 'vitest'
import { FacebookAdsApi, Page } from 'facebook-nodejs-business-sdk'
import type { RunningEmulator } from '../../emulator/index.js'
import { MESSENGER_FIELDS } from '../../emulator/facebook/webhook-types.js'
import { emulatorTest, expectGraphError, get, graph, startAppReceiver, type AppReceiver } from './fixtures.js'

const INBOX = '263902037430900'
const FIELDS = [...MESSENGER_FIELDS, 'messaging_handovers' as const, 'standby' as const]

interface HandoverWorld {
  pageId: string
  bot: { id: string; token: string; receiver: AppReceiver }
  agent: { id: string; token: string; receiver: AppReceiver }
  sam: { id: string; psid: string }
}

const test = emulatorTest
  .extend('h', async ({ emulator }, { onCleanup }): Promise<HandoverWorld> => {
    await emulator.client.reset()
    const receivers = [await startAppReceiver(), await startAppReceiver()]
    onCleanup(() => Promise.all(receivers.map((r) => r.close())).then(() => undefined))
    const app = (name: string, r: AppReceiver) =>
      ({ name, webhook: { callbackUrl: r.url, verifyToken: r.verifyToken, fields: FIELDS } })
    const doc = await emulator.client.addWorld({
      apps: [app('Acme Bot', receivers[0]!), app('Acme Agents', receivers[1]!)],
      accounts: [{ name: 'Pat Owner' }],
      pages: [{
        name: 'Acme', admins: ['Pat Owner'],
        subscribedApps: [{ appId: 'Acme Bot', fields: FIELDS }, { appId: 'Acme Agents', fields: FIELDS }],
        appRoles: { primaryReceiver: 'Acme Bot', secondaryReceivers: ['Acme Agents'] },
      }],
      people: [{ firstName: 'Sam', lastName: 'Lee' }],
    })
    const pageId = doc.pages[0]!.id!
    const member = async (i: number) => ({
      id: doc.apps[i]!.id!, receiver: receivers[i]!,
      token: (await emulator.client.pageToken(doc.apps[i]!.id!, pageId)).access_token,
    })
    return { pageId, bot: await member(0), agent: await member(1),
      sam: { id: doc.people[0]!.id!, psid: doc.people[0]!.psids![pageId]! } }
  })

function post(emulator: RunningEmulator, path: string, token: string, body: object) {
  return graph(emulator, `${path}?access_token=${token}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
}

/** Every event the receiver got under `key` (`messaging` or `standby`), in order. */
function entries(r: AppReceiver, key: 'messaging' | 'standby'): any[] {
  return r.posts.flatMap((p) => p.body.entry.flatMap((e: any) => e[key] ?? []))
}

async function eventually(r: AppReceiver, key: 'messaging' | 'standby', match: (e: any) => boolean): Promise<any> {
  await expect.poll(() => entries(r, key).some(match), { timeout: 5000 }).toBe(true)
  return entries(r, key).find(match)
}

const says = (text: string) => (e: any) => e.message?.text === text && !e.message.is_echo
const owner = async (emulator: RunningEmulator, h: HandoverWorld) =>
  (await get(emulator, '/v21.0/me/thread_owner', h.bot.token, { recipient: h.sam.psid })).body

describe('roles and the thread owner', () => {
  test('a thread starts with the primary receiver; secondary_receivers lists the apps and the Page Inbox',
    async ({ emulator, h }) => {
      expect(await owner(emulator, h)).toEqual({ data: [{ thread_owner: { app_id: h.bot.id } }] })
      const secondary = await get(emulator, `/${h.pageId}/secondary_receivers`, h.agent.token, { fields: 'id,name' })
      expect(secondary.body).toEqual({ data: [{ id: h.agent.id, name: 'Acme Agents' }, { id: INBOX, name: 'Page Inbox' }] })
      expect(await emulator.client.appRoles(h.pageId)).toEqual({ primaryReceiver: h.bot.id,
        secondaryReceivers: [h.agent.id, INBOX] })
      expect((await emulator.client.exportWorld()).pages[0]).toMatchObject({
        appRoles: { primaryReceiver: h.bot.id, secondaryReceivers: [h.agent.id] } })
    })

  test('the owner hears the person under messaging, the other app under standby', async ({ emulator, h }) => {
    await emulator.client.personAction(h.sam.id, { type: 'text', pageId: h.pageId, text: 'hi' })
    const heard = await eventually(h.bot.receiver, 'messaging', says('hi'))
    const standby = await eventually(h.agent.receiver, 'standby', says('hi'))
    expect(standby).toEqual(heard)
    expect(entries(h.agent.receiver, 'messaging').filter(says('hi'))).toEqual([])
  })

  test('changing the roles tells each app whose role changed with app_roles', async ({ emulator, h }) => {
    const roles = await emulator.client.setAppRoles(h.pageId, { primaryReceiver: h.agent.id, secondaryReceivers: [h.bot.id] })
    expect(roles).toEqual({ primaryReceiver: h.agent.id, secondaryReceivers: [h.bot.id, INBOX] })
    const told = await eventually(h.agent.receiver, 'messaging', (e) => e.app_roles)
    expect(told).toEqual({ recipient: { id: h.pageId }, timestamp: expect.any(Number),
      app_roles: { [h.agent.id]: ['primary_receiver'] } })
    await eventually(h.bot.receiver, 'messaging', (e) => e.app_roles?.[h.bot.id]?.[0] === 'secondary_receiver')
    expect(await owner(emulator, h)).toEqual({ data: [{ thread_owner: { app_id: h.agent.id } }] })
    await expect(emulator.client.setAppRoles(h.pageId, { primaryReceiver: '999' })).rejects.toMatchObject({ status: 404 })
  })
})

describe('passing and taking the thread', () => {
  test('after a pass the new owner is told, hears the person and sends; the old owner is refused',
    async ({ emulator, h }) => {
      await emulator.client.personAction(h.sam.id, { type: 'text', pageId: h.pageId, text: 'I want a human' })
      const pass = await post(emulator, '/v21.0/me/pass_thread_control', h.bot.token,
        { recipient: { id: h.sam.psid }, target_app_id: Number(h.agent.id), metadata: 'refund' })
      expect(pass.body).toEqual({ success: true })
      const told = await eventually(h.agent.receiver, 'messaging', (e) => e.pass_thread_control)
      expect(told).toEqual({ sender: { id: h.sam.psid }, recipient: { id: h.pageId }, timestamp: expect.any(Number),
        pass_thread_control: { previous_owner_app_id: h.bot.id, new_owner_app_id: h.agent.id, metadata: 'refund' } })
      expect(await owner(emulator, h)).toEqual({ data: [{ thread_owner: { app_id: h.agent.id } }] })

      await emulator.client.personAction(h.sam.id, { type: 'text', pageId: h.pageId, text: 'hello?' })
      await eventually(h.agent.receiver, 'messaging', says('hello?'))
      await eventually(h.bot.receiver, 'standby', says('hello?'))

      const reply = { recipient: { id: h.sam.psid }, messaging_type: 'RESPONSE', message: { text: 'Agent here' } }
      expect((await post(emulator, '/me/messages', h.agent.token, reply)).status).toBe(200)
      expectGraphError(await post(emulator, '/me/messages', h.bot.token, reply), { code: 10, subcode: 2018300,
        type: 'OAuthException', message: '(#10) Message failed to send because another app is controlling this thread now.' })
      const thread = await emulator.client.thread(h.sam.id, h.pageId)
      expect(thread.bubbles.map((b) => b.text)).toEqual(['I want a human', 'hello?', 'Agent here'])
    })

  test('the primary receiver takes the thread back and the previous owner is told', async ({ emulator, h }) => {
    await post(emulator, `/${h.pageId}/pass_thread_control`, h.bot.token,
      { recipient: { id: h.sam.psid }, target_app_id: h.agent.id })
    expect((await post(emulator, `/v21.0/${h.pageId}/take_thread_control`, h.bot.token,
      { recipient: { id: h.sam.psid }, metadata: 'back to bot' })).body).toEqual({ success: true })
    const told = await eventually(h.agent.receiver, 'messaging', (e) => e.take_thread_control)
    expect(told.take_thread_control).toEqual({ previous_owner_app_id: h.agent.id, new_owner_app_id: h.bot.id,
      metadata: 'back to bot' })
    expect(await owner(emulator, h)).toEqual({ data: [{ thread_owner: { app_id: h.bot.id } }] })
  })

  test('a secondary receiver requests the thread (the owner is told) and releases it back', async ({ emulator, h }) => {
    const psid = { recipient: { id: h.sam.psid } }
    await post(emulator, '/me/request_thread_control', h.agent.token, { ...psid, metadata: 'may I?' })
    const request = await eventually(h.bot.receiver, 'messaging', (e) => e.request_thread_control)
    expect(request.request_thread_control).toEqual({ requested_owner_app_id: h.agent.id, metadata: 'may I?' })
    await post(emulator, '/me/pass_thread_control', h.bot.token, { ...psid, target_app_id: h.agent.id })
    expect((await post(emulator, '/me/release_thread_control', h.agent.token, psid)).body).toEqual({ success: true })
    const back = await eventually(h.bot.receiver, 'messaging', (e) => e.pass_thread_control)
    expect(back.pass_thread_control).toMatchObject({ previous_owner_app_id: h.agent.id, new_owner_app_id: h.bot.id })
    expect(await owner(emulator, h)).toEqual({ data: [{ thread_owner: { app_id: h.bot.id } }] })
  })

  test('refuses a non-owner passing, a secondary taking, an unknown target and another page\'s PSID; nothing changes',
    async ({ emulator, h }) => {
      const psid = { recipient: { id: h.sam.psid } }
      expectGraphError(await post(emulator, '/me/pass_thread_control', h.agent.token, { ...psid, target_app_id: h.bot.id }),
        { code: 10, message: '(#10) Application does not have permission for this action' })
      expectGraphError(await post(emulator, '/me/take_thread_control', h.agent.token, psid),
        { status: 403, code: 200, message: '(#200) Permissions error' })
      expectGraphError(await post(emulator, '/me/pass_thread_control', h.bot.token, { ...psid, target_app_id: '123456' }),
        { code: 100, message: '(#100) Invalid parameter' })
      expectGraphError(await post(emulator, '/me/pass_thread_control', h.bot.token, { ...psid }),
        { code: 100, message: '(#100) The parameter target_app_id is required' })
      expectGraphError(await post(emulator, '/me/take_thread_control', h.bot.token, { recipient: { id: '1234567' } }),
        { code: 100, subcode: 2018001 })
      expectGraphError(await post(emulator, '/me/release_thread_control', h.agent.token, psid), { code: 10 })
      expectGraphError(await get(emulator, '/me/thread_owner', h.bot.token), { code: 100 })
      expect(await owner(emulator, h)).toEqual({ data: [{ thread_owner: { app_id: h.bot.id } }] })
      expect(entries(h.bot.receiver, 'messaging').concat(entries(h.agent.receiver, 'messaging'))
        .filter((e) => e.pass_thread_control || e.take_thread_control)).toEqual([])
    })

  test("Meta's business SDK passes, reads the owner and the secondary receivers", async ({ emulator, h }) => {
    const graphUrl = Object.getOwnPropertyDescriptor(FacebookAdsApi, 'GRAPH')!
    Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => emulator.url, configurable: true })
    try {
      FacebookAdsApi.init(h.bot.token, 'en_US', false)
      const page = new Page(h.pageId)
      await page.createPassThreadControl([], { recipient: { id: h.sam.psid }, target_app_id: h.agent.id })
      const owners = await page.getThreadOwner([], { recipient: h.sam.psid })
      expect(owners.map((o: any) => o.exportAllData())).toEqual([{ thread_owner: { app_id: h.agent.id } }])
      const receivers = await page.getSecondaryReceivers(['id', 'name'])
      expect(receivers.map((r: any) => r.id)).toEqual([h.agent.id, INBOX])
      await expect(page.createTakeThreadControl([], { recipient: { id: h.sam.psid } })).resolves.toBeDefined()
      expect(await owner(emulator, h)).toEqual({ data: [{ thread_owner: { app_id: h.bot.id } }] })
    } finally {
      Object.defineProperty(FacebookAdsApi, 'GRAPH', graphUrl)
    }
  })
})

describe('the Page Inbox', () => {
  test('answering from the Inbox takes the thread, echoes with the Inbox app id; Done gives it back',
    async ({ emulator, h }) => {
      await emulator.client.personAction(h.sam.id, { type: 'text', pageId: h.pageId, text: 'help' })
      const reply = await emulator.client.inboxReply(h.pageId, h.sam.psid, 'Pat here, how can I help?')
      expect(reply).toEqual({ mid: expect.stringMatching(/^m_/), threadOwnerAppId: INBOX })
      const taken = await eventually(h.bot.receiver, 'messaging', (e) => e.take_thread_control)
      expect(taken.take_thread_control).toEqual({ previous_owner_app_id: h.bot.id, new_owner_app_id: INBOX })
      const echo = await eventually(h.bot.receiver, 'standby', (e) => e.message?.is_echo)
      expect(echo.message).toMatchObject({ app_id: Number(INBOX), mid: reply.mid, text: 'Pat here, how can I help?' })
      const thread = await emulator.client.thread(h.sam.id, h.pageId)
      expect(thread.bubbles.map((b) => [b.from, b.text])).toEqual([['person', 'help'], ['page', 'Pat here, how can I help?']])
      expectGraphError(await post(emulator, '/me/messages', h.bot.token,
        { recipient: { id: h.sam.psid }, messaging_type: 'RESPONSE', message: { text: 'bot' } }), { code: 10, subcode: 2018300 })

      expect(await emulator.client.inboxDone(h.pageId, h.sam.psid)).toEqual({ threadOwnerAppId: h.bot.id })
      const back = await eventually(h.bot.receiver, 'messaging', (e) => e.pass_thread_control)
      expect(back.pass_thread_control).toEqual({ previous_owner_app_id: INBOX, new_owner_app_id: h.bot.id })
      await expect(emulator.client.inboxReply(h.pageId, '1234567', 'x')).rejects.toMatchObject({ status: 409 })
    })

  test('a page without a primary receiver has no handover: everyone hears messaging, calls are refused',
    async ({ emulator, h }) => {
      await emulator.client.setAppRoles(h.pageId, { primaryReceiver: null })
      await emulator.client.personAction(h.sam.id, { type: 'text', pageId: h.pageId, text: 'hi all' })
      await eventually(h.bot.receiver, 'messaging', says('hi all'))
      await eventually(h.agent.receiver, 'messaging', says('hi all'))
      expect(await owner(emulator, h)).toEqual({ data: [] })
      expectGraphError(await post(emulator, '/me/take_thread_control', h.bot.token, { recipient: { id: h.sam.psid } }),
        { code: 10 })
      expect((await emulator.client.inboxReply(h.pageId, h.sam.psid, 'from the inbox')).threadOwnerAppId).toBeNull()
    })
})
