/**
 * WAL checkpoints in a worker thread (lib/wal-checkpointer.ts), on a real database file: the connection stops
 * checkpointing on commit, the worker copies the WAL into the database file meanwhile and truncates the WAL once
 * commits pause, and stopping it puts SQLite's own checkpoints back and leaves the database whole.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { openSqlite, WAL_SIZE_LIMIT_BYTES, type Db } from '../lib/sqlite.js'
import { checkpointInBackground } from '../lib/wal-checkpointer.js'

const MIGRATIONS = [{ id: 1, name: 'rows', sql: 'CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL)' }]

let dir: string
let path: string
let db: Db

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'))
  path = join(dir, 'test.db')
  db = openSqlite(path, MIGRATIONS)
})

afterEach(() => {
  if (db.open) db.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Two megabytes of rows in 100 commits. */
function writeRows(): void {
  const insert = db.prepare('INSERT INTO rows (text) VALUES (?)')
  const commit = db.transaction(() => {
    for (let i = 0; i < 20; i++) insert.run('x'.repeat(1000))
  })
  for (let i = 0; i < 100; i++) commit()
}

const autocheckpoint = () => db.pragma('wal_autocheckpoint', { simple: true })

test('commits stop checkpointing and the worker copies the WAL into the database file', async () => {
  const checkpoints = checkpointInBackground(db, { intervalMs: 10 })
  expect(autocheckpoint()).toBe(0)
  const before = statSync(path).size
  writeRows()
  for (let i = 0; i < 200 && statSync(path).size < before + 2_000_000; i++) await sleep(10)
  expect(statSync(path).size).toBeGreaterThan(before + 2_000_000)
  await checkpoints.stop()
  expect(autocheckpoint()).toBe(1000)
})

test('after stop, the last connection closes the database cleanly: every row is there and the WAL is gone', async () => {
  const checkpoints = checkpointInBackground(db, { intervalMs: 10 })
  writeRows()
  await checkpoints.stop()
  db.close()
  expect(() => statSync(`${path}-wal`)).toThrow()
  const reopened = new Database(path, { readonly: true })
  expect(reopened.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 2000 })
  reopened.close()
})

const walBytes = () => {
  try {
    return statSync(`${path}-wal`).size
  } catch {
    return 0
  }
}

test('once commits stop for the idle delay, the WAL file is truncated to nothing', async () => {
  const checkpoints = checkpointInBackground(db, { intervalMs: 10, idleMs: 50 })
  writeRows()
  expect(walBytes()).toBeGreaterThan(1_000_000)
  await expect.poll(walBytes, { timeout: 5_000, interval: 10 }).toBe(0)
  // Writing again after the truncation works, and is truncated again once quiet.
  writeRows()
  expect(walBytes()).toBeGreaterThan(1_000_000)
  await expect.poll(walBytes, { timeout: 5_000, interval: 10 }).toBe(0)
  await checkpoints.stop()
  expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 4000 })
})

test('a WAL reset by a commit is cut back to journal_size_limit, so a burst does not leave it large', () => {
  expect(db.pragma('journal_size_limit', { simple: true })).toBe(WAL_SIZE_LIMIT_BYTES)
})

test('an in-memory database has no WAL: nothing starts and stop resolves', async () => {
  const memory = openSqlite(':memory:', MIGRATIONS)
  const checkpoints = checkpointInBackground(memory)
  expect(memory.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
  await checkpoints.stop()
  memory.close()
})
