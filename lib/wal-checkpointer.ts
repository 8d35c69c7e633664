/**
 * WAL checkpoints in a worker thread instead of in the middle of a commit.
 *
 * Why: SQLite checkpoints on the commit that grows the WAL past 1000 pages, in the committing thread: it copies the
 * WAL into the database file and fsyncs it. On this kind of machine, 2,000 commits of 50 rows took 2.1 s that way
 * and 1.0 s without checkpoints, and 1 commit in 100 waited 11 ms or more (29 ms at worst) while every request in
 * flight waited with it (`npm run bench send-api`: p99). Here the connection never checkpoints itself
 * (`wal_autocheckpoint = 0`); a worker with its own connection runs a PASSIVE checkpoint every `intervalMs`, which
 * waits for no lock and blocks no reader or writer, so the WAL stays small while commits only append to it.
 *
 * Durability is unchanged: a commit is in the WAL either way, and a restart after a crash replays the WAL.
 *
 * The WAL file never shrinks by itself: SQLite writes it again from the start once it is checkpointed, but keeps
 * its size. After 40,000 sends it held 295 MB, and still did after a minute of quiet (issue 14). So once no commit
 * has arrived for `idleMs`, the worker runs one TRUNCATE checkpoint, which empties the file; while commits keep
 * coming, `journal_size_limit` (sqlite.ts) cuts it back whenever SQLite starts it over. The worker notices commits by
 * `PRAGMA data_version`, which changes when another connection commits.
 */
import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import type { Db } from './sqlite.js'

/** SQLite's own default, put back when the worker stops. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000

/**
 * The worker's program (CommonJS, evaluated): its own connection, a PASSIVE checkpoint every interval, and a TRUNCATE
 * checkpoint once per quiet spell. TRUNCATE waits for the writer and makes new writers wait while it runs (a few
 * milliseconds when the WAL is already copied), so its busy timeout is short: when the database is busy after all, it
 * gives up and tries again on the next tick.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { timeout: 20 })
const version = () => db.pragma('data_version', { simple: true })
let seen = version(), quietSince = Date.now(), truncated = false
const timer = setInterval(() => {
  const now = Date.now()
  const current = version()
  if (current !== seen) {
    seen = current
    quietSince = now
    truncated = false
  }
  if (truncated || now - quietSince < workerData.idleMs) return db.pragma('wal_checkpoint(PASSIVE)')
  try {
    truncated = db.pragma('wal_checkpoint(TRUNCATE)')[0].busy === 0
  } catch (err) {
    if (err.code !== 'SQLITE_BUSY') throw err
  }
}, workerData.intervalMs)
parentPort.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export interface CheckpointOptions {
  /** How often the worker runs a PASSIVE checkpoint (default 100 ms). */
  intervalMs?: number
  /** How long without a commit before the WAL file is truncated (default 1 s; tests shorten it). */
  idleMs?: number
}

export interface Checkpointer {
  /** Stops the worker and closes its connection; the database checkpoints on commit again. */
  stop(): Promise<void>
}

/** Moves `db`'s checkpoints to a worker thread. An in-memory database has no WAL: nothing to do. */
export function checkpointInBackground(db: Db, { intervalMs = 100, idleMs = 1000 }: CheckpointOptions = {}):
  Checkpointer {
  if (db.memory) return { stop: async () => undefined }
  // The worker loads the same driver as this module, wherever it was installed (and from the bundled CLI too).
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: db.name, intervalMs, idleMs } })
  // Never the reason a process stays up: a server that is not closed keeps it up anyway, and the WAL is durable.
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const checkpointOnCommit = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`)
  }
  worker.once('error', (err) => {
    console.error('[sqlite] background checkpoints stopped; checkpointing on commit again:', err)
    checkpointOnCommit()
  })
  db.pragma('wal_autocheckpoint = 0')
  return {
    stop: async () => {
      // Held until it has stopped: otherwise a process with nothing else left to do (a CLI shutting down) exits
      // before the worker does, and whoever awaits stop() (the emulator's close()) never goes on.
      worker.ref()
      worker.postMessage('stop')
      await exited
      checkpointOnCommit()
    },
  }
}
