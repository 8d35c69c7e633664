/**
 * The world's read cache (emulator/world/read-cache.ts), at the level of the world: any write to a cached table,
 * whichever code runs it, is seen by the next read; a rolled-back transaction leaves nothing behind in it; reset
 * empties it; and a cached row cannot be changed in place by one caller behind everyone else's back.
 */
import { describe, expect, test } from 'vitest'
import { World } from '../../emulator/world/world.js'
import { importWorld } from '../../emulator/world/document.js'

function seeded() {
  const world = World.open(':memory:')
  const doc = importWorld(world, {
    apps: [{ name: 'Acme Support' }], accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }], people: [{ firstName: 'Sam', lastName: 'Lee' }],
  })
  return { world, appId: doc.apps[0]!.id!, accountId: doc.accounts[0]!.id!, pageId: doc.pages[0]!.id! }
}

describe('the read cache', () => {
  test('a write by any SQL that names a cached table is seen by the next read', () => {
    const { world, appId } = seeded()
    expect(world.apps.get(appId)!.name).toBe('Acme Support')
    // Not a repository method: the invalidation does not depend on each repository remembering it.
    world.store.stmt('UPDATE apps SET name = ? WHERE id = ?').run('Renamed', appId)
    expect(world.apps.get(appId)!.name).toBe('Renamed')
    world.close()
  })

  test('"no such row" is cached too, and gives way to the row once it is written', () => {
    const { world } = seeded()
    expect(world.apps.get('999999999999999')).toBeUndefined()
    world.apps.create({ id: '999999999999999', name: 'Late' })
    expect(world.apps.get('999999999999999')?.name).toBe('Late')
    world.close()
  })

  test('a rolled-back transaction leaves no row it wrote in the cache', () => {
    const { world, appId, accountId } = seeded()
    expect(world.consents.get(appId, accountId)).toBeUndefined()
    expect(() => world.tx(() => {
      world.consents.save({ appId, accountId, granted: ['pages_messaging'], declined: [], pageIds: [] })
      expect(world.consents.get(appId, accountId)?.granted).toEqual(['pages_messaging'])
      throw new Error('refused')
    })).toThrow('refused')
    expect(world.consents.get(appId, accountId)).toBeUndefined()
    world.close()
  })

  test('the same holds for a write of the group commit that fails alone', async () => {
    const { world, pageId } = seeded()
    expect(world.pages.get(pageId)!.eea).toBe(false)
    const failed = world.commit(() => {
      world.pages.setEea(pageId, true)
      expect(world.pages.get(pageId)!.eea).toBe(true)
      throw new Error('refused')
    })
    const ok = world.commit(() => world.pages.get(pageId)!.eea)
    await expect(failed).rejects.toThrow('refused')
    expect(await ok).toBe(false)
    expect(world.pages.get(pageId)!.eea).toBe(false)
    world.close()
  })

  test('reset empties it', () => {
    const { world, appId } = seeded()
    expect(world.apps.get(appId)).toBeDefined()
    world.reset()
    expect(world.apps.get(appId)).toBeUndefined()
    world.close()
  })

  test('a cached row is frozen: changing it in place throws instead of changing it for every caller', () => {
    const { world, appId, pageId } = seeded()
    const app = world.apps.get(appId)!
    expect(() => { app.name = 'Mine' }).toThrow(TypeError)
    expect(() => world.pages.admins(pageId).push('100000000000009')).toThrow(TypeError)
    expect(world.apps.get(appId)!.name).toBe('Acme Support')
    world.close()
  })
})
