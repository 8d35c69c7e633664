/**
 * What every part of the adapter is handed: the store, the clock, id generators, the Graph client and the public URL
 * Facebook reaches the adapter at. Passed explicitly (no globals) so tests build it with their own pieces.
 */
import type { Clock } from './clock.js'
import type { Ids } from './ids.js'
import type { Store } from '../store/store.js'
import type { GraphClient } from '../facebook/graph-client.js'

export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string, err?: unknown): void
}

export const consoleLogger: Logger = {
  info: (m) => console.log(`[adapter] ${m}`),
  warn: (m) => console.warn(`[adapter] ${m}`),
  error: (m, err) => console.error(`[adapter] ${m}`, err instanceof Error ? err.message : err ?? ''),
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

export interface AdapterContext {
  store: Store
  clock: Clock
  ids: Ids
  graph: GraphClient
  log: Logger
  /** Where Facebook reaches the adapter's webhook, without trailing slash (known only once the port is bound). */
  publicUrl(): string
  /**
   * Verify tokens of integrations being created: Facebook's verification GET arrives while `POST /{app-id}/subscriptions`
   * is still running, before the integration is committed.
   */
  pendingVerifications: Map<string, string>
}
