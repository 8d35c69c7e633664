/**
 * A world for the tests of the other ways of reaching people (docs §15–§17, §19): one app subscribed to `feed` and
 * every Messenger field, a page with two posts and a page token, a second page, and two people.
 */
import { expect } from 'vitest'
import { FacebookAdsApi, Page } from 'facebook-nodejs-business-sdk'
import type { RunningEmulator } from '../../emulator/index.js'
import { MESSENGER_FIELDS } from '../../emulator/facebook/webhook-types.js'
import { emulatorTest, type AppReceiver } from './fixtures.js'

export interface ReachWorld {
  appId: string
  pageId: string
  otherPageId: string
  token: string
  otherToken: string
  postId: string
  sam: { id: string; psid: string }
  kim: { id: string; psid: string }
}

export const test = emulatorTest
  .extend('w', async ({ emulator, receiver }): Promise<ReachWorld> => {
    await emulator.client.reset()
    const fields = [...MESSENGER_FIELDS, 'feed' as const]
    const doc = await emulator.client.addWorld({
      apps: [{ name: 'Acme Support', webhook: { callbackUrl: receiver.url, verifyToken: receiver.verifyToken, fields } }],
      accounts: [{ name: 'Pat Owner' }],
      pages: [
        { name: 'Acme', admins: ['Pat Owner'], subscribedApps: [{ appId: 'Acme Support', fields }],
          posts: [{ message: 'Spring sale!' }, { message: 'New shop opening' }] },
        { name: 'Other', admins: ['Pat Owner'] },
      ],
      people: [{ firstName: 'Sam', lastName: 'Lee' }, { firstName: 'Kim', lastName: 'Park' }],
    })
    const [app, page, other] = [doc.apps[0]!, doc.pages[0]!, doc.pages[1]!]
    const token = (await emulator.client.pageToken(app.id!, page.id!)).access_token
    const otherToken = (await emulator.client.pageToken(app.id!, other.id!)).access_token
    const person = (i: number) => ({ id: doc.people[i]!.id!, psid: doc.people[i]!.psids![page.id!]! })
    const postId = (page as { posts?: { id: string }[] }).posts![1]!.id
    return { appId: app.id!, pageId: page.id!, otherPageId: other.id!, token, otherToken, postId, sam: person(0),
      kim: person(1) }
  })

/** Every `changes` item the receiver got so far (feed webhooks, docs §15). */
export function changes(receiver: AppReceiver): any[] {
  return receiver.posts.flatMap((p) => (p.body.entry as any[]).flatMap((e) => e.changes ?? []))
}

export async function receivedChange(receiver: AppReceiver, match: (c: any) => boolean): Promise<any> {
  let found: any
  await expect.poll(() => (found = changes(receiver).find(match)) !== undefined, { timeout: 5000 }).toBe(true)
  return found
}

/** Waits for a `messaging` event matching `match`, among bodies that may also carry `changes` entries. */
export async function receivedEvent(receiver: AppReceiver, match: (e: any) => boolean): Promise<any> {
  let found: any
  await expect.poll(() => (found = receiver.posts.flatMap((p) => (p.body.entry as any[]).flatMap((e) => e.messaging ?? []))
    .find(match)) !== undefined, { timeout: 5000 }).toBe(true)
  return found
}

/**
 * A Send API call through Meta's Node SDK (`new Page(id).createMessage`), pointed at the emulator: the SDK has no base
 * URL setting, so its static GRAPH getter is swapped for the call. Answers the SDK's parsed answer.
 */
export async function sdkSend(emulator: RunningEmulator, token: string, pageId: string, params: Record<string, unknown>):
  Promise<Record<string, unknown>> {
  const graphUrl = Object.getOwnPropertyDescriptor(FacebookAdsApi, 'GRAPH')!
  Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => emulator.url, configurable: true })
  try {
    FacebookAdsApi.init(token, 'en_US', false)
    return (await new Page(pageId).createMessage([], params))._data
  } finally {
    Object.defineProperty(FacebookAdsApi, 'GRAPH', graphUrl)
  }
}
