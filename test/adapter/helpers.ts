/** Shared test pieces: the business's webhook receiver, and an authenticated API caller. */
import request from 'supertest'
import { startWebhookReceiver, type WebhookReceiver } from '../../lib/webhook-receiver.js'
import { startAdapter, type AdapterOptions, type RunningAdapter } from '../../adapter/index.js'
import { silentLogger } from '../../adapter/runtime/context.js'
import { signBody } from '../../adapter/facebook/signature.js'
import type { MessengerConfig } from '../../adapter/store/integrations.js'

/** A business's webhook receiver: the adapter's v2 and v1.1 webhooks arrive there (conversations-api.md §11). */
export type Receiver = WebhookReceiver<any>

export function startReceiver(): Promise<Receiver> {
  return startWebhookReceiver<any>({ path: '/hook' })
}

/** v2 events acknowledged, flattened, in arrival order. */
export function events(r: Receiver): any[] {
  return r.acknowledged().flatMap((q) => q.body.events ?? [])
}

export const FAST_RETRY = {
  sendRetry: { baseDelayMs: 10, maxDelayMs: 40, maxAttempts: 3 },
  webhookRetry: { baseDelayMs: 10, maxDelayMs: 40 },
}

export async function adapter(options: AdapterOptions = {}): Promise<RunningAdapter> {
  return startAdapter({ port: 0, log: silentLogger, graphUrl: 'http://127.0.0.1:9', ...FAST_RETRY, ...options })
}

/**
 * The adapter's API as a business calls it, through supertest: `{appId}` in a path is the adapter's app. A string body
 * goes as it is (malformed JSON tests); bodies that are not JSON come back as `undefined`.
 */
export function api(a: RunningAdapter, auth = `Basic ${Buffer.from(`${a.keyId}:${a.keySecret}`).toString('base64')}`) {
  const call = async (method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown) => {
    let req = request(a.url)[method](path.replace('{appId}', a.appId)).set('authorization', auth)
    if (body !== undefined) {
      req = req.set('content-type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body))
    }
    const res = await req
    return { status: res.status, body: res.text ? JSON.parse(res.text) : undefined as any }
  }
  return {
    get: (p: string) => call('get', p),
    post: (p: string, b?: unknown) => call('post', p, b ?? {}),
    put: (p: string, b?: unknown) => call('put', p, b ?? {}),
    delete: (p: string) => call('delete', p),
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
