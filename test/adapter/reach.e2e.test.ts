/**
 * What the channel does with people Messenger reaches outside a conversation (issue 17): a checkbox plugin opt-in
 * (a user_ref, no PSID) and a comment on the page (a feed change) do not reach the business, as Sunshine's Messenger
 * channel documents neither; the diagnosis says so and what to do; once the person answers the page's message, the
 * conversation reaches the business as usual. Real emulator and adapter, over HTTP only.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter, api, deliverMessenger, events, startReceiver, type Receiver } from './helpers.js'

let emu: RunningEmulator
let a: RunningAdapter
let hook: Receiver
let world: any
let integrationId: string
let pageToken: string

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  world = await emu.client.addWorld({
    apps: [{ name: 'Acme Support' }], accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'], posts: [{ message: 'Spring sale!' }] }],
    people: [{ firstName: 'Sam', lastName: 'Lee' }],
  })
  a = await adapter({ graphUrl: emu.url })
  hook = await startReceiver()
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: hook.url, triggers: ['*'] }] })
  pageToken = (await emu.client.pageToken(world.apps[0].id, world.pages[0].id)).access_token
  const res = await api(a).post('/v2/apps/{appId}/integrations',
    { type: 'messenger', pageAccessToken: pageToken, appId: world.apps[0].id, appSecret: world.apps[0].secret })
  integrationId = res.body.integration.id
})
afterAll(async () => {
  await a?.close()
  await emu?.close()
  await hook?.close()
})

const diagnosis = async () =>
  (await api(a).get(`/v2/apps/{appId}/integrations/${integrationId}/diagnosis`)).body.diagnosis

describe('people reached outside a conversation', () => {
  test('a healthy integration reports no skipped opt-in or comment', async () => {
    expect((await diagnosis()).checks.find((c: any) => c.name === 'reach'))
      .toMatchObject({ status: 'ok' })
  })

  test('a checkbox opt-in reaches no business; the diagnosis says why; the answer starts a conversation', async () => {
    const [page, person] = [world.pages[0], world.people[0]]
    await emu.client.personAction(person.id, { type: 'checkbox_optin', pageId: page.id, userRef: 'cart-1' })
    await expect.poll(async () => (await diagnosis()).checks.find((c: any) => c.name === 'reach').status).toBe('problem')
    const diag = await diagnosis()
    expect(diag.checks.find((c: any) => c.name === 'reach').detail).toContain('1 checkbox plugin opt-in')
    expect(diag.findings.map((f: any) => f.case)).toContain('unreached_people')
    expect(events(hook).filter((e) => e.type.startsWith('conversation:'))).toEqual([])

    // The business answers the user_ref with its own Send API call, as the finding's remedy says.
    const sent = await fetch(`${emu.url}/v21.0/me/messages?access_token=${pageToken}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: { user_ref: 'cart-1' }, message: { text: 'Your cart is saved' } }),
    })
    expect(sent.status).toBe(200)
    await emu.client.personAction(person.id, { type: 'text', pageId: page.id, text: 'Thanks' })
    await expect.poll(() => events(hook).find((e) => e.type === 'conversation:message')?.payload.message.content.text)
      .toBe('Thanks')
  })

  test('a feed change delivered to the channel is counted, not carried', async () => {
    const body = { object: 'page', entry: [{ id: world.pages[0].id, time: 1742667607, changes: [{ field: 'feed',
      value: { item: 'comment', verb: 'add', comment_id: '1_2', post_id: `${world.pages[0].id}_1`, message: 'hi',
        from: { id: '1', name: 'Sam Lee' }, created_time: 1742667604 } }] }] }
    const res = await deliverMessenger(a, integrationId, world.apps[0].secret, body)
    expect(res.status).toBe(200)
    expect((await diagnosis()).checks.find((c: any) => c.name === 'reach').detail).toContain('1 page feed change')
    expect((await diagnosis()).checks.find((c: any) => c.name === 'webhook_events').status).toBe('ok')
  })
})
