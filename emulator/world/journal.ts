/**
 * The request journal: every Graph call the emulator answered, newest first. Entries join the group commit of the
 * world's writes (group-commit.ts); secrets are redacted by the caller before they get here.
 */
import { json, type Store } from './store.js'
import type { Warning } from '../facebook/warnings.js'

export interface JournalEntry {
  id: number
  /** Milliseconds since the epoch on the emulator's clock. */
  at: number
  method: string
  path: string
  version: string | null
  appId: string | null
  pageId: string | null
  tokenKind: string | null
  params: Record<string, unknown>
  status: number
  fbtraceId: string
  /** The `error` object of the Graph error body, when the call failed. */
  error: Record<string, unknown> | null
  /** Why the emulator answered so (GraphError.reason). */
  reason: string | null
  /** For a path no route serves: the nearest supported one. */
  nearestPath: string | null
  durationMs: number
  /** What Facebook tolerated or altered silently in this call (facebook/warnings.ts); empty for most calls. */
  warnings: Warning[]
}

export type NewJournalEntry = Omit<JournalEntry, 'id'>

export interface JournalFilter {
  appId?: string | undefined
  pageId?: string | undefined
  status?: number | undefined
  limit: number
}

interface JournalDbRow {
  id: number; at: number; method: string; path: string; version: string | null; app_id: string | null
  page_id: string | null; token_kind: string | null; params: string; status: number; fbtrace_id: string
  error: string | null; reason: string | null; nearest_path: string | null; duration_ms: number
  warnings: string | null
}

const toEntry = (r: JournalDbRow): JournalEntry => ({
  id: r.id, at: r.at, method: r.method, path: r.path, version: r.version, appId: r.app_id, pageId: r.page_id,
  tokenKind: r.token_kind, params: json.parse(r.params, {}), status: r.status, fbtraceId: r.fbtrace_id,
  error: json.parse(r.error, null), reason: r.reason, nearestPath: r.nearest_path, durationMs: r.duration_ms,
  warnings: json.parse<Warning[]>(r.warnings, []),
})

export class Journal {
  /** Entries recorded since the last group commit, written by one deferred write of the next. */
  private pending: NewJournalEntry[] = []

  constructor(private readonly store: Store) {}

  /**
   * Joins the next group commit without holding up the answer it describes: the journal is a diagnostic, and a commit
   * of its own per Graph call cost a tenth of the Send API's time. `list()` commits what is queued before reading.
   * The entries of one batch are one deferred write, not one each: each costs a SAVEPOINT of the group commit, ~1.5 µs
   * of a Send API call's ~120 (measured on SQLite alone).
   */
  record(e: NewJournalEntry): void {
    if (this.pending.push(e) === 1) this.store.commits.defer(() => this.insertPending())
  }

  /** A failed INSERT undoes only itself (SQLite statements are atomic), so one bad entry loses no other. */
  private insertPending(): void {
    const entries = this.pending
    this.pending = []
    for (const e of entries) {
      try {
        this.insert(e)
      } catch (err) {
        console.error('[world] could not write a request journal entry', err)
      }
    }
  }

  private insert(e: NewJournalEntry): void {
    this.store.stmt(`INSERT INTO request_journal (at, method, path, version, app_id, page_id, token_kind, params,
      status, fbtrace_id, error, reason, nearest_path, duration_ms, warnings)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(e.at, e.method, e.path, e.version, e.appId, e.pageId, e.tokenKind, json.stringify(e.params), e.status,
        e.fbtraceId, e.error === null ? null : json.stringify(e.error), e.reason, e.nearestPath, e.durationMs,
        e.warnings.length ? json.stringify(e.warnings) : null)
  }

  /** Newest first. Null filters match anything; the statement text is fixed so it stays cached. */
  list(f: JournalFilter): JournalEntry[] {
    this.store.commits.flush()
    return (this.store.stmt(`SELECT * FROM request_journal
      WHERE (@appId IS NULL OR app_id = @appId) AND (@pageId IS NULL OR page_id = @pageId)
        AND (@status IS NULL OR status = @status)
      ORDER BY id DESC LIMIT @limit`)
      .all({ appId: f.appId ?? null, pageId: f.pageId ?? null, status: f.status ?? null, limit: f.limit }) as
        JournalDbRow[])
      .map(toEntry)
  }
}
