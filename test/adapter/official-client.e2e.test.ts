/**
 * The official client against the adapter against the emulator, only over HTTP: a Messenger integration created and
 * repaired with PATCH after the owner's password change, an uploaded attachment that reaches the person, a location
 * request Messenger no longer takes, and a business-created user whom Messenger cannot reach.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter, events, startReceiver, type Receiver } from './helpers.js'
import { basicClient, refused, type Apis } from './sunshine-client.js'

let emu: RunningEmulator
let a: RunningAdapter
let sc: Apis
let hook: Receiver
let world: any
let integrationId: string
let conversationId: string
const app = () => world.apps[0]
const page = () => world.pages[0]
const sam = () => world.people[0]
const lastOf = (type: string) => events(hook).filter((e) => e.type === type).at(-1)
const pageToken = async (pageIndex = 0) => (await emu.client.pageToken(app().id, world.pages[pageIndex].id)).access_token
const diagnosis = async () => (await fetch(`${a.url}/v2/apps/${a.appId}/integrations/${integrationId}/diagnosis`, {
  headers: { authorization: `Basic ${Buffer.from(`${a.keyId}:${a.keySecret}`).toString('base64')}` },
}).then((r) => r.json()) as any).diagnosis
const reply = (content: object) => sc.messages.postMessage(a.appId, conversationId, { author: { type: 'business' }, content })

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  world = await emu.client.addWorld({
    apps: [{ name: 'Acme Support' }], accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }, { name: 'Acme Outlet', admins: ['Pat Owner'] }],
    people: [{ firstName: 'Sam', lastName: 'Lee' }],
  })
  a = await adapter({ graphUrl: emu.url })
  sc = basicClient(a.url, a.keyId, a.keySecret)
  hook = await startReceiver()
  await sc.integrations.createIntegration(a.appId, { type: 'custom', webhooks: [{ target: hook.url, triggers: ['*'] }] })
})
afterAll(async () => {
  await a?.close()
  await emu?.close()
  await hook?.close()
})

describe('Messenger through the official client', () => {
  test('createIntegration: the client reads the answer; the raw body has the page', async () => {
    const { data, response } = await sc.integrations.createIntegrationWithHttpInfo(a.appId,
      { type: 'messenger', pageAccessToken: await pageToken(), appId: app().id, appSecret: app().secret })
    expect(response.status).toBe(201)
    expect(data.integration).toMatchObject({ type: 'messenger', status: 'active' })
    expect(response.body.integration).toMatchObject({ pageId: page().id, pageName: 'Acme', appId: app().id })
    integrationId = data.integration.id
    await emu.client.personAction(sam().id, { type: 'text', pageId: page().id, text: 'Hi!' })
    await expect.poll(() => lastOf('conversation:message')?.payload.message.content.text).toBe('Hi!')
    conversationId = lastOf('conversation:message').payload.conversation.id
  })

  test('an uploaded attachment used as mediaUrl reaches the person, who can fetch it from the adapter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attachments-'))
    const bytes = Buffer.from('GIF89a-test-bytes')
    writeFileSync(join(dir, 'hello.gif'), bytes)
    const { attachment } = await sc.attachments.uploadAttachment(a.appId, 'public', createReadStream(join(dir, 'hello.gif')), { conversationId })
    expect(attachment.mediaType).toBe('image/gif')
    const sent = await reply({ type: 'image', mediaUrl: attachment.mediaUrl })
    await expect.poll(() => lastOf('conversation:message:delivery:channel')?.payload.message.id).toBe(sent.messages[0].id)
    const mid = lastOf('conversation:message:delivery:channel').payload.externalMessages[0].id
    const bubble = (await emu.client.thread(sam().id, page().id)).bubbles.find((b) => b.mid === mid)
    expect(bubble?.attachments?.[0]).toMatchObject({ type: 'image', url: attachment.mediaUrl })
    expect(Buffer.from(await (await fetch(bubble!.attachments![0]!.url!)).arrayBuffer())).toEqual(bytes)
  })

  test('a business-created user cannot be reached on Messenger: the answer says why', async () => {
    const { user } = await sc.users.createUser(a.appId, { externalId: 'crm-77' })
    const { conversation } = await sc.conversations.createConversation(a.appId, { type: 'personal', participants: [{ userId: user.id }] })
    const r = await refused(sc.messages.postMessage(a.appId, conversation.id,
      { author: { type: 'business' }, content: { type: 'text', text: 'Hello' }, destination: { integrationId } }))
    expect(r).toMatchObject({ status: 400, code: 'bad_request' })
    expect(r.title).toMatch(new RegExp(`no client for integration ${integrationId}: Messenger reaches a person only through the page-scoped id \\(PSID\\)`))
    await expect.poll(() => lastOf('conversation:create')?.payload.conversation.id).toBe(conversation.id)
    expect(lastOf('conversation:create').payload).toMatchObject({ creationReason: 'none', source: { type: 'api:conversations' } })
  })

  test('password change, then PATCH with a new page token: re-checked on Graph, page resubscribed, diagnosis healthy, replies delivered', async () => {
    await emu.client.changePassword(world.accounts[0].id)
    const failed = await reply({ type: 'text', text: 'Are you there?' })
    await expect.poll(() => lastOf('conversation:message:delivery:failure')?.payload.message.id).toBe(failed.messages[0].id)
    expect((await diagnosis()).findings.map((f: any) => f.case)).toContain('password_reset')
    expect((await diagnosis()).findings.find((f: any) => f.case === 'password_reset').remedy).toMatch(/PATCH/)

    const bad = await refused(sc.integrations.updateIntegration(a.appId, integrationId, { pageAccessToken: 'EAAnope' }))
    expect(bad).toMatchObject({ status: 400, code: 'bad_request' })
    expect(bad.title).toMatch(/new page access token \(GET \/me\).*#190/)
    const otherPage = await refused(sc.integrations.updateIntegration(a.appId, integrationId, { pageAccessToken: await pageToken(1) }))
    expect(otherPage.title).toMatch(/is for page .*Acme Outlet.*not page/)

    const patched = await sc.integrations.updateIntegrationWithHttpInfo(a.appId, integrationId, { pageAccessToken: await pageToken(), displayName: 'Acme page' })
    expect(patched.response.body.integration).toMatchObject({ id: integrationId, status: 'active', displayName: 'Acme page', pageId: page().id })
    expect(JSON.stringify(patched.response.body)).not.toContain('EAA')
    const wh = await emu.client.appWebhook(app().id)
    expect(wh.subscribedPages.map((p) => p.pageId)).toContain(page().id)
    expect(await diagnosis()).toMatchObject({ healthy: true, findings: [] })
    const fixed = await reply({ type: 'text', text: 'Sorry, we are back.' })
    await expect.poll(() => lastOf('conversation:message:delivery:channel')?.payload.message.id).toBe(fixed.messages[0].id)
  })

  test('a locationRequest is left out (Graph refuses location quick replies); the rest arrives, the event and the diagnosis say so', async () => {
    const sent = await reply({ type: 'text', text: 'Where should we deliver?', actions: [
      { type: 'reply', text: 'At home', payload: 'HOME' }, { type: 'locationRequest', text: 'Send location' },
    ] })
    await expect.poll(() => lastOf('conversation:message:delivery:channel')?.payload.message.id).toBe(sent.messages[0].id)
    const delivered = lastOf('conversation:message:delivery:channel').payload
    expect(delivered.warnings).toEqual([{ code: 'location_request_unsupported', message: expect.stringMatching(/left out.*rest of the message was delivered/) }])
    const thread = await emu.client.thread(sam().id, page().id)
    expect(thread.bubbles.find((b) => b.mid === delivered.externalMessages[0].id)?.text).toBe('Where should we deliver?')
    expect(thread.quickReplies.map((q) => q.title)).toEqual(['At home'])
    const diag = await diagnosis()
    expect(diag.findings.map((f: any) => f.case)).toEqual(['unsupported_content'])
    expect(diag.checks.find((c: any) => c.name === 'content').detail).toContain(sent.messages[0].id)

    const nothingLeft = await refused(reply({ type: 'text', actions: [{ type: 'locationRequest', text: 'Send location' }] }))
    expect(nothingLeft.title).toMatch(/nothing would reach Messenger/)
  })

  test('activities: typing reaches the person', async () => {
    await sc.activities.postActivity(a.appId, conversationId, { author: { type: 'business' }, type: 'typing:start' })
    await expect.poll(async () => (await emu.client.thread(sam().id, page().id)).typing.page).toBe(true)
  })
})
