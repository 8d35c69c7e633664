/**
 * The whole integration for robustness tests, in one process but only over HTTP: an emulator with one app, page and
 * person, an adapter connected to the page through a Messenger integration, and a business receiver registered as a
 * custom integration. `conversationId` is the conversation the person opened by writing once.
 */
import { expect, vi } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import type { CompleteWorldDocument } from '../../emulator/control/types.js'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter, api, events, startReceiver, type Receiver } from '../adapter/helpers.js'

export interface Stack {
  emulator: RunningEmulator
  adapter: RunningAdapter
  business: Receiver
  world: CompleteWorldDocument
  /** The ids of the world's one app, account, page and person, and the person's PSID on the page. */
  ids: { app: string; appSecret: string; account: string; page: string; person: string; psid: string }
  pageToken: string
  integrationId: string
  conversationId: string
  close(): Promise<void>
}

export async function startStack(): Promise<Stack> {
  const emulator = await startEmulator({ port: 0 })
  const world = await emulator.client.addWorld({
    apps: [{ name: 'Acme Support' }], accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }], people: [{ firstName: 'Sam', lastName: 'Lee' }],
  })
  const [app, page, person] = [world.apps[0]!, world.pages[0]!, world.people[0]!]
  const ids = { app: app.id!, appSecret: app.secret!, account: world.accounts[0]!.id!, page: page.id!,
    person: person.id!, psid: person.psids![page.id!]! }
  const a = await adapter({ graphUrl: emulator.url })
  const business = await startReceiver()
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: business.url, triggers: ['*'] }] })
  const { access_token: pageToken } = await emulator.client.pageToken(ids.app, ids.page)
  const created = await api(a).post('/v2/apps/{appId}/integrations',
    { type: 'messenger', pageAccessToken: pageToken, appId: ids.app, appSecret: ids.appSecret })
  expect(created.status).toBe(201)
  await emulator.client.personAction(ids.person, { pageId: ids.page, type: 'text', text: 'hello' })
  const opened = () => events(business).find((e) => e.type === 'conversation:message')
  // vi.waitFor polls like expect.poll, and also works in beforeAll.
  await vi.waitFor(() => expect(opened()).toBeTruthy())
  const conversationId = opened()!.payload.conversation.id as string
  return {
    emulator, adapter: a, business, world, ids, pageToken, integrationId: created.body.integration.id, conversationId,
    close: async () => {
      await a.close()
      await emulator.close()
      await business.close()
    },
  }
}
