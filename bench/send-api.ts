/**
 * Send API throughput and latency at 50 connections: the emulator (token check, validation, the 24-hour window, the
 * message and its two webhook outbox rows committed to a WAL database file before the 200, the request journal, and
 * the delivery worker sending those webhooks to a receiver) beside a bare Hono server that parses the same body and
 * answers the same shape without storing anything, each with its CPU time per request (all its threads, during the
 * load): what a request costs, whatever else the machine was doing. Then how many webhook events the emulator still
 * owed when the load stopped, and how long it took to send them all.
 */
import { load, table, type LoadResult } from './lib/load.js'
import { startNode } from './lib/processes.js'
import { startWebhookReceiver, type WebhookReceiver } from '../lib/webhook-receiver.js'
import type { PageWebhookBody } from '../emulator/facebook/webhook-types.js'
import { sendBody, startBenchEmulator } from './lib/emulator.js'
import type { ControlClient } from '../emulator/control/client.js'
import { setTimeout as sleep } from 'node:timers/promises'

/** Each stored RESPONSE message owes the bench app two webhook events: its echo and its delivery receipt. */
const EVENTS_PER_SEND = 2
/** Each server gets this long under the same load before it is measured (load.ts). */
const WARMUP_SECONDS = 2

export interface Backlog { owedEvents: number; drainMs: number }
export interface SendApiFigures { bare: LoadResult; emulator: LoadResult; ratio: number; backlog: Backlog }

export async function sendApiBench(durationSeconds = 10, connections = 50): Promise<SendApiFigures> {
  const receiver = await startWebhookReceiver<PageWebhookBody>()
  const bareServer = await startNode(['dist/bench/bare-server.js'])
  const emulator = await startBenchEmulator(receiver.url)
  try {
    const body = sendBody()
    const bare = await load({ title: 'bare Hono', url: `${bareServer.url}/v21.0/me/messages`, body, connections,
      durationSeconds, server: bareServer.child, warmupSeconds: WARMUP_SECONDS })
    await until(() => eventsIn(receiver) >= 1) // the person's first message, sent while the emulator started
    const before = eventsIn(receiver)
    const emu = await load({ title: 'emulator', url: `${emulator.url}/v21.0/me/messages`, body, connections,
      durationSeconds, headers: { authorization: `Bearer ${emulator.pageToken}` }, server: emulator.child,
      warmupSeconds: WARMUP_SECONDS })
    const ratio = emu.requestsPerSecond / bare.requestsPerSecond
    const backlog = await drain(receiver, emulator.client, before + EVENTS_PER_SEND * (emu.requests - emu.failures))
    console.log(`\nSend API, ${connections} connections, ${durationSeconds} s each after ${WARMUP_SECONDS} s of warm-up ` +
      '(POST /v21.0/me/messages)')
    console.log(table([bare, emu]))
    console.log(`emulator / bare Hono requests per second: ${ratio.toFixed(2)} (goal ≥ 0.75); ` +
      `emulator p99 ${emu.p99Ms} ms (goal ≤ 20 ms)`)
    console.log(`webhook events owed when the load stopped: ${backlog.owedEvents}, all sent ` +
      `${(backlog.drainMs / 1000).toFixed(2)} s later (${receiver.posts.length} requests carried ${eventsIn(receiver)} events)`)
    return { bare, emulator: emu, ratio, backlog }
  } finally {
    await Promise.all([bareServer.stop(), emulator.stop()])
    await receiver.close()
  }
}

/**
 * Waits until the emulator's outbox has nothing pending, and answers how many events arrived meanwhile. `atLeast` is
 * what the counted answers owe (autocannon does not count the requests still in flight when it stops): listing
 * pending deliveries is costly while thousands wait, so it is asked only once those have arrived.
 */
async function drain(receiver: WebhookReceiver<PageWebhookBody>, client: ControlClient, atLeast: number): Promise<Backlog> {
  const received = eventsIn(receiver)
  const t0 = performance.now()
  await until(() => eventsIn(receiver) >= atLeast)
  while ((await client.deliveries({ status: 'pending', limit: 1 })).data.length > 0) await sleep(20)
  return { owedEvents: eventsIn(receiver) - received, drainMs: performance.now() - t0 }
}

/** Messenger events received: the `messaging` items of every entry of every request (batching, docs §4.2). */
function eventsIn(receiver: WebhookReceiver<PageWebhookBody>): number {
  return receiver.posts.reduce((n, p) => n + p.body.entry.reduce((m, e) => m + e.messaging.length, 0), 0)
}

/** Resolves once `done()` holds (checked every 10 ms); fails after 2 minutes. */
async function until(done: () => boolean): Promise<void> {
  const deadline = performance.now() + 120_000
  while (!done()) {
    if (performance.now() > deadline) throw new Error('The emulator did not send the webhook events it owed')
    await sleep(10)
  }
}
