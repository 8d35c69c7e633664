/**
 * Retention (issue 14: nothing was ever pruned, about 2.2 KB on disk per send): both servers keep each log's newest
 * rows and none too old, off the request path, and never drop what is still owed: a pending webhook delivery or
 * outbox row, a seen-event id Facebook may still redeliver. The job runs every 20 ms here; tests wait on conditions.
 */
import { afterEach, describe, expect, test } from 'vitest'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startCli } from './cli.js'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import { World } from '../../emulator/world/world.js'
import { journalLog } from '../../emulator/world/log-tables.js'
import { RetentionJob } from '../../lib/retention.js'
import { startWebhookReceiver, type WebhookReceiver } from '../../lib/webhook-receiver.js'
import type { RunningAdapter } from '../../adapter/index.js'
import {
  adapter, addMessengerIntegration, api, deliverMessenger, events, FACEBOOK, messagingBody, startReceiver, type Receiver,
} from '../adapter/helpers.js'

const HOUR = 3600_000
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close()
})

describe('the emulator', () => {
  async function start(maxRows: number): Promise<{ emulator: RunningEmulator; receiver: WebhookReceiver; act(n: number):
    Promise<void> }> {
    const receiver = await startWebhookReceiver()
    cleanup.push(() => receiver.close())
    const emulator = await startEmulator({ retention: { maxRows, intervalMs: 20 }, webhooks: { retryBaseMs: 60_000 } })
    cleanup.push(() => emulator.close())
    const doc = await emulator.client.addWorld({
      apps: [{ name: 'Acme Support', webhook: { callbackUrl: receiver.url, verifyToken: 'v', fields: ['messages'] } }],
      accounts: [{ name: 'Pat Owner' }], people: [{ firstName: 'Sam', lastName: 'Lee' }],
      pages: [{ name: 'Acme', admins: ['Pat Owner'], subscribedApps: [{ appId: 'Acme Support', fields: ['messages'] }] }],
    })
    const [person, page] = [doc.people[0]!.id!, doc.pages[0]!.id!]
    const { access_token: token } = await emulator.client.pageToken(doc.apps[0]!.id!, page)
    return {
      emulator, receiver,
      act: async (n) => {
        for (let i = 0; i < n; i++) {
          await emulator.client.personAction(person, { pageId: page, type: 'text', text: `m${i}` })
          await fetch(`${emulator.url}/v21.0/me?access_token=${token}`)
        }
      },
    }
  }

  const count = (emulator: RunningEmulator, table: string) =>
    (emulator.world.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

  test('keeps the newest rows of the journal and the webhook log, with their attempts and batch bodies', async () => {
    const { emulator, act } = await start(30)
    await act(80)
    await expect.poll(async () => (await emulator.client.deliveries()).data.every((d) => d.status === 'delivered') &&
      count(emulator, 'webhook_deliveries') <= 30 && count(emulator, 'request_journal') <= 30, { timeout: 10_000 })
      .toBe(true)
    const journal = (await emulator.client.requests({ limit: 1000 })).data
    // The newest are kept: the last call is there.
    expect(journal.length).toBeGreaterThanOrEqual(29)
    expect((await emulator.client.deliveries()).data.at(-1)!.body.entry[0]!.messaging[0]).toMatchObject(
      { message: { text: 'm79' } })
    // Nothing left hanging on a removed delivery: its attempts, and every batch that carried only removed rows.
    const db = emulator.world.db
    expect(db.prepare(`SELECT count(*) AS n FROM webhook_attempts WHERE delivery_id NOT IN
      (SELECT id FROM webhook_deliveries)`).get()).toEqual({ n: 0 })
    expect(db.prepare(`SELECT count(*) AS n FROM webhook_batches WHERE last_delivery_id <
      (SELECT min(id) FROM webhook_deliveries)`).get()).toEqual({ n: 0 })
    // Every remaining delivery still shows the bytes it was sent in.
    const [first] = (await emulator.client.deliveries({ limit: 1 })).data
    expect(first!.attempts[0]!.body).toContain('"object":"page"')
  })

  test('never drops a delivery still owed to its app, however many there are', async () => {
    const { emulator, receiver, act } = await start(10)
    receiver.status = 500
    await act(40)
    await expect.poll(() => count(emulator, 'request_journal'), { timeout: 10_000 }).toBeLessThanOrEqual(10)
    expect((await emulator.client.deliveries({ status: 'pending' })).data).toHaveLength(40)
  })

  test('drops journal entries past the age limit, measured on the slower of real time and the emulator\'s clock', async () => {
    const world = World.open(':memory:')
    cleanup.push(async () => world.close())
    const entry = (at: number) => world.journal.record({ at, method: 'GET', path: '/me', version: null, appId: null,
      pageId: null, tokenKind: null, params: {}, status: 200, fbtraceId: 'x', error: null, reason: null,
      nearestPath: null, durationMs: 0, warnings: [] })
    for (const at of [1 * HOUR, 2 * HOUR, 30 * HOUR, 40 * HOUR]) entry(at)
    world.store.commits.flush()
    const now = 50 * HOUR
    const removed = await new RetentionJob([journalLog(world.store)], () => now, { maxRows: 0, maxAgeMs: 24 * HOUR })
      .run()
    expect(removed).toBe(2)
    expect(world.journal.list({ limit: 10 }).map((e) => e.at / HOUR)).toEqual([40, 30])
  })
})

describe('the adapter', () => {
  const { pageId: PAGE, appSecret: SECRET } = FACEBOOK
  const INTEGRATION = 'cccccccccccccccccccccccc'
  let now = Date.UTC(2026, 0, 1)
  const clock = { now: () => now }

  async function start(): Promise<{ a: RunningAdapter; business: Receiver }> {
    const a = await adapter({ clock, retention: { maxRows: 5, intervalMs: 20 } })
    cleanup.push(() => a.close())
    addMessengerIntegration(a, INTEGRATION)
    const business = await startReceiver()
    cleanup.push(() => business.close())
    await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom',
      webhooks: [{ target: business.url, triggers: ['conversation:message'] }] })
    return { a, business }
  }
  const message = (i: number) => messagingBody(PAGE, { sender: { id: FACEBOOK.psid }, recipient: { id: PAGE },
    timestamp: now, message: { mid: `m_${i}`, text: `t${i}` } })
  const texts = (business: Receiver) => events(business).map((e) => e.payload.message.content.text)

  test('keeps seen-event ids for Facebook\'s 36-hour redelivery window, whatever the row limit', async () => {
    const { a, business } = await start()
    for (let i = 0; i < 20; i++) await deliverMessenger(a, INTEGRATION, SECRET, message(i))
    await expect.poll(() => texts(business).length).toBe(20)
    // Finished outbox rows are pruned to the newest five meanwhile; the seen-event ids stay: all 20 are owed.
    await expect.poll(() => a.store.outbox.list('webhook').length, { timeout: 10_000 }).toBeLessThanOrEqual(5)
    for (let i = 0; i < 20; i++) expect(a.store.seenEvents.has(`${PAGE}:message:m_${i}`)).toBe(true)
    // Facebook redelivers the oldest: recognised, not sent to the business twice.
    await deliverMessenger(a, INTEGRATION, SECRET, message(0))
    // Past the window, the ids beyond the newest five go.
    now += 37 * HOUR
    await expect.poll(() => a.store.seenEvents.has(`${PAGE}:message:m_0`), { timeout: 10_000 }).toBe(false)
    expect(a.store.seenEvents.has(`${PAGE}:message:m_19`)).toBe(true)
    expect(texts(business)).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`))
  })

  test('never drops an outbox row still owed to the business', async () => {
    const { a, business } = await start()
    business.status = 500
    for (let i = 0; i < 12; i++) await deliverMessenger(a, INTEGRATION, SECRET, message(100 + i))
    // Past the redelivery window (the job then prunes seen-event ids), within the 3 days webhooks are retried.
    now += 37 * HOUR
    await expect.poll(() => a.store.seenEvents.has(`${PAGE}:message:m_100`), { timeout: 10_000 }).toBe(false)
    const pending = a.store.outbox.list('webhook').filter((r) => r.status === 'pending')
    expect(pending.length).toBeGreaterThanOrEqual(12)
  })
})

describe('the command lines', () => {
  const run = (cli: 'emulator' | 'adapter', args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [`dist/${cli}/cli.js`, '--port', '0', '--db', ':memory:', ...args],
        { cwd: ROOT, env: { ...process.env, ...env } })
      let output = ''
      child.stdout.on('data', (c: Buffer) => { output += c.toString() })
      child.stderr.on('data', (c: Buffer) => { output += c.toString() })
      child.on('exit', (code) => resolve({ code, output }))
    })

  test.each(['emulator', 'adapter'] as const)('the %s refuses a retention that is not a number, from a flag or the env',
    async (cli) => {
      const flag = await run(cli, ['--retain-rows', 'lots'])
      expect(flag.code).toBe(2)
      expect(flag.output).toContain('--retain-rows must be a whole number ≥ 0 (got lots)')
      const env = await run(cli, [], { [`${cli.toUpperCase()}_RETAIN_DAYS`]: '-1' })
      expect(env.code).toBe(2)
      expect(env.output).toContain('--retain-days must be a number of days ≥ 0 (got -1)')
    })

  test.each(['emulator', 'adapter'] as const)('the %s starts with both limits given', async (cli) => {
    const p = await startCli(cli, ['--port', '0', '--db', ':memory:', '--retain-rows', '1000', '--retain-days', '0.5'])
    cleanup.push(() => p.stop())
    expect((await fetch(`${p.url}/${cli === 'emulator' ? '_emulator/health' : 'health'}`)).status).toBe(200)
  })
})
