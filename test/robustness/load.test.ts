/**
 * Load, bounded by work rather than time (a rate belongs in bench/, not in a test): a thousand people on twenty pages
 * write two messages each, 64 at a time. At the app's webhook receiver every message arrives, none twice, and each
 * conversation's messages arrive in the order they were sent.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import type { WorldDocument } from '../../emulator/world/document.js'
import type { PageWebhookBody } from '../../emulator/facebook/webhook-types.js'

const PAGES = 20
const PEOPLE = 1000
const MESSAGES_EACH = 2
const APP = '1234567890123456'
const pageId = (p: number) => String(200000000000100 + p)
const person = (i: number) => ({ id: String(300000000010000 + i), page: pageId(i % PAGES), psid: String(4000000000010000 + i) })

let emu: RunningEmulator
let receiver: Server
/** Per conversation (page|psid): the sequence numbers in arrival order. */
const arrived = new Map<string, number[]>()

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as PageWebhookBody
      for (const entry of body.entry) {
        for (const e of entry.messaging) {
          if (!('message' in e) || !e.message.text) continue
          const key = `${entry.id}|${e.sender.id}`
          arrived.set(key, [...(arrived.get(key) ?? []), Number(e.message.text)])
        }
      }
      res.writeHead(200).end('EVENT_RECEIVED')
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  emu = await startEmulator({ port: 0 })
  const pages = Array.from({ length: PAGES }, (_, p) => ({ id: pageId(p), name: `Page ${p}`, admins: ['Owner'],
    subscribedApps: [{ appId: APP, fields: ['messages'] }] }))
  await emu.client.addWorld({
    apps: [{ id: APP, name: 'Load', webhook: { callbackUrl, verifyToken: 'v', fields: ['messages'] } }],
    accounts: [{ name: 'Owner' }], pages,
    people: Array.from({ length: PEOPLE }, (_, i) => {
      const p = person(i)
      return { id: p.id, firstName: `P${i}`, lastName: 'Load', psids: { [p.page]: p.psid } }
    }),
  } as WorldDocument)
})
afterAll(async () => {
  await emu?.close()
  receiver?.closeAllConnections()
  receiver?.close()
})

test('no message lost, none delivered twice, each conversation in order', async () => {
  const sent = new Map<string, number>()
  // 64 writers at a time; each owns every 64th person and sends their messages one after the other (numbered per
  // person), as a person writes, while the other writers keep every page busy.
  const WRITERS = 64
  await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
    for (let n = 1; n <= MESSAGES_EACH; n++) {
      for (let i = w; i < PEOPLE; i += WRITERS) {
        const p = person(i)
        const res = await fetch(`${emu.url}/_emulator/people/${p.id}/actions`, { method: 'POST',
          headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pageId: p.page, type: 'text',
            text: String(n) }) })
        expect(res.status).toBe(201)
        sent.set(`${p.page}|${p.psid}`, n)
      }
    }
  }))
  const total = [...sent.values()].reduce((a, b) => a + b, 0)
  expect(total).toBe(PEOPLE * MESSAGES_EACH)

  await expect.poll(() => [...arrived.values()].reduce((a, b) => a + b.length, 0), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(total)
  for (const [key, n] of sent) {
    expect(arrived.get(key), key).toEqual(Array.from({ length: n }, (_, i) => i + 1))
  }
  expect([...arrived.keys()].filter((k) => !sent.has(k))).toEqual([])
}, 30_000)
