/**
 * Webhook delivery (docs §4.2, §4.3, §5): which apps get an event, the exact signed body, batching (several events
 * of a page in one request), retries with backoff on the emulator's clock, order per (app, page), pages delivering
 * independently, timeouts, the delivery log, redelivery, the 8-hour failure window, and that pending deliveries
 * survive a restart on the same database. A real local receiver answers.
 */
import { describe, expect } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js'
import { enqueuePageEvent } from '../../emulator/messenger/fan-out.js'
import type { MessageEvent, MessengerField, PageWebhookBody } from '../../emulator/facebook/webhook-types.js'
import type { WorldDocument } from '../../emulator/control/types.js'
import { facebookSignaturesValid } from '../../lib/webhook-receiver.js'
import { emulatorTest, type AppReceiver } from './fixtures.js'

/**
 * Retries are a minute apart, so only an advanced clock (never real time) makes them due during a test; the tests
 * then deliver them with runDeliveries(), which the background poll must not beat to it (hence its long period).
 */
const OPTIONS: EmulatorOptions['webhooks'] = { timeoutMs: 300, retryBaseMs: 60_000, pollMs: 60_000, maxBatchEvents: 5 }

interface Hooked { appId: string; appSecret: string; pageId: string; psid: string }

function hookedWorld(r: AppReceiver, appFields: MessengerField[], pageFields: MessengerField[], pages = ['Acme']): WorldDocument {
  return {
    apps: [{ name: 'Acme Support', webhook: { callbackUrl: r.url, verifyToken: r.verifyToken, fields: appFields } }],
    accounts: [{ name: 'Pat Owner' }],
    pages: pages.map((name) => ({ name, admins: ['Pat Owner'], subscribedApps: [{ appId: 'Acme Support', fields: pageFields }] })),
    people: [{ firstName: 'Sam', lastName: 'Lee' }],
  }
}

async function addHooked(emulator: RunningEmulator, doc: WorldDocument): Promise<Hooked> {
  const added = await emulator.client.addWorld(doc)
  const pageId = added.pages[0]!.id!
  return { appId: added.apps[0]!.id!, appSecret: added.apps[0]!.secret!, pageId, psid: added.people[0]!.psids![pageId]! }
}

let seq = 0
function message(h: Hooked, text: string): MessageEvent {
  return { sender: { id: h.psid }, recipient: { id: h.pageId }, timestamp: 1_700_000_000_000 + seq, message: { mid: `m_test${seq++}`, text } }
}

const test = emulatorTest
  .override('emulatorOptions', { scope: 'file' }, { webhooks: OPTIONS })
  .extend('h', async ({ emulator, receiver }): Promise<Hooked> => {
    await emulator.client.reset()
    return addHooked(emulator, hookedWorld(receiver, ['messages', 'message_reads'], ['messages', 'message_reads']))
  })

const deliveries = async (emulator: RunningEmulator) => (await emulator.client.deliveries()).data
const texts = (body: PageWebhookBody) => body.entry.flatMap((e) => e.messaging).map((e) => (e as MessageEvent).message.text)

describe('who receives an event', () => {
  test('an app whose webhook and page subscription both have the field gets the exact signed body', async ({ emulator, receiver, h }) => {
    const event = message(h, 'hello, world!')
    enqueuePageEvent(emulator.world, h.pageId, 'messages', event)
    await expect.poll(() => receiver.acknowledged().length).toBe(1)

    const post = receiver.posts[0]!
    expect(post.headers['content-type']).toBe('application/json')
    expect(facebookSignaturesValid(post, h.appSecret)).toBe(true)
    expect(post.body).toEqual({ object: 'page', entry: [{ id: h.pageId, time: expect.any(Number), messaging: [event] }] })

    await expect.poll(async () => (await deliveries(emulator))[0]?.status).toBe('delivered')
    const [logged] = await deliveries(emulator)
    expect(logged).toMatchObject({
      appId: h.appId, pageId: h.pageId, field: 'messages', callbackUrl: receiver.url, nextAttemptAt: null, lastError: null,
      body: post.body,
      headers: { 'x-hub-signature': post.headers['x-hub-signature'], 'x-hub-signature-256': post.headers['x-hub-signature-256'] },
    })
    expect(logged!.attempts).toEqual([{
      n: 1, at: expect.any(String), durationMs: expect.any(Number), httpStatus: 200, error: null,
      batchId: expect.any(Number), events: 1, body: post.raw, headers: logged!.headers,
    }])
  })

  test.for([
    ['the page is subscribed without it', ['messages', 'messaging_postbacks'], ['messages']],
    ['the app webhook lacks it', ['messages'], ['messages', 'messaging_postbacks']],
  ] as const)('nothing is queued when %s', async ([, appFields, pageFields], { emulator, receiver }) => {
    await emulator.client.reset()
    const h = await addHooked(emulator, hookedWorld(receiver, [...appFields], [...pageFields]))
    enqueuePageEvent(emulator.world, h.pageId, 'messaging_postbacks', {
      sender: { id: h.psid }, recipient: { id: h.pageId }, timestamp: 1, postback: { title: 'Go', payload: 'GO' },
    })
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'this one goes'))
    await expect.poll(() => receiver.acknowledged().length).toBe(1)
    expect(receiver.posts.map((p) => p.body.entry[0]!.messaging[0])).toEqual([expect.objectContaining({ message: expect.anything() })])
    expect(await deliveries(emulator)).toHaveLength(1)
  })

  test('an unsubscribed page sends nothing', async ({ emulator, h }) => {
    const { access_token } = await emulator.client.pageToken(h.appId, h.pageId)
    await emulator.fetch(`/${h.pageId}/subscribed_apps?access_token=${access_token}`, { method: 'DELETE' })
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'lost in the void'))
    expect(await deliveries(emulator)).toEqual([])
  })
})

describe('retries', () => {
  test('a failing receiver is retried with doubling delays on the clock, same bytes each time', async ({ emulator, receiver, h }) => {
    receiver.plan = [500, 503]
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'retry me'))
    await expect.poll(async () => (await deliveries(emulator))[0]?.attempts.length).toBe(1)
    let [d] = await deliveries(emulator)
    expect(d).toMatchObject({ status: 'pending', lastError: 'HTTP 500' })
    expect(Date.parse(d!.nextAttemptAt!) - Date.parse(d!.attempts[0]!.at)).toBeGreaterThanOrEqual(60_000)

    // Not due yet: a pass sends nothing.
    expect((await emulator.client.runDeliveries()).attempted).toEqual([])
    await emulator.client.advanceClock(60)
    expect((await emulator.client.runDeliveries()).attempted.map((x) => x.status)).toEqual(['pending'])
    ;[d] = await deliveries(emulator)
    expect(d!.attempts.map((a) => a.httpStatus)).toEqual([500, 503])
    expect(Date.parse(d!.nextAttemptAt!) - Date.parse(d!.attempts[1]!.at)).toBeGreaterThanOrEqual(120_000)

    await emulator.client.advanceClock(120)
    await emulator.client.runDeliveries()
    ;[d] = await deliveries(emulator)
    expect(d).toMatchObject({ status: 'delivered', lastError: null })
    expect(d!.attempts.map((a) => a.httpStatus)).toEqual([500, 503, 200])
    expect(new Set(receiver.posts.map((p) => p.raw)).size).toBe(1)
    expect(receiver.posts.every((p) => facebookSignaturesValid(p, h.appSecret))).toBe(true)
  })

  test('a later event waits for the failing one, then goes with it in order in the retry', async ({ emulator, receiver, h }) => {
    receiver.plan = [500]
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'first'))
    await expect.poll(async () => (await deliveries(emulator))[0]?.attempts.length).toBe(1)
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'second'))
    await emulator.client.runDeliveries()
    expect(receiver.posts).toHaveLength(1)
    expect((await deliveries(emulator)).map((d) => [d.status, d.attempts.length])).toEqual([['pending', 1], ['pending', 0]])

    await emulator.client.advanceClock(60)
    await emulator.client.runDeliveries()
    expect(receiver.acknowledged().map((p) => texts(p.body))).toEqual([['first', 'second']])
    expect((await deliveries(emulator)).map((d) => [d.status, d.attempts.length])).toEqual([['delivered', 2], ['delivered', 1]])
  })

  test('a receiver that does not answer in time counts as a failure', async ({ emulator, receiver, h }) => {
    receiver.plan = ['hang']
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'slow'))
    await expect.poll(async () => (await deliveries(emulator))[0]?.lastError).toBe('Timed out after 300 ms')
    await emulator.client.advanceClock(60)
    await emulator.client.runDeliveries()
    expect((await deliveries(emulator))[0]!.status).toBe('delivered')
  })

  test('the webhookOutage switch fails attempts without reaching the receiver until it is off', async ({ emulator, receiver, h }) => {
    await emulator.client.setFaults('app', h.appId, { webhookOutage: true })
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'during the outage'))
    await expect.poll(async () => (await deliveries(emulator))[0]?.lastError)
      .toBe('Webhook outage (fault switch webhookOutage on the app)')
    expect(receiver.posts).toEqual([])
    await emulator.client.setFaults('app', h.appId, {})
    await emulator.client.advanceClock(60)
    await emulator.client.runDeliveries()
    expect(receiver.acknowledged()).toHaveLength(1)
  })

  test('failing for 8 hours fails the delivery and disables the webhook until the app subscribes again', async ({ emulator, receiver, h }) => {
    receiver.plan = Array(50).fill(500)
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'doomed'))
    await expect.poll(async () => (await deliveries(emulator))[0]?.attempts.length).toBe(1)
    await emulator.client.advanceClock(8 * 60 * 60)
    await emulator.client.runDeliveries()
    expect((await emulator.client.deliveries({ status: 'failed' })).data).toHaveLength(1)
    expect((await emulator.client.appWebhook(h.appId)).active).toBe(false)

    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'not sent: the webhook is disabled'))
    expect(await deliveries(emulator)).toHaveLength(1)
  })
})

describe('batching (docs §4.2: "several messaging items per entry")', () => {
  test('events queued together go in one signed request, in order, logged on every delivery it carried', async ({ emulator, receiver, h }) => {
    for (const text of ['one', 'two', 'three']) enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, text))
    await expect.poll(async () => (await deliveries(emulator)).map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered'])

    expect(receiver.posts).toHaveLength(1)
    const [post] = receiver.posts
    expect(facebookSignaturesValid(post!, h.appSecret)).toBe(true)
    expect(post!.body).toEqual({ object: 'page', entry: [{ id: h.pageId, time: expect.any(Number), messaging: expect.any(Array) }] })
    expect(texts(post!.body)).toEqual(['one', 'two', 'three'])

    const attempts = (await deliveries(emulator)).map((d) => d.attempts)
    expect(attempts.map((a) => a.length)).toEqual([1, 1, 1])
    expect(new Set(attempts.map((a) => a[0]!.batchId)).size).toBe(1)
    for (const [a] of attempts) {
      expect(a).toMatchObject({ events: 3, body: post!.raw, httpStatus: 200 })
      expect(a!.headers['x-hub-signature-256']).toBe(post!.headers['x-hub-signature-256'])
    }
  })

  test('a request carries at most maxBatchEvents; the rest follow in order', async ({ emulator, receiver, h }) => {
    const sent = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    for (const text of sent) enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, text))
    await expect.poll(() => receiver.acknowledged().flatMap((p) => texts(p.body))).toEqual(sent)
    expect(receiver.posts.map((p) => texts(p.body).length)).toEqual([5, 2])
  })

  test('a failing batch fails every event it carried; the retry sends the same bytes', async ({ emulator, receiver, h }) => {
    receiver.plan = [503]
    for (const text of ['x', 'y']) enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, text))
    await expect.poll(async () => (await deliveries(emulator)).map((d) => d.lastError)).toEqual(['HTTP 503', 'HTTP 503'])
    await emulator.client.advanceClock(60)
    const { attempted } = await emulator.client.runDeliveries()
    expect(attempted.map((d) => d.status)).toEqual(['delivered', 'delivered'])
    expect(receiver.posts.map((p) => p.raw)).toEqual([receiver.posts[0]!.raw, receiver.posts[0]!.raw])
    expect(attempted.map((d) => d.attempts.map((a) => a.httpStatus))).toEqual([[503, 200], [503, 200]])
  })
})

describe('pages deliver independently', () => {
  /** Two pages of one app; Acme's first request hangs, then Beta gets an event. */
  async function stuckAcme(emulator: RunningEmulator, receiver: AppReceiver) {
    const added = await emulator.client.addWorld(hookedWorld(receiver, ['messages'], ['messages'], ['Acme', 'Beta']))
    const [acme, beta] = added.pages.map((p) => p.id!) as [string, string]
    const event = (pageId: string, text: string): MessageEvent => ({
      sender: { id: added.people[0]!.psids![pageId]! }, recipient: { id: pageId }, timestamp: 1, message: { mid: `m_${text}`, text },
    })
    receiver.plan = ['hang']
    enqueuePageEvent(emulator.world, acme, 'messages', event(acme, 'stuck'))
    await expect.poll(() => receiver.posts.length).toBe(1)
    enqueuePageEvent(emulator.world, beta, 'messages', event(beta, 'flows'))
    return { acme, beta }
  }

  test('a page whose receiver hangs does not hold up another page of the same app', async ({ emulator, receiver }) => {
    await emulator.client.reset()
    const { beta } = await stuckAcme(emulator, receiver)
    await expect.poll(() => receiver.acknowledged().map((p) => p.body.entry[0]!.id)).toEqual([beta])
    await expect.poll(async () => (await emulator.client.deliveries({ pageId: beta })).data[0]!.status).toBe('delivered')
  })

  test('at most maxConcurrent pages have a request in flight', async ({ receiver }) => {
    const emulator = await startEmulator({ port: 0, db: ':memory:', webhooks: { ...OPTIONS, maxConcurrent: 1 } })
    try {
      const { acme, beta } = await stuckAcme(emulator, receiver)
      await expect.poll(async () => (await emulator.client.deliveries({ pageId: beta })).data[0]!.status).toBe('delivered')
      const firstAttempt = async (pageId: string) => Date.parse((await emulator.client.deliveries({ pageId })).data[0]!.attempts[0]!.at)
      // Beta went only once Acme's request had timed out (300 ms).
      expect(await firstAttempt(beta) - await firstAttempt(acme)).toBeGreaterThanOrEqual(300)
    } finally {
      await emulator.close()
    }
  })
})

describe('the delivery log', () => {
  test('filters by app and status; an unknown status is a 400 with instructions', async ({ emulator, receiver, h }) => {
    receiver.plan = [500]
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'one'))
    await expect.poll(async () => (await emulator.client.deliveries({ status: 'pending', appId: h.appId })).data[0]?.attempts.length).toBe(1)
    expect((await emulator.client.deliveries({ status: 'delivered' })).data).toEqual([])
    expect((await emulator.client.deliveries({ appId: '999' })).data).toEqual([])
    await expect(emulator.client.deliveries({ status: 'lost' as never })).rejects.toMatchObject({
      status: 400, instructions: 'Use one of: pending, delivered, failed.',
    })
  })

  test('limit keeps the newest deliveries, still oldest first; a limit that is not a whole number is a 400', async ({ emulator, receiver, h }) => {
    for (const text of ['one', 'two', 'three']) enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, text))
    await expect.poll(() => receiver.acknowledged().length).toBeGreaterThan(0)
    const newest = (await emulator.client.deliveries({ limit: 2 })).data
    expect(newest.map((d) => texts(d.body))).toEqual([['two'], ['three']])
    expect((await emulator.client.deliveries({ limit: 2, appId: '999' })).data).toEqual([])
    for (const limit of [0, 1.5, Number.NaN]) {
      await expect(emulator.client.deliveries({ limit })).rejects.toMatchObject({ status: 400 })
    }
  })

  test('past 10,000 deliveries the whole log is refused with what to ask instead, and a limit still lists', async ({ emulator, h }) => {
    await emulator.client.setFaults('app', h.appId, { webhookOutage: true })
    emulator.world.tx(() => {
      for (let i = 0; i <= 10_000; i++) enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, `m${i}`))
    })
    await expect(emulator.client.deliveries()).rejects.toMatchObject({
      status: 400, message: expect.stringContaining('10001 deliveries match'), instructions: expect.stringContaining('?limit=N'),
    })
    expect((await emulator.client.deliveries({ limit: 1 })).data.map((d) => texts(d.body))).toEqual([['m10000']])
  })

  test('redeliver sends a delivered event again and keeps its earlier attempts', async ({ emulator, receiver, h }) => {
    enqueuePageEvent(emulator.world, h.pageId, 'messages', message(h, 'again'))
    await expect.poll(async () => (await deliveries(emulator))[0]?.status).toBe('delivered')
    const id = (await deliveries(emulator))[0]!.id
    expect((await emulator.client.redeliver(id)).status).toBe('pending')
    await expect.poll(() => receiver.acknowledged().length).toBe(2)
    await expect.poll(async () => (await deliveries(emulator))[0]?.attempts.length).toBe(2)
    await expect(emulator.client.redeliver(987654)).rejects.toMatchObject({ status: 404 })
  })
})

describe('persistence', () => {
  test('pending deliveries survive a restart, including one cut off mid-request', async ({ receiver }) => {
    const dir = mkdtempSync(join(tmpdir(), 'webhooks-'))
    try {
      const db = join(dir, 'world.db')
      const first = await startEmulator({ db, webhooks: OPTIONS })
      const h = await addHooked(first, hookedWorld(receiver, ['messages'], ['messages']))
      receiver.plan = ['hang']
      enqueuePageEvent(first.world, h.pageId, 'messages', message(h, 'survives'))
      await expect.poll(() => receiver.posts.length).toBe(1)
      await first.close() // the request in flight is abandoned: not acknowledged, so not lost

      const second = await startEmulator({ db, webhooks: OPTIONS })
      try {
        await expect.poll(() => receiver.acknowledged().length).toBe(1)
        expect(receiver.posts[1]!.raw).toBe(receiver.posts[0]!.raw)
        await expect.poll(async () => (await deliveries(second))[0]?.status).toBe('delivered')
        expect((await deliveries(second))[0]!.attempts).toHaveLength(1)
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
