import { expect, test } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { migrationHash, openDatabase } from '../../adapter/store/db.js'
import { MIGRATIONS } from '../../adapter/store/migrations/index.js'

test('migrations are applied once, recorded with their sha256, in WAL mode', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'adapter-store-')), 'a.db')
  const db = openDatabase(path)
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  expect(db.prepare('SELECT id, hash FROM migrations').all()).toEqual(MIGRATIONS.map((m) => ({ id: m.id, hash: migrationHash(m.sql) })))
  db.close()
  openDatabase(path).close() // applying again is a no-op
})

test('a database whose applied migration was edited is refused', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'adapter-store-')), 'a.db')
  openDatabase(path).close()
  const raw = new Database(path)
  raw.prepare("UPDATE migrations SET hash = 'x' WHERE id = 1").run()
  raw.close()
  expect(() => openDatabase(path)).toThrow(/changed after it was applied/)
})

test('a failing migration leaves nothing behind', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'adapter-store-')), 'a.db')
  expect(() => openDatabase(path, [{ id: 1, name: 'bad', sql: 'CREATE TABLE t (x); SELECT nonsense FROM nowhere;' }])).toThrow()
  const raw = new Database(path)
  expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 't'").all()).toEqual([])
  expect(raw.prepare('SELECT * FROM migrations').all()).toEqual([])
  raw.close()
})
