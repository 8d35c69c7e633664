/**
 * A read-through cache of the rows every Graph call reads but almost nothing writes: tokens, apps, accounts, consents,
 * pages and their admins, people and PSIDs, webhook subscriptions, App Review features. A Send API call read a dozen
 * of them, each a SQLite statement of its own, a fifth of the call's time (`npm run bench`).
 *
 * Correctness first, so invalidation is coarse and automatic: the Store empties the whole cache on every write
 * statement that names one of `CACHED_TABLES` (whatever repository runs it) and on every rolled-back transaction that
 * wrote one (store.ts). A password change, a removed app, a changed consent or subscription therefore takes effect on
 * the very next read. This holds because the world is the only writer of its database (DESIGN principle 3).
 *
 * Values are deeply frozen: they are shared between callers, so a caller that changed one would change it for
 * everyone; frozen, such a change throws at once (ESM is strict mode) instead of corrupting later reads.
 */

/** The tables whose rows may be cached; a write naming any of them empties the cache. */
export const CACHED_TABLES = ['tokens', 'apps', 'accounts', 'consents', 'pages', 'page_admins', 'people', 'psids',
  'app_subscriptions', 'page_subscribed_apps', 'app_features', 'page_app_roles'] as const

/** Matches SQL text that names a cached table (a column such as `app_id` or `page_ids` does not match). */
export const NAMES_CACHED_TABLE = new RegExp(`\\b(${CACHED_TABLES.join('|')})\\b`)

/** Enough for every row of a large test world; unknown tokens tried at random cannot grow it without bound. */
const MAX_ENTRIES = 10_000

export class ReadCache {
  private readonly entries = new Map<string, unknown>()

  /** The cached value under `key`, or `load()`'s (undefined included: "no such row" is cached too). */
  get<T>(key: string, load: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T
    const value = deepFreeze(load())
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    this.entries.set(key, value)
    return value
  }

  clear(): void {
    this.entries.clear()
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  for (const v of Object.values(value)) deepFreeze(v)
  return Object.freeze(value)
}
