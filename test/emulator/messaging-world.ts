/**
 * A world for the messaging tests: one emulator per file with a real webhook receiver subscribed to every Messenger
 * field, a page with a page token, a person on iOS, a person in Europe on the web, and a second page.
 */
import { expect } from 'vitest'
import type { RunningEmulator } from '../../emulator/index.js'
import type { MessagingEvent, MessengerField } from '../../emulator/facebook/webhook-types.js'
import { MESSENGER_FIELDS } from '../../emulator/facebook/webhook-types.js'
import { emulatorTest, graph, type AppReceiver, type GraphResponse } from './fixtures.js'

export interface MessagingWorld {
  appId: string
  pageId: string
  otherPageId: string
  token: string
  sam: { id: string; psid: string }
  eva: { id: string; psid: string }
}

export const test = emulatorTest
  .extend('w', async ({ emulator, receiver }): Promise<MessagingWorld> => {
    await emulator.client.reset()
    const fields = [...MESSENGER_FIELDS]
    const doc = await emulator.client.addWorld({
      apps: [{ name: 'Acme Support', webhook: { callbackUrl: receiver.url, verifyToken: receiver.verifyToken, fields } }],
      accounts: [{ name: 'Pat Owner' }],
      pages: [
        { name: 'Acme', admins: ['Pat Owner'], subscribedApps: [{ appId: 'Acme Support', fields }] },
        { name: 'Other', admins: ['Pat Owner'] },
      ],
      people: [
        { firstName: 'Sam', lastName: 'Lee', platform: 'ios' },
        { firstName: 'Eva', lastName: 'Berg', platform: 'web', eea: true },
      ],
    })
    const [app, page, other] = [doc.apps[0]!, doc.pages[0]!, doc.pages[1]!]
    const { access_token: token } = await emulator.client.pageToken(app.id!, page.id!)
    const person = (i: number) => ({ id: doc.people[i]!.id!, psid: doc.people[i]!.psids![page.id!]! })
    return { appId: app.id!, pageId: page.id!, otherPageId: other.id!, token, sam: person(0), eva: person(1) }
  })

/** `POST /v21.0/me/messages` with a JSON body and the page token in the query. */
export function send(emulator: RunningEmulator, token: string, body: unknown, path = '/v21.0/me/messages'):
  Promise<GraphResponse> {
  return graph(emulator, `${path}?access_token=${token}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
}

/** A text reply inside the window. */
export const text = (psid: string, t: string, extra: Record<string, unknown> = {}) =>
  ({ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: t, ...extra } })

/** Waits until the receiver got an event of `field` matching `match`, and answers it. */
export async function received(receiver: AppReceiver, field: MessengerField,
  match: (e: any) => boolean = () => true): Promise<any> {
  let found: MessagingEvent | undefined
  await expect.poll(() => {
    found = events(receiver, field).find(match)
    return found !== undefined
  }, { timeout: 5000 }).toBe(true)
  return found
}

/** Every event of `field` the receiver got so far, in order (a request may carry several: batching, docs §4.2). */
export function events(receiver: AppReceiver, field: MessengerField): any[] {
  return receiver.posts.flatMap((p) => p.body.entry.flatMap((e) => e.messaging)).filter((e: any) => fieldOf(e) === field)
}

function fieldOf(e: any): MessengerField {
  if (e.message) return e.message.is_echo ? 'message_echoes' : 'messages'
  if (e.delivery) return 'message_deliveries'
  if (e.read) return 'message_reads'
  if (e.postback) return 'messaging_postbacks'
  if (e.referral) return 'messaging_referrals'
  return 'messaging_optins'
}
