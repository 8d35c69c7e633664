/**
 * The adapter against the real emulator, only over HTTP: integration setup, sending, receiving, the password-change
 * case, menus, diagnosis. The business is a real local HTTP receiver.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter, api, events, startReceiver, type Receiver } from './helpers.js'

const PASSWORD_MESSAGE = 'Error validating access token: The session has been invalidated because the user changed ' +
  'their password or Facebook has changed the session for security reasons.'

let emu: RunningEmulator
let a: RunningAdapter
let hook: Receiver
let legacy: Receiver
let world: any
let integrationId: string
const app = () => world.apps[0]
const page = () => world.pages[0]
const person = () => world.people[0]

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  world = await emu.client.addWorld({
    apps: [{ name: 'Acme Support' }, { name: 'Fresh App' }],
    accounts: [{ name: 'Pat Owner' }, { name: 'Eve Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }, { name: 'Acme EU', admins: ['Eve Owner'], eea: true }],
    people: [{ firstName: 'Sam', lastName: 'Lee' }],
  })
  a = await adapter({ graphUrl: emu.url })
  hook = await startReceiver()
  legacy = await startReceiver()
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: hook.url, triggers: ['*'] }] })
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: legacy.url, version: 'v1.1', triggers: ['message:appUser', 'message:delivery:failure'] }] })
})
afterAll(async () => {
  await a?.close()
  await emu?.close()
  await hook?.close()
  await legacy?.close()
})

const pageToken = async (appIndex = 0, pageIndex = 0) =>
  (await emu.client.pageToken(world.apps[appIndex].id, world.pages[pageIndex].id)).access_token
const say = (text: string) => emu.client.personAction(person().id, { type: 'text', pageId: page().id, text })
const lastOf = (type: string) => events(hook).filter((e) => e.type === type).at(-1)
const conversationId = () => events(hook).find((e) => e.type === 'conversation:message')!.payload.conversation.id

describe('Messenger integration', () => {
  test('invalid token or wrong app secret: clear error, nothing stored', async () => {
    const bad = await api(a).post('/v2/apps/{appId}/integrations', { type: 'messenger', pageAccessToken: 'EAAnope', appId: app().id, appSecret: app().secret })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].title).toMatch(/GET \/me.*#190/)
    const wrongSecret = await api(a).post('/v2/apps/{appId}/integrations', { type: 'messenger', pageAccessToken: await pageToken(), appId: app().id, appSecret: 'f'.repeat(32) })
    expect(wrongSecret.status).toBe(400)
    expect(wrongSecret.body.errors[0].title).toMatch(/appSecret/)
    expect((await api(a).get('/v2/apps/{appId}/integrations?filter[types]=messenger')).body.integrations).toEqual([])
  })

  test('create: webhook subscribed (verified by Facebook), page subscribed to the seven fields', async () => {
    const res = await api(a).post('/v2/apps/{appId}/integrations', { type: 'messenger', pageAccessToken: await pageToken(), appId: app().id, appSecret: app().secret, displayName: 'Acme' })
    expect(res.status).toBe(201)
    expect(res.body.integration).toMatchObject({ type: 'messenger', status: 'active', appId: app().id, pageId: page().id, pageName: 'Acme' })
    expect(JSON.stringify(res.body)).not.toContain(app().secret)
    integrationId = res.body.integration.id
    const wh = await emu.client.appWebhook(app().id)
    expect(wh.callbackUrl).toBe(`${a.url}/webhooks/messenger/${integrationId}`)
    const fields = ['messages', 'messaging_postbacks', 'messaging_optins', 'message_reads', 'messaging_referrals', 'message_deliveries', 'message_echoes', 'messaging_handovers', 'standby']
    expect([...wh.fields].sort()).toEqual([...fields].sort())
    expect(wh.subscribedPages.map((p) => [p.pageId, [...p.fields].sort()])).toEqual([[page().id, [...fields].sort()]])
  })

  test('a person writes: user with their profile, client, conversation; the business answers; deliveries reported', async () => {
    await say('Hi, is my order shipped?')
    await expect.poll(() => lastOf('conversation:message')?.payload.message.content.text).toBe('Hi, is my order shipped?')
    const msg = lastOf('conversation:message').payload.message
    expect(msg.author).toMatchObject({ type: 'user', displayName: 'Sam Lee' })
    expect(msg.source).toMatchObject({ type: 'messenger', integrationId })

    const sent = await api(a).post(`/v2/apps/{appId}/conversations/${conversationId()}/messages`, {
      author: { type: 'business' }, content: { type: 'text', text: 'It is! Rate us? %[Great](reply:RATE_5) %[Meh](reply:RATE_2)' },
    })
    expect(sent.status).toBe(201)
    const id = sent.body.messages[0].id
    expect(sent.body.messages[0].content.actions).toHaveLength(2)
    await expect.poll(() => lastOf('conversation:message:delivery:channel')?.payload.message.id).toBe(id)
    const mid = lastOf('conversation:message:delivery:channel').payload.externalMessages[0].id
    const thread = await emu.client.thread(person().id, page().id)
    expect(thread.bubbles.find((b) => b.mid === mid)?.text).toBe('It is! Rate us?')
    expect(thread.quickReplies.map((q) => q.title)).toEqual(['Great', 'Meh'])

    await emu.client.personAction(person().id, { type: 'read', pageId: page().id })
    await expect.poll(() => lastOf('conversation:message:delivery:user')?.payload.message.id).toBe(id)
    await emu.client.personAction(person().id, { type: 'quick_reply', pageId: page().id, payload: 'RATE_5' })
    await expect.poll(() => lastOf('conversation:message')?.payload.message.content).toMatchObject({ text: 'Great', payload: 'RATE_5' })
  })

  test('carousel and typing reach the person', async () => {
    const sent = await api(a).post(`/v2/apps/{appId}/conversations/${conversationId()}/messages`, {
      author: { type: 'business' },
      content: { type: 'carousel', items: [
        { title: 'Tacos', mediaUrl: 'https://example.org/t.jpg', actions: [{ type: 'postback', text: 'Select', payload: 'TACOS' }] },
        { title: 'Burritos', actions: [{ type: 'link', text: 'More', uri: 'https://example.org' }] },
      ] },
    })
    expect(sent.status).toBe(201)
    await expect.poll(() => lastOf('conversation:message:delivery:channel')?.payload.message.id).toBe(sent.body.messages[0].id)
    const refused = await api(a).post(`/v2/apps/{appId}/conversations/${conversationId()}/messages`, {
      author: { type: 'business' }, content: { type: 'carousel', items: [{ title: 'x', actions: [{ type: 'reply', text: 'r', payload: 'p' }] }] },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].title).toMatch(/not allowed in a carousel/)
    const mid = lastOf('conversation:message:delivery:channel').payload.externalMessages[0].id
    const card = (await emu.client.thread(person().id, page().id)).bubbles.find((b) => b.mid === mid)?.template
    expect(card).toMatchObject({ type: 'carousel', cards: [{ title: 'Tacos' }, { title: 'Burritos' }] })
    expect((await api(a).post(`/v2/apps/{appId}/conversations/${conversationId()}/activity`, { author: { type: 'business' }, type: 'typing:start' })).status).toBe(200)
    await expect.poll(async () => (await emu.client.thread(person().id, page().id)).typing.page).toBe(true)
  })

  test('persistent menu: applied flattened (Graph ≥ v8.0); refused for an EEA page', async () => {
    const menu = { items: [
      { type: 'link', text: 'Shop', uri: 'https://example.org/shop' },
      { type: 'submenu', text: 'Help', items: [{ type: 'postback', text: 'Agent', payload: 'AGENT' }, { type: 'postback', text: 'Hours', payload: 'HOURS' }] },
    ] }
    const res = await api(a).put(`/v1.1/apps/{appId}/integrations/${integrationId}/menu`, menu)
    expect(res.status).toBe(200)
    const profile = await fetch(`${emu.url}/v21.0/me/messenger_profile?fields=persistent_menu&access_token=${await pageToken()}`).then((r) => r.json())
    expect(profile.data[0].persistent_menu[0].call_to_actions.map((i: any) => i.title)).toEqual(['Shop', 'Agent', 'Hours'])

    const eu = await api(a).post('/v2/apps/{appId}/integrations', { type: 'messenger', pageAccessToken: await pageToken(0, 1), appId: app().id, appSecret: app().secret })
    expect(eu.status).toBe(201)
    const refused = await api(a).put(`/v1.1/apps/{appId}/integrations/${eu.body.integration.id}/menu`, menu)
    expect(refused.status).toBe(400)
    expect(refused.body.error).toEqual({ code: 'bad_request', description: expect.stringMatching(/European privacy rules/) })
    const diag = await api(a).get(`/v2/apps/{appId}/integrations/${eu.body.integration.id}/diagnosis`)
    expect(diag.body.diagnosis.findings.map((f: any) => f.case)).toContain('eea_restrictions')
  })

  test('password change: failures carry unauthorized and Facebook\'s exact message (v2 and v1.1); messages keep arriving', async () => {
    await emu.client.changePassword(world.accounts[0].id)
    const sent = await api(a).post(`/v2/apps/{appId}/conversations/${conversationId()}/messages`, { author: { type: 'business' }, content: { type: 'text', text: 'Hello?' } })
    expect(sent.status).toBe(201)
    await expect.poll(() => lastOf('conversation:message:delivery:failure')?.payload.message.id).toBe(sent.body.messages[0].id)
    const failure = lastOf('conversation:message:delivery:failure').payload
    expect(failure.error).toMatchObject({ code: 'unauthorized', message: PASSWORD_MESSAGE, underlyingError: { message: PASSWORD_MESSAGE, code: 190, subcode: 460 } })
    await expect.poll(() => legacy.acknowledged().find((r) => r.body.trigger === 'message:delivery:failure')?.body.error).toMatchObject({
      code: 'unauthorized', underlyingError: { message: PASSWORD_MESSAGE },
    })
    await say('Anyone there?')
    await expect.poll(() => lastOf('conversation:message')?.payload.message.content.text).toBe('Anyone there?')
    const diag = await api(a).get(`/v2/apps/{appId}/integrations/${integrationId}/diagnosis`)
    expect(diag.body.diagnosis.findings.map((f: any) => f.case)).toContain('password_reset')
    expect(diag.body.diagnosis.healthy).toBe(false)
  })

  test('webhook-fields bug: diagnosis names it with the remedy', async () => {
    await fetch(`${emu.url}/_emulator/apps/${world.apps[1].id}/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhookFieldsBug: true }) })
    const token = (await emu.client.pageToken(world.apps[1].id, world.pages[1].id)).access_token
    const res = await api(a).post('/v2/apps/{appId}/integrations', { type: 'messenger', pageAccessToken: token, appId: world.apps[1].id, appSecret: world.apps[1].secret })
    expect(res.status).toBe(201)
    const diag = await api(a).get(`/v2/apps/{appId}/integrations/${res.body.integration.id}/diagnosis`)
    const cases = diag.body.diagnosis.findings.map((f: any) => f.case)
    expect(cases).toContain('webhook_fields_bug')
    expect(diag.body.diagnosis.findings.find((f: any) => f.case === 'webhook_fields_bug').remedy).toMatch(/Edit Events/)
  })

  test('a permission the owner revokes later: diagnosis names missing OAuth permissions with the remedy', async () => {
    const more = await emu.client.addWorld({ accounts: [{ name: 'Kim Owner' }], pages: [{ name: 'Kiosk', admins: ['Kim Owner'] }] })
    const kim = more.accounts[0]!.id
    const kiosk = more.pages[0]!.id
    const token = (await emu.client.pageToken(app().id, kiosk)).access_token
    const res = await api(a).post('/v2/apps/{appId}/integrations', { type: 'messenger', pageAccessToken: token, appId: app().id, appSecret: app().secret })
    expect(res.status).toBe(201)
    const healthy = await api(a).get(`/v2/apps/{appId}/integrations/${res.body.integration.id}/diagnosis`)
    expect(healthy.body.diagnosis.findings.map((f: any) => f.case)).not.toContain('missing_oauth_permissions')

    // The owner takes pages_messaging back (Facebook records it as declined for the app, every token loses it).
    const user = (await emu.client.userToken(kim, app().id, ['pages_show_list'])).access_token
    const revoked = await fetch(`${emu.url}/v21.0/me/permissions/pages_messaging?access_token=${user}`, { method: 'DELETE' })
    expect(await revoked.json()).toEqual({ success: true })

    const diag = await api(a).get(`/v2/apps/{appId}/integrations/${res.body.integration.id}/diagnosis`)
    const finding = diag.body.diagnosis.findings.find((f: any) => f.case === 'missing_oauth_permissions')
    expect(finding).toBeDefined()
    expect(finding.remedy).toMatch(/Business Integration/i)
    expect(diag.body.diagnosis.healthy).toBe(false)
  })

  test('delete unsubscribes the page', async () => {
    const eu = (await api(a).get('/v2/apps/{appId}/integrations?filter[types]=messenger')).body.integrations.find((i: any) => i.pageId === world.pages[1].id && i.appId === app().id)
    expect((await api(a).delete(`/v2/apps/{appId}/integrations/${eu.id}`)).status).toBe(200)
    const wh = await emu.client.appWebhook(app().id)
    expect(wh.subscribedPages.map((p) => p.pageId)).not.toContain(world.pages[1].id)
  })
})
