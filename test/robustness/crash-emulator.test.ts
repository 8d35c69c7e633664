/**
 * Crash safety of the emulator (DESIGN principle 5: a 2xx means committed). A CLI-spawned emulator on a database file
 * takes thousands of concurrent Send API calls and people's messages, is killed with SIGKILL in the middle, and is
 * started again on the same file: every message that was answered 2xx is there, and no message is half written (each
 * has its webhook outbox row, each outbox row its message).
 */
import { afterAll, expect, test } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ControlClient } from '../../emulator/control/client.js'
import type { WorldDocument } from '../../emulator/world/document.js'
import type { ThreadBubble, ThreadView } from '../../emulator/control/types.js'
import { pool, startCli, type CliProcess } from './cli.js'

const dir = mkdtempSync(join(tmpdir(), 'crash-emulator-'))
const running: CliProcess[] = []
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()))
  rmSync(dir, { recursive: true, force: true })
})

const APP = '1234567890123456'
const PAGE = '200000000000001'
const PEOPLE = Array.from({ length: 20 }, (_, i) => ({ id: String(300000000000100 + i), psid: String(4000000000000100 + i) }))
const FIELDS = ['messages', 'message_echoes']

const seed: WorldDocument = {
  // The webhook points nowhere: deliveries stay pending, so every outbox row is still there to be checked.
  apps: [{ id: APP, secret: '0123456789abcdef0123456789abcdef', name: 'Acme Support',
    webhook: { callbackUrl: 'http://127.0.0.1:9/hook', verifyToken: 'v', fields: FIELDS } }],
  accounts: [{ id: '100000000000001', name: 'Pat Owner' }],
  pages: [{ id: PAGE, name: 'Acme', admins: ['100000000000001'], subscribedApps: [{ appId: APP, fields: FIELDS }] }],
  people: PEOPLE.map((p, i) => ({ id: p.id, firstName: `Person${i}`, lastName: 'Crash', psids: { [PAGE]: p.psid } })),
} as WorldDocument

/** Every bubble of the person's thread with PAGE: the thread view shows a window at a time. */
async function wholeThread(client: ControlClient, personId: string): Promise<ThreadBubble[]> {
  const bubbles: ThreadBubble[] = []
  let before: string | null = null
  do {
    const view: ThreadView = await client.thread(personId, PAGE, undefined, { limit: 500, ...(before ? { before } : {}) })
    bubbles.unshift(...view.bubbles)
    before = view.earlier
  } while (before)
  return bubbles
}

const start = () => startCli('emulator', ['--port', '0', '--db', join(dir, 'world.db'), '--seed', join(dir, 'seed.json')])
  .then((p) => (running.push(p), p))

test('every message answered 2xx survives a SIGKILL, and none is half written', async () => {
  writeFileSync(join(dir, 'seed.json'), JSON.stringify(seed))
  const first = await start()
  const client = new ControlClient(first.url)
  const { access_token: token } = await client.pageToken(APP, PAGE)
  for (const p of PEOPLE) await client.personAction(p.id, { pageId: PAGE, type: 'text', text: 'hi' })

  const answered = new Set<string>()
  const TOTAL = 4000
  let killed = false
  const work = pool(TOTAL, 64, async (i) => {
    const person = PEOPLE[i % PEOPLE.length]!
    const fromPage = i % 2 === 0
    try {
      const res = fromPage
        ? await fetch(`${first.url}/v21.0/me/messages`, { method: 'POST', headers: { 'content-type': 'application/json',
          authorization: `Bearer ${token}` }, body: JSON.stringify({ recipient: { id: person.psid },
          messaging_type: 'RESPONSE', message: { text: `page ${i}` } }) })
        : await fetch(`${first.url}/_emulator/people/${person.id}/actions`, { method: 'POST',
          headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pageId: PAGE, type: 'text',
            text: `person ${i}` }) })
      const body = await res.json() as { message_id?: string; mid?: string }
      if (res.ok) answered.add(body.message_id ?? body.mid!)
      else expect.unreachable(`${res.status} ${JSON.stringify(body)}`)
    } catch (e) {
      if (!killed) throw e // after the kill, requests fail: those were never answered
    }
    if (answered.size === TOTAL / 4 && !killed) {
      killed = true
      await first.kill()
    }
  })
  await work
  expect(killed).toBe(true)

  const second = await start()
  const after = new ControlClient(second.url)
  const mids = new Set<string>()
  for (const p of PEOPLE) {
    for (const b of await wholeThread(after, p.id)) if (b.mid && b.text !== 'hi') mids.add(b.mid)
  }
  const missing = [...answered].filter((mid) => !mids.has(mid))
  expect(missing).toEqual([])

  // Each message has its outbox row (a page message its echo, a person's message its `messages` event), and each
  // row its message: the message and its webhook were committed together or not at all.
  const outboxMids = new Set<string>()
  for (const d of (await after.deliveries()).data) {
    for (const e of d.body.entry.flatMap((x) => x.messaging)) {
      const mid = 'message' in e ? e.message.mid : undefined
      if (mid) outboxMids.add(mid)
    }
  }
  const hi = (await Promise.all(PEOPLE.map((p) => wholeThread(after, p.id))))
    .flatMap((bubbles) => bubbles.filter((b) => b.text === 'hi').map((b) => b.mid!))
  for (const mid of hi) outboxMids.delete(mid)
  expect([...mids].filter((mid) => !outboxMids.has(mid))).toEqual([])
  expect([...outboxMids].filter((mid) => !mids.has(mid))).toEqual([])
  expect(mids.size).toBeGreaterThanOrEqual(answered.size)
  await second.stop()
}, 90_000) // 4,000 requests and two CLI starts: on a loaded 2-core runner this took 30 s once
