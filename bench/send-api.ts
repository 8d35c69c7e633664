/**
 * Send API throughput and latency at 50 connections: the emulator (token check, validation, the 24-hour window, the
 * message and its two webhook outbox rows committed to a WAL database file before the 200, the request journal, and
 * the delivery worker sending those webhooks to a receiver) beside a bare Hono server that parses the same body and
 * answers the same shape without storing anything.
 */
import { load, table, type LoadResult } from './lib/load.js'
import { startNode } from './lib/processes.js'
import { startReceiver } from './lib/receiver.js'
import { sendBody, startBenchEmulator } from './lib/emulator.js'

export interface SendApiFigures { bare: LoadResult; emulator: LoadResult; ratio: number }

export async function sendApiBench(durationSeconds = 10, connections = 50): Promise<SendApiFigures> {
  const receiver = await startReceiver()
  const bareServer = await startNode(['dist/bench/bare-server.js'])
  const emulator = await startBenchEmulator(receiver.url)
  try {
    const body = sendBody()
    const bare = await load({ title: 'bare Hono', url: `${bareServer.url}/v21.0/me/messages`, body, connections,
      durationSeconds })
    const emu = await load({ title: 'emulator', url: `${emulator.url}/v21.0/me/messages`, body, connections,
      durationSeconds, headers: { authorization: `Bearer ${emulator.pageToken}` } })
    const ratio = emu.requestsPerSecond / bare.requestsPerSecond
    console.log(`\nSend API, ${connections} connections, ${durationSeconds} s each (POST /v21.0/me/messages)`)
    console.log(table([bare, emu]))
    console.log(`emulator / bare Hono requests per second: ${ratio.toFixed(2)} (goal ≥ 0.75); ` +
      `emulator p99 ${emu.p99Ms} ms (goal ≤ 20 ms); webhooks received meanwhile: ${receiver.received()}`)
    return { bare, emulator: emu, ratio }
  } finally {
    await Promise.all([bareServer.stop(), emulator.stop()])
    await receiver.close()
  }
}
