/**
 * A webhook receiver for benchmarks: answers 200 to every POST at once and counts what arrived, requests and the
 * Messenger events they carried (a request may carry several: batching, docs §4.2).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Receiver {
  url: string
  received(): number
  /** Messenger events received: the `messaging` items of every entry of every request. */
  events(): number
  /** Called with each body as it arrives. */
  onBody(fn: (body: string) => void): void
  close(): Promise<void>
}

export async function startReceiver(): Promise<Receiver> {
  let count = 0
  let events = 0
  const listeners: ((body: string) => void)[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      count++
      res.writeHead(200, { 'content-type': 'text/plain' }).end('EVENT_RECEIVED')
      const body = Buffer.concat(chunks).toString()
      events += messagingCount(body)
      for (const fn of listeners) fn(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received: () => count,
    events: () => events,
    onBody: (fn) => listeners.push(fn),
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

function messagingCount(body: string): number {
  try {
    const { entry } = JSON.parse(body) as { entry?: { messaging?: unknown[] }[] }
    return (entry ?? []).reduce((n, e) => n + (e.messaging?.length ?? 0), 0)
  } catch {
    return 0 // not a Messenger webhook (the end-to-end bench's business webhooks)
  }
}
