/**
 * Group commit (emulator/world/group-commit.ts): writes of one event-loop turn share one transaction, each in its own
 * savepoint; a failing write answers its own error and leaves the others committed; callers hear back only after
 * COMMIT; a read of the journal sees every write queued before it.
 */
import { afterEach, expect, test } from 'vitest'
import { World } from '../../emulator/world/world.js'
import { importWorld } from '../../emulator/world/document.js'

let world: World
afterEach(() => world?.close())

function open(): World {
  world = World.open(':memory:')
  importWorld(world, { apps: [], accounts: [{ name: 'Pat' }], pages: [], people: [] })
  return world
}

const names = (w: World) => w.accounts.list().map((a) => a.name)

test('one failing write rolls back alone; the others of its batch commit', async () => {
  const w = open()
  const add = (name: string) => w.commit(() => w.accounts.create({ name }))
  const results = await Promise.allSettled([
    add('A'),
    w.commit(() => {
      w.accounts.create({ name: 'half-written' })
      throw new Error('refused')
    }),
    add('B'),
  ])
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  expect(names(w)).toEqual(['Pat', 'A', 'B'])
})

test('a caller hears back only after COMMIT', async () => {
  const w = open()
  const inTransactionWhenAnswered = await w.commit(() => w.accounts.create({ name: 'C' })).then(() => w.db.inTransaction)
  expect(inTransactionWhenAnswered).toBe(false)
  expect(names(w)).toEqual(['Pat', 'C'])
})

test('the journal commits its queued entries before it is read', () => {
  const w = open()
  w.journal.record({ at: 0, method: 'GET', path: '/me', version: null, appId: null, pageId: null, tokenKind: null,
    params: {}, status: 200, fbtraceId: 'x', error: null, reason: null, nearestPath: null, durationMs: 0, warnings: [] })
  expect(w.journal.list({ limit: 10 }).map((e) => e.path)).toEqual(['/me'])
})
