/**
 * Cold start: from `node dist/emulator/cli.js` to its first answered request, beside a bare Hono server's, each the
 * median of several starts; and the emulator's memory (RSS) at rest and after storing many messages.
 */
import { load } from './lib/load.js'
import { startNode } from './lib/processes.js'
import { median, rssMb } from './lib/stats.js'
import { sendBody, startBenchEmulator } from './lib/emulator.js'
import { startWebhookReceiver } from '../lib/webhook-receiver.js'

async function timeToFirstAnswer(args: string[], path: string, urlPattern?: RegExp): Promise<number> {
  const t0 = performance.now()
  const server = await startNode(args, urlPattern)
  const res = await fetch(`${server.url}${path}`)
  const ms = performance.now() - t0
  if (!res.ok) throw new Error(`${args.join(' ')}: ${path} answered ${res.status}`)
  await server.stop()
  return ms
}

export interface ColdStartFigures { bareMs: number; emulatorMs: number; ratio: number }

export async function coldStartBench(runs = 7): Promise<ColdStartFigures> {
  const bare: number[] = []
  const emulator: number[] = []
  for (let i = 0; i < runs; i++) {
    bare.push(await timeToFirstAnswer(['dist/bench/bare-server.js'], '/'))
    emulator.push(await timeToFirstAnswer(['dist/emulator/cli.js', '--port', '0', '--db', ':memory:', '--seed',
      'examples/world.json'], '/_emulator/health', /Graph API\s+(http:\/\/127\.0\.0\.1:\d+)/))
  }
  const figures = { bareMs: median(bare), emulatorMs: median(emulator), ratio: median(emulator) / median(bare) }
  console.log(`\nCold start to the first answered request (median of ${runs}): bare Hono ${figures.bareMs.toFixed(0)} ms, ` +
    `emulator ${figures.emulatorMs.toFixed(0)} ms (${figures.ratio.toFixed(2)}×, goal ≤ 1.5×)`)
  return figures
}

export interface MemoryFigures { atRestMb: number; afterMb: number; messages: number }

/** RSS of an emulator on a database file at rest, then after `messages` Send API messages are stored. */
export async function memoryBench(messages = 100_000): Promise<MemoryFigures> {
  const receiver = await startWebhookReceiver()
  const emulator = await startBenchEmulator(receiver.url)
  try {
    const pid = emulator.child.pid!
    const atRestMb = rssMb(pid)
    const result = await load({ title: 'store', url: `${emulator.url}/v21.0/me/messages`, body: sendBody(),
      connections: 50, amount: messages, headers: { authorization: `Bearer ${emulator.pageToken}` } })
    const afterMb = rssMb(pid)
    console.log(`\nMemory (RSS): at rest ${atRestMb.toFixed(0)} MB; after ${result.requests} stored messages ` +
      `(${result.failures} failed) ${afterMb.toFixed(0)} MB`)
    return { atRestMb, afterMb, messages: result.requests }
  } finally {
    await emulator.stop()
    await receiver.close()
  }
}
