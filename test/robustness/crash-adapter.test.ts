/**
 * Crash safety of the adapter: people write while the business's webhook receiver is down; the adapter
 * (`node dist/adapter/cli.js` on a database file) is killed with SIGKILL in the middle of receiving, restarted on the
 * same file and port, and then the business comes up: every message reaches the business exactly once.
 */
import { afterAll, expect, test } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import { pool, startCli, type CliProcess } from './cli.js'

const dir = mkdtempSync(join(tmpdir(), 'crash-adapter-'))
const KEY = { appId: 'crashapp0000000000000000', keyId: 'app_crash', keySecret: 'crash-secret-crash-secret-crash-secret-00' }
let emulator: RunningEmulator | undefined
let business: Server | undefined
const running: CliProcess[] = []
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()))
  await emulator?.close()
  business?.closeAllConnections()
  await new Promise((r) => (business ? business.close(r) : r(undefined)))
  rmSync(dir, { recursive: true, force: true })
})

/** A port nothing listens on yet (the OS gave it to us a moment ago). */
async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address() as AddressInfo
  await new Promise((r) => s.close(r))
  return port
}

const startAdapter = (port: number, graphUrl: string) => startCli('adapter', ['--port', String(port), '--db',
  join(dir, 'adapter.db'), '--graph-url', graphUrl, '--app-id', KEY.appId, '--key-id', KEY.keyId,
  '--key-secret', KEY.keySecret]).then((p) => (running.push(p), p))

test('a SIGKILL while the business is down loses nothing and duplicates nothing', async () => {
  emulator = await startEmulator({ port: 0 })
  const world = await emulator.client.addWorld({ apps: [{ name: 'Acme Support' }], accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
    people: Array.from({ length: 10 }, (_, i) => ({ firstName: `Person${i}`, lastName: 'Crash' })) })
  const [app, page] = [world.apps[0]!, world.pages[0]!]
  const [adapterPort, businessPort] = [await freePort(), await freePort()]

  const first = await startAdapter(adapterPort, emulator.url)
  const call = (path: string, body: unknown) => fetch(`${first.url}/v2/apps/${KEY.appId}${path}`, {
    method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${KEY.keyId}:${KEY.keySecret}`).toString('base64')}` } })
  expect((await call('/integrations', { type: 'custom', webhooks: [{ target: `http://127.0.0.1:${businessPort}/hook`,
    triggers: ['conversation:message'] }] })).status).toBe(201)
  const { access_token } = await emulator.client.pageToken(app.id!, page.id!)
  expect((await call('/integrations', { type: 'messenger', pageAccessToken: access_token, appId: app.id,
    appSecret: app.secret })).status).toBe(201)

  // People write; the emulator delivers to the adapter; the business is down, so the adapter's outbox fills up.
  const TOTAL = 300
  const people = world.people.map((p) => p.id!)
  let killed = false
  await pool(TOTAL, 16, async (i) => {
    await emulator!.client.personAction(people[i % people.length]!, { pageId: page.id!, type: 'text', text: `m${i}` })
    if (i === TOTAL / 2) {
      killed = true
      await first.kill()
    }
  })
  expect(killed).toBe(true)

  // Restarted on the same database and port: the emulator's retries reach it again.
  await startAdapter(adapterPort, emulator.url)
  const received: string[] = []
  business = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as
        { events: { payload: { message: { content: { text: string } } } }[] }
      for (const e of body.events) received.push(e.payload.message.content.text)
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((r) => business!.listen(businessPort, '127.0.0.1', r))
  await emulator.client.runDeliveries()

  const expected = Array.from({ length: TOTAL }, (_, i) => `m${i}`).sort()
  await expect.poll(() => new Set(received).size, { timeout: 8_000 }).toBe(TOTAL)
  // Everything owed was delivered by the emulator, so nothing more can come: exactly once each.
  await expect.poll(async () => (await emulator!.client.deliveries({ status: 'pending' })).data.length).toBe(0)
  expect([...received].sort()).toEqual(expected)
}, 60_000) // thousands of messages, a SIGKILL and a restart: a loaded 2-core runner needed 20 s
