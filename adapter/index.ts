/**
 * The adapter's programmatic entry: `startAdapter(options)` → `{ url, close(), appId, keyId, keySecret }`.
 * A small Sunshine-Conversations-style platform with a Facebook Messenger channel that reaches Facebook only over HTTP,
 * through `graphUrl` (https://graph.facebook.com, or the emulator).
 */
import { createAdaptorServer } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createAdapterApp } from './api/app.js'
import { ensureCredentials, type CredentialsInput } from './runtime/bootstrap.js'
import { systemClock, type Clock } from './runtime/clock.js'
import { consoleLogger, type AdapterContext, type Logger } from './runtime/context.js'
import { defaultIds, type Ids } from './runtime/ids.js'
import { GraphClient } from './facebook/graph-client.js'
import { messengerSender } from './messenger/sender.js'
import { OutboxWorker, type RetryPolicy } from './runtime/outbox-worker.js'
import { createStore, type Store } from './store/store.js'
import { webhookDelivery } from './webhooks/delivery.js'
import { startRetention } from './runtime/retention.js'
import type { RetentionOptions } from '../lib/retention.js'
import { allowedHostNames } from '../lib/http-guard.js'
import type { FacebookApp } from './messenger/facebook-login.js'

export interface AdapterOptions extends CredentialsInput {
  /** 0 = a free port. Default 4200. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Graph base URL. Default https://graph.facebook.com. */
  graphUrl?: string
  /** Graph version used in every path. Default v21.0. */
  graphVersion?: string
  /** Where Facebook reaches the adapter's webhook. Default: the adapter's own URL. */
  publicUrl?: string
  /** SQLite path or ':memory:' (default). */
  db?: string
  clock?: Clock
  ids?: Ids
  log?: Logger
  /** Retries of Send API calls (transient Graph errors, unreachable Graph). */
  sendRetry?: Partial<RetryPolicy>
  /** Retries of business webhooks (a business that is down gets everything once it is back). */
  webhookRetry?: Partial<RetryPolicy>
  /** The `fetch` of Graph calls (business webhooks go out through node:http: webhooks/http-post.ts). */
  fetch?: typeof fetch
  /**
   * How much of the finished outbox rows, seen-event ids and rejected events is kept: the newest `maxRows` of each
   * (default 50,000) and none older than `maxAgeMs` (default 7 days); 0 turns a limit off. Pending rows, and
   * seen-event ids inside Facebook's 36-hour redelivery window, are always kept.
   */
  retention?: RetentionOptions
  /**
   * Host names the adapter answers besides loopback names, IP addresses, `host` and `publicUrl`'s host: a request for
   * any other Host is refused, so a web page cannot reach it through DNS rebinding (`--allowed-host`).
   */
  allowedHosts?: string[]
  /**
   * The platform's own Facebook app (the one Sunshine registers with Facebook): the dashboard's Authenticate runs
   * Facebook Login with it, and the integrations it connects use it (`--facebook-app-id`, `--facebook-app-secret`).
   */
  facebookApp?: FacebookApp
}

export interface RunningAdapter {
  url: string
  /** The dashboard: `{url}/dashboard`. */
  dashboardUrl: string
  appId: string
  keyId: string
  keySecret: string
  /** The account-scoped key: it reaches every app, and creates, lists, updates and deletes apps and their keys. */
  accountKeyId: string
  accountKeySecret: string
  store: Store
  close(): Promise<void>
}

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com'
export const DEFAULT_GRAPH_VERSION = 'v21.0'

const SEND_RETRY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 5, maxAgeMs: 24 * 3600_000 }
const WEBHOOK_RETRY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000, maxAttempts: Number.POSITIVE_INFINITY, maxAgeMs: 3 * 24 * 3600_000 }

export class PortInUseError extends Error {
  constructor(readonly port: number, readonly host: string) {
    super(`Port ${port} on ${host} is already in use. Stop whatever listens there or choose another port with --port.`)
    this.name = 'PortInUseError'
  }
}

export async function startAdapter(options: AdapterOptions = {}): Promise<RunningAdapter> {
  const clock = options.clock ?? systemClock
  const ids = options.ids ?? defaultIds
  const log = options.log ?? consoleLogger
  const host = options.host ?? '127.0.0.1'
  const store = createStore(options.db ?? ':memory:')
  let url = ''
  const ctx: AdapterContext = {
    store, clock, ids, log,
    graph: new GraphClient({
      baseUrl: options.graphUrl ?? DEFAULT_GRAPH_URL, version: options.graphVersion ?? DEFAULT_GRAPH_VERSION,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
    publicUrl: () => (options.publicUrl ?? url).replace(/\/+$/, ''),
    pendingVerifications: new Map(),
  }
  let creds
  try {
    creds = ensureCredentials(store, ids, clock, options)
  } catch (err) {
    store.close()
    throw err
  }
  const sender = messengerSender(ctx)
  const workers = {
    send: new OutboxWorker({ kind: 'send', store, clock, log, retry: { ...SEND_RETRY, ...options.sendRetry }, ...sender }),
    webhook: new OutboxWorker({
      kind: 'webhook', store, clock, log, retry: { ...WEBHOOK_RETRY, ...options.webhookRetry },
      handle: webhookDelivery(ctx),
    }),
  }
  store.outbox.onEnqueue((kind) => workers[kind].kick())

  const app = createAdapterApp(ctx, {
    allowedHosts: allowedHostNames(host, options.publicUrl, options.allowedHosts), facebookApp: options.facebookApp,
  })
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host })
  const port = options.port ?? 4200
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, host) : err))
      server.listen(port, host, () => resolve())
    })
  } catch (err) {
    store.close()
    throw err
  }
  const address = server.address() as AddressInfo
  url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
  const checkpoints = store.checkpointInBackground()
  const retention = startRetention(store, clock, options.retention)
  for (const worker of Object.values(workers)) worker.kick() // items left pending by a previous run

  let closing: Promise<void> | undefined
  return {
    url, dashboardUrl: `${url}/dashboard`, store, ...creds,
    close: () => closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
      })
      await Promise.all([...Object.values(workers).map((w) => w.stop()), retention.stop(), checkpoints.stop()])
      store.close()
    })(),
  }
}

export { createAdapterApp } from './api/app.js'
export type { AdapterContext } from './runtime/context.js'
