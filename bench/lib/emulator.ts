/**
 * An emulator for benchmarks, started as a user starts it: `node dist/emulator/cli.js` on a database file (WAL) in a
 * temp directory, seeded with one app whose webhook points at `webhookUrl`, one page subscribed to it and one person
 * who has just written (so the 24-hour window is open for RESPONSE sends).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ControlClient } from '../../emulator/control/client.js'
import type { WorldDocument } from '../../emulator/world/document.js'
import { startNode, type ServerProcess } from './processes.js'

export const APP_ID = '1234567890123456'
export const APP_SECRET = '0123456789abcdef0123456789abcdef'
export const PAGE_ID = '200000000000001'
export const PERSON_ID = '300000000000001'
export const PSID = '4000000000000001'

const FIELDS = ['messages', 'messaging_postbacks', 'message_echoes', 'message_deliveries', 'message_reads']

export function benchWorld(webhookUrl: string): WorldDocument {
  return {
    apps: [{ id: APP_ID, secret: APP_SECRET, name: 'Bench', webhook: { callbackUrl: webhookUrl, verifyToken: 'bench',
      fields: FIELDS } }],
    accounts: [{ id: '100000000000001', name: 'Pat Owner' }],
    pages: [{ id: PAGE_ID, name: 'Acme', admins: ['100000000000001'], subscribedApps: [{ appId: APP_ID, fields: FIELDS }] }],
    people: [{ id: PERSON_ID, firstName: 'Sam', lastName: 'Lee', psids: { [PAGE_ID]: PSID } }],
  } as WorldDocument
}

export interface BenchEmulator extends ServerProcess {
  client: ControlClient
  pageToken: string
  dir: string
}

export async function startBenchEmulator(webhookUrl: string, db = 'world.db'): Promise<BenchEmulator> {
  const dir = mkdtempSync(join(tmpdir(), 'messenger-bench-'))
  const seed = join(dir, 'seed.json')
  writeFileSync(seed, JSON.stringify(benchWorld(webhookUrl)))
  const server = await startNode(['dist/emulator/cli.js', '--port', '0', '--db', db === ':memory:' ? db : join(dir, db),
    '--seed', seed], /Graph API\s+(http:\/\/127\.0\.0\.1:\d+)/)
  const client = new ControlClient(server.url)
  const { access_token } = await client.pageToken(APP_ID, PAGE_ID)
  await client.personAction(PERSON_ID, { pageId: PAGE_ID, type: 'text', text: 'hi' })
  return {
    ...server, client, pageToken: access_token, dir,
    stop: async () => {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A Send API body: a RESPONSE text message to the bench person. */
export function sendBody(text = 'Hello from the benchmark'): string {
  return JSON.stringify({ recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text } })
}
