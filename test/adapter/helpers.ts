/** Shared test pieces: a real local HTTP receiver for business webhooks, and an authenticated API caller. */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startAdapter, type AdapterOptions, type RunningAdapter } from '../../adapter/index.js'
import { silentLogger } from '../../adapter/runtime/context.js'
import { signBody } from '../../adapter/facebook/signature.js'
import type { MessengerConfig } from '../../adapter/store/integrations.js'

export interface Received { headers: IncomingHttpHeaders; body: any }

export interface Receiver {
  url: string
  requests: Received[]
  /** Status answered from now on (200 by default). */
  status: number
  close(): Promise<void>
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', requests: [], status: 200, close: async () => {} }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (receiver.status >= 200 && receiver.status < 300) {
        receiver.requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
      }
      res.writeHead(receiver.status).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  receiver.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) })
  return receiver
}

/** v2 events received, flattened, in arrival order. */
export function events(r: Receiver): any[] {
  return r.requests.flatMap((q) => q.body.events ?? [])
}

export const FAST_RETRY = {
  sendRetry: { baseDelayMs: 10, maxDelayMs: 40, maxAttempts: 3 },
  webhookRetry: { baseDelayMs: 10, maxDelayMs: 40 },
}

export async function adapter(options: AdapterOptions = {}): Promise<RunningAdapter> {
  return startAdapter({ port: 0, log: silentLogger, graphUrl: 'http://127.0.0.1:9', ...FAST_RETRY, ...options })
}

export function api(a: RunningAdapter, auth = `Basic ${Buffer.from(`${a.keyId}:${a.keySecret}`).toString('base64')}`) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${a.url}${path.replace('{appId}', a.appId)}`, {
      method,
      headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined as any }
  }
  return {
    get: (p: string) => call('GET', p),
    post: (p: string, b?: unknown) => call('POST', p, b ?? {}),
    put: (p: string, b?: unknown) => call('PUT', p, b ?? {}),
    delete: (p: string) => call('DELETE', p),
  }
}

/** POSTs a Messenger webhook body to the adapter, signed like Facebook signs it (or with the given signature). */
export async function deliverMessenger(a: RunningAdapter, integrationId: string, appSecret: string, body: unknown,
  signature?: string | null) {
  const raw = JSON.stringify(body)
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const sig = signature === undefined ? signBody(raw, appSecret) : signature
  if (sig !== null) headers['x-hub-signature-256'] = sig
  const res = await fetch(`${a.url}/webhooks/messenger/${integrationId}`, { method: 'POST', headers, body: raw })
  return { status: res.status, text: await res.text() }
}

/** The Facebook side of a Messenger integration, for tests that sign its webhooks themselves. */
export const FACEBOOK = {
  pageId: '200000000000001', appId: '1234567890123456', appSecret: '0123456789abcdef0123456789abcdef',
  psid: '4000000000000001',
} as const

/**
 * A Messenger integration of FACEBOOK's page as messenger/integration.ts stores it (creating one for real asks
 * Facebook; messenger.e2e.test.ts does that against the emulator).
 */
export function addMessengerIntegration(a: RunningAdapter, id: string, config: Partial<MessengerConfig> = {}): void {
  a.store.integrations.create({
    id, appId: a.appId, type: 'messenger', status: 'active', displayName: null, createdAt: new Date().toISOString(),
    config: { pageId: FACEBOOK.pageId, pageName: 'Acme', pageAccessToken: 'EAAtoken', fbAppId: FACEBOOK.appId,
      fbAppSecret: FACEBOOK.appSecret, verifyToken: 'verify-me', eea: false, ...config },
  })
}

export function messagingBody(pageId: string, ...messaging: object[]) {
  return { object: 'page', entry: [{ id: pageId, time: Date.now(), messaging }] }
}
