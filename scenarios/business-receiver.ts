/**
 * The business's webhook receiver: a real HTTP server on 127.0.0.1 that answers 200 to every POST and keeps what it
 * received, in order, for the scenario to wait on. `onWebhook` lets a bot act on each one (the sample bot does).
 * Webhooks are the adapter's business webhooks, v2 (`{ app, webhook, events }`) or v1.1 (`{ trigger, … }`),
 * signed with the webhook secret in `X-API-Key` (conversations-api.md §11.2).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  /** Wall-clock ms. */
  at: number
  path: string
  headers: IncomingHttpHeaders
  body: unknown
}

export interface BusinessReceiver {
  /** Base URL, e.g. `http://127.0.0.1:4300`; webhooks go to any path under it. */
  url: string
  received: ReceivedWebhook[]
  close(): Promise<void>
}

export async function startBusinessReceiver(options: {
  port?: number
  onWebhook?: (w: ReceivedWebhook) => void
} = {}): Promise<BusinessReceiver> {
  const received: ReceivedWebhook[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      let body: unknown
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        res.writeHead(400).end()
        return
      }
      const w: ReceivedWebhook = { at: Date.now(), path: req.url ?? '/', headers: req.headers, body }
      received.push(w)
      res.writeHead(200).end()
      options.onWebhook?.(w)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) }),
  }
}
