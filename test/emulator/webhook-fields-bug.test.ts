/**
 * The seed guide's "Webhook Events Workaround": with the app's `webhookFieldsBug` switch on, the integration's first
 * `POST /{app-id}/subscriptions` succeeds without recording the events, and its `POST /{page-id}/subscribed_apps`
 * succeeds without subscribing the page. Each repair the guide gives works, and a test message then arrives.
 */
import { describe, expect } from 'vitest'
import { test, get, graph, type AppReceiver, type BaseWorld } from './fixtures.js'
import { enqueuePageEvent } from '../../emulator/messenger/fan-out.js'
import type { RunningEmulator } from '../../emulator/index.js'

/** The events the guide tells the developer to select. */
const REQUIRED = ['messages', 'messaging_postbacks', 'messaging_optins', 'message_reads', 'messaging_referrals']

const appToken = (w: BaseWorld) => `${w.appId}|${w.appSecret}`

function post(emulator: RunningEmulator, path: string, params: Record<string, string>) {
  return graph(emulator, path, { method: 'POST', body: new URLSearchParams(params) })
}

/** What the integration does when it is created: the app's webhook, then the page's subscription. */
async function integrate(emulator: RunningEmulator, w: BaseWorld, r: AppReceiver, pageId = w.pageId) {
  const sub = await post(emulator, `/v21.0/${w.appId}/subscriptions`, {
    object: 'page', callback_url: r.url, verify_token: r.verifyToken, fields: REQUIRED.join(','), access_token: appToken(w),
  })
  const { access_token } = await emulator.client.pageToken(w.appId, pageId)
  const page = await post(emulator, `/v21.0/${pageId}/subscribed_apps`, {
    subscribed_fields: REQUIRED.join(','), access_token,
  })
  return { sub: sub.body, page: page.body, pageToken: access_token }
}

async function appFields(emulator: RunningEmulator, w: BaseWorld): Promise<string[]> {
  const res = await get(emulator, `/${w.appId}/subscriptions`, appToken(w))
  return (res.body.data[0]?.fields ?? []).map((f: { name: string }) => f.name)
}

async function subscribedApps(emulator: RunningEmulator, pageToken: string): Promise<unknown[]> {
  return (await get(emulator, '/me/subscribed_apps', pageToken)).body.data
}

/** "Send a test message to your page and ensure that a message is indeed received." */
async function testMessageArrives(emulator: RunningEmulator, w: BaseWorld, r: AppReceiver, pageId = w.pageId) {
  const psid = (await emulator.client.exportWorld()).people[0]!.psids![pageId]!
  enqueuePageEvent(emulator.world, pageId, 'messages', {
    sender: { id: psid }, recipient: { id: pageId }, timestamp: 1, message: { mid: 'm_test', text: 'test' },
  })
  await expect.poll(() => r.acknowledged().length).toBe(1)
  expect(r.acknowledged()[0]!.body.entry[0]!.id).toBe(pageId)
}

describe('webhookFieldsBug', () => {
  test('the integration gets success twice, yet no events are recorded and the page is not subscribed', async ({ emulator, w, receiver }) => {
    await emulator.client.setFaults('app', w.appId, { webhookFieldsBug: true })
    const { sub, page, pageToken } = await integrate(emulator, w, receiver)
    expect(sub).toEqual({ success: true })
    expect(page).toEqual({ success: true })
    expect(await appFields(emulator, w)).toEqual([])
    expect(await subscribedApps(emulator, pageToken)).toEqual([])

    enqueuePageEvent(emulator.world, w.pageId, 'messages', {
      sender: { id: '1' }, recipient: { id: w.pageId }, timestamp: 1, message: { mid: 'm_lost', text: 'lost' },
    })
    expect((await emulator.client.deliveries()).data).toEqual([])
  })

  test('repair: Edit Events, then subscribe the page in the dashboard as its admin', async ({ emulator, w, receiver }) => {
    await emulator.client.setFaults('app', w.appId, { webhookFieldsBug: true })
    const { pageToken } = await integrate(emulator, w, receiver)

    const edited = await emulator.client.setWebhookFields(w.appId, REQUIRED)
    expect(edited).toMatchObject({ fields: REQUIRED, subscribedPages: [] })
    expect(await appFields(emulator, w)).toEqual(REQUIRED)

    // Only an admin of the page can pick it in the dashboard.
    await expect(emulator.client.subscribeWebhookPage(w.appId, w.pageId, w.strangerId)).rejects.toMatchObject({
      status: 409, instructions: expect.stringContaining('delete the integration and re-create it'),
    })
    const done = await emulator.client.subscribeWebhookPage(w.appId, w.pageId, w.ownerId)
    expect(done.subscribedPages).toEqual([{ pageId: w.pageId, fields: REQUIRED }])
    expect(await subscribedApps(emulator, pageToken)).toEqual([{ name: 'Acme Support', id: w.appId, subscribed_fields: REQUIRED }])
    await testMessageArrives(emulator, w, receiver)
  })

  test('repair: Edit Events, then delete and re-create the integration', async ({ emulator, w, receiver }) => {
    await emulator.client.setFaults('app', w.appId, { webhookFieldsBug: true })
    await integrate(emulator, w, receiver)
    await emulator.client.setWebhookFields(w.appId, REQUIRED)

    const del = await graph(emulator, `/${w.appId}/subscriptions?object=page&access_token=${encodeURIComponent(appToken(w))}`, { method: 'DELETE' })
    expect(del.body).toEqual({ success: true })
    const { sub, pageToken } = await integrate(emulator, w, receiver)
    expect(sub).toEqual({ success: true })
    expect(await appFields(emulator, w)).toEqual(REQUIRED)
    expect(await subscribedApps(emulator, pageToken)).toEqual([{ name: 'Acme Support', id: w.appId, subscribed_fields: REQUIRED }])
    await testMessageArrives(emulator, w, receiver)
  })

  test('re-creating without editing the events first does not help', async ({ emulator, w, receiver }) => {
    await emulator.client.setFaults('app', w.appId, { webhookFieldsBug: true })
    await integrate(emulator, w, receiver)
    const { pageToken } = await integrate(emulator, w, receiver)
    expect(await appFields(emulator, w)).toEqual([])
    expect(await subscribedApps(emulator, pageToken)).toEqual([])
    await expect(emulator.client.subscribeWebhookPage(w.appId, w.pageId, w.ownerId)).rejects.toMatchObject({
      status: 409, instructions: expect.stringContaining('PUT /_emulator/apps/{appId}/webhook/fields'),
    })
  })

  test('an app whose webhook already has its events is unaffected, also for a second page', async ({ emulator, w, receiver }) => {
    await integrate(emulator, w, receiver)
    await emulator.client.setFaults('app', w.appId, { webhookFieldsBug: true })
    const second = (await emulator.client.addWorld({ pages: [{ name: 'Second', admins: [w.ownerId] }] })).pages[0]!.id!
    const { sub, pageToken } = await integrate(emulator, w, receiver, second)
    expect(sub).toEqual({ success: true })
    expect(await appFields(emulator, w)).toEqual(REQUIRED)
    expect(await subscribedApps(emulator, pageToken)).toEqual([{ name: 'Acme Support', id: w.appId, subscribed_fields: REQUIRED }])
  })

  test('the switch can be set in the world document', async ({ emulator, receiver }) => {
    await emulator.client.reset()
    const doc = await emulator.client.addWorld({
      apps: [{ name: 'Buggy', faults: { webhookFieldsBug: true } }], accounts: [{ name: 'Pat' }],
      pages: [{ name: 'Shop', admins: ['Pat'] }],
    })
    const w = { appId: doc.apps[0]!.id!, appSecret: doc.apps[0]!.secret!, pageId: doc.pages[0]!.id! } as BaseWorld
    const { sub, pageToken } = await integrate(emulator, w, receiver)
    expect(sub).toEqual({ success: true })
    expect(await appFields(emulator, w)).toEqual([])
    expect(await subscribedApps(emulator, pageToken)).toEqual([])
  })

  test('the dashboard needs a webhook to edit, and known events', async ({ emulator, w }) => {
    await expect(emulator.client.setWebhookFields(w.appId, REQUIRED)).rejects.toMatchObject({ status: 409 })
    await expect(emulator.client.setWebhookFields(w.appId, ['mesages'])).rejects.toMatchObject({ status: 400 })
    await expect(emulator.client.subscribeWebhookPage('999', w.pageId, w.ownerId)).rejects.toMatchObject({ status: 404 })
  })
})
