/**
 * End to end, one message at a time: a person writes (control API) → the emulator stores it and delivers the signed
 * webhook → the adapter verifies it, stores the conversation event and delivers its business webhook → a business
 * receiver. The latency is from the person's action to the business webhook's arrival. Both servers run as users run
 * them (`node dist/…/cli.js`, database files).
 */
import { join } from 'node:path'
import { startWebhookReceiver } from '../lib/webhook-receiver.js'
import { APP_ID, APP_SECRET, PAGE_ID, PERSON_ID, startBenchEmulator } from './lib/emulator.js'
import { startNode } from './lib/processes.js'
import { percentile } from './lib/stats.js'

const KEY = { appId: 'benchapp000000000000000', keyId: 'app_bench', keySecret: 'bench-secret-bench-secret-bench-secret-0' }

/** The part of a v2 business webhook this bench reads. */
interface BusinessWebhook { events?: { type: string; payload: { message: { content: { text?: string } } } }[] }

export interface EndToEndFigures { messages: number; p50Ms: number; p99Ms: number }

export async function endToEndBench(messages = 500): Promise<EndToEndFigures> {
  const arrived = new Map<string, number>()
  const business = await startWebhookReceiver<BusinessWebhook>({
    onPost: ({ body }) => {
      for (const e of body.events ?? []) {
        const text = e.type === 'conversation:message' ? e.payload.message.content.text : undefined
        if (text) arrived.set(text, performance.now())
      }
    },
  })
  // The emulator's webhook goes to the adapter, whose integration id is known only once it exists: seed without one.
  const emulator = await startBenchEmulator('http://127.0.0.1:9/unused')
  const adapter = await startNode(['dist/adapter/cli.js', '--port', '0', '--db', join(emulator.dir, 'adapter.db'),
    '--graph-url', emulator.url, '--app-id', KEY.appId, '--key-id', KEY.keyId, '--key-secret', KEY.keySecret],
  /listening on (http:\/\/127\.0\.0\.1:\d+)/)
  try {
    const call = (path: string, body: unknown) => fetch(`${adapter.url}/v2/apps/${KEY.appId}${path}`, {
      method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${KEY.keyId}:${KEY.keySecret}`).toString('base64')}` },
    }).then(async (r) => { if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`) })
    await call('/integrations', { type: 'custom', webhooks: [{ target: business.url, triggers: ['conversation:message'] }] })
    await call('/integrations', { type: 'messenger', pageAccessToken: emulator.pageToken, appId: APP_ID, appSecret: APP_SECRET })

    const latencies: number[] = []
    for (let i = 0; i < messages; i++) {
      const text = `message ${i}`
      const t0 = performance.now()
      await emulator.client.personAction(PERSON_ID, { pageId: PAGE_ID, type: 'text', text })
      await until(() => arrived.has(text))
      latencies.push(arrived.get(text)! - t0)
    }
    const figures = { messages, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) }
    console.log(`\nEnd to end (person → emulator → signed webhook → adapter → business webhook), ${messages} messages ` +
      `one at a time: p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms (goal: p50 < 5 ms)`)
    return figures
  } finally {
    await adapter.stop()
    await emulator.stop()
    await business.close()
  }
}

/** Resolves once `done()` holds, checking after every event-loop turn (the receiver runs in this process). */
function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) return resolve()
      if (performance.now() > deadline) return reject(new Error('The business webhook did not arrive in time'))
      setImmediate(check)
    }
    check()
  })
}
