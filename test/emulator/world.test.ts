/**
 * The world document and the world's lifecycle (DESIGN "Control API"): import answers every id, secret and PSID;
 * export round-trips; bad documents are refused whole; reset; the clock; a restart on the same database file.
 */
import { describe, expect } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ControlApiError, DatabaseInUseError, EmulatorStartError, SAMPLE_WORLD, startEmulator,
} from '../../emulator/index.js'
import type { WorldDocument } from '../../emulator/control/types.js'
import { BASE_WORLD, get, test } from './fixtures.js'

const ID = /^\d{15}$/

describe('POST /_emulator/world', () => {
  test('answers the document with every id, secret and PSID filled in', async ({ emulator }) => {
    await emulator.client.reset()
    const doc = await emulator.client.addWorld({
      ...BASE_WORLD, pages: [{ name: 'Acme', admins: ['Pat Owner'] }, { name: 'Acme Outlet', admins: ['Pat Owner'] }],
    })
    expect(doc.apps).toEqual([{ id: expect.stringMatching(ID), secret: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'Acme Support', requireAppSecretProof: false }])
    const [owner, stranger] = doc.accounts
    expect(owner).toEqual({ id: expect.stringMatching(ID), name: 'Pat Owner', eea: false })
    expect(stranger!.id).not.toBe(owner!.id)
    expect(doc.pages.map((p) => p.admins)).toEqual([[owner!.id], [owner!.id]])
    // A person gets a PSID on every page of the document, a different one on each (page-scoped ids).
    const psids = doc.people[0]!.psids!
    expect(Object.keys(psids)).toEqual(doc.pages.map((p) => p.id))
    expect(new Set(Object.values(psids)).size).toBe(2)
    for (const psid of Object.values(psids)) expect(psid).toMatch(/^\d{16}$/)
    expect(doc.people[0]).toMatchObject({ firstName: 'Sam', lastName: 'Lee', platform: 'ios', locale: 'en_US' })
  })

  test('keeps the ids, secrets and PSIDs it is given, and may refer to what the world holds', async ({ emulator }) => {
    await emulator.client.reset()
    await emulator.client.addWorld({ accounts: [{ id: '100000000000001', name: 'Pat Owner' }] })
    const doc = await emulator.client.addWorld({
      apps: [{ id: '1234567890123456', secret: '0123456789abcdef0123456789abcdef', name: 'Acme Support' }],
      pages: [{ id: '200000000000001', name: 'Acme', admins: ['100000000000001'] }],
      people: [{ firstName: 'Sam', lastName: 'Lee', psids: { '200000000000001': '4000000000000001' } }],
    })
    expect(doc.apps[0]).toMatchObject({ id: '1234567890123456', secret: '0123456789abcdef0123456789abcdef' })
    expect(doc.pages[0]!.admins).toEqual(['100000000000001'])
    expect(doc.people[0]!.psids).toEqual({ '200000000000001': '4000000000000001' })
  })

  const bad: [string, unknown, number, RegExp][] = [
    ['an unknown key', { apps: [{ name: 'A', colour: 'red' }] }, 400, /colour/],
    ['an id that is not decimal', { apps: [{ id: 'abc', name: 'A' }] }, 400, /apps\.1\.id/],
    ['a short secret', { apps: [{ name: 'A', secret: 'abc' }] }, 400, /secret/],
    ['an app without a name', { apps: [{}] }, 400, /apps\.1\.name/],
    ['a person with a wrong type', { people: [{ firstName: 'S', lastName: 'L', timezone: 'CET' }] }, 400, /timezone/],
    ['an array instead of a document', [], 400, /body/],
    ['an admin who exists nowhere', { pages: [{ name: 'P', admins: ['Nobody'] }] }, 400, /No account "Nobody"/],
    ['a PSID on a page that exists nowhere', { people: [{ firstName: 'S', lastName: 'L', psids: { '9': '88' } }] },
      400, /No page "9"/],
    ['one id given twice', { apps: [{ id: '77', name: 'A' }], accounts: [{ id: '77', name: 'B' }] }, 400, /twice/],
    ['an id the world already uses', { pages: [{ id: '500', name: 'Again' }] }, 409, /already in use/],
  ]
  test.for(bad)('%s is refused whole, with instructions', async ([, doc, status, message], { emulator }) => {
    await emulator.client.reset()
    await emulator.client.addWorld({ pages: [{ id: '500', name: 'Existing' }] })
    const before = await emulator.client.exportWorld()
    // Valid items beside the bad one: none of them may be stored.
    const withGoodItems = Array.isArray(doc) ? doc : {
      ...(doc as WorldDocument), apps: [{ name: 'Good app' }, ...((doc as WorldDocument).apps ?? [])],
    }
    const err = await emulator.client.addWorld(withGoodItems as WorldDocument).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ControlApiError)
    expect((err as ControlApiError).status).toBe(status)
    expect((err as ControlApiError).message).toMatch(message)
    expect((err as ControlApiError).instructions).toEqual(expect.any(String))
    expect(await emulator.client.exportWorld()).toEqual(before)
  })

  test('malformed JSON is 400 with instructions', async ({ emulator }) => {
    const res = await emulator.fetch('/_emulator/world', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"apps": [',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: expect.stringContaining('JSON'), instructions: expect.any(String) })
  })
})

describe('GET /_emulator/world', () => {
  test('an export imported into a fresh emulator exports identically', async ({ emulator }) => {
    await emulator.client.reset()
    const base = await emulator.client.addWorld(BASE_WORLD)
    // Added at a later and then an earlier emulated time: the export keeps the order things were added in.
    await emulator.client.advanceClock(3600)
    await emulator.client.addWorld({ apps: [{ name: 'Later', requireAppSecretProof: true }],
      pages: [{ name: 'Second', category: 'Shopping', eea: true, admins: [base.accounts[0]!.id!] }] })
    await emulator.client.advanceClock(-7200)
    await emulator.client.addWorld({ accounts: [{ name: 'Earlier', eea: true }],
      people: [{ firstName: 'Eva', lastName: 'Berg', eea: true, platform: 'web', locale: 'de_DE', timezone: 1 }] })
    const exported = await emulator.client.exportWorld()
    expect(exported.apps.map((a) => a.name)).toEqual(['Acme Support', 'Later'])
    expect(exported.accounts.map((a) => a.name)).toEqual(['Pat Owner', 'Kim Stranger', 'Earlier'])

    const fresh = await startEmulator()
    try {
      await fresh.client.addWorld(exported)
      expect(await fresh.client.exportWorld()).toEqual(exported)
    } finally {
      await fresh.close()
    }
  })
})

describe('POST /_emulator/reset', () => {
  test('empties the world and puts the clock back', async ({ emulator, w }) => {
    await emulator.client.advanceClock(86_400)
    const token = await emulator.client.userToken(w.ownerId, w.appId)
    await emulator.client.reset()
    expect(await emulator.client.exportWorld()).toEqual({ apps: [], accounts: [], pages: [], people: [] })
    expect((await emulator.client.clock()).offsetSeconds).toBe(0)
    expect((await get(emulator, '/me', token.access_token)).body.error.code).toBe(190)
  })
})

describe('POST /_emulator/clock', () => {
  test('moves the emulated time forward and back', async ({ emulator }) => {
    await emulator.client.reset()
    const start = Date.parse((await emulator.client.clock()).now)
    const moved = await emulator.client.advanceClock(3 * 3600)
    expect(moved.offsetSeconds).toBe(3 * 3600)
    expect(Date.parse(moved.now) - start).toBeGreaterThanOrEqual(3 * 3600 * 1000)
    expect((await emulator.client.advanceClock(-3600)).offsetSeconds).toBe(2 * 3600)
  })

  test.for([
    ['a string', { advanceSeconds: 'soon' }], ['nothing', {}], ['an unknown key', { advanceSeconds: 1, by: 2 }],
    ['beyond the year 9999', { advanceSeconds: 1e15 }], ['before 1970', { advanceSeconds: -1e11 }],
  ] as const)('%s is 400 with instructions and the clock stays', async ([, payload], { emulator }) => {
    await emulator.client.reset()
    const res = await emulator.fetch('/_emulator/clock', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: expect.any(String), instructions: expect.any(String) })
    expect((await emulator.client.clock()).offsetSeconds).toBe(0)
  })
})

describe('a restart on the same database file', () => {
  test('one emulator at a time: a second on the file is refused until the first closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-world-'))
    const db = join(dir, 'world.db')
    try {
      const first = await startEmulator({ db })
      const refused = await startEmulator({ db }).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(DatabaseInUseError)
      expect((refused as Error).message).toContain(`in use by another emulator (pid ${process.pid}, ${first.url}`)
      await first.close()
      await (await startEmulator({ db })).close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('keeps the world, its tokens and its clock; a seed does not add twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-world-'))
    const db = join(dir, 'world.db')
    try {
      const first = await startEmulator({ db, seed: BASE_WORLD })
      const { apps, accounts } = first.seeded!
      const token = await first.client.userToken(accounts[0]!.id!, apps[0]!.id!)
      await first.client.advanceClock(600)
      const exported = await first.client.exportWorld()
      await first.close()

      const second = await startEmulator({ db, seed: BASE_WORLD })
      try {
        expect(second.seeded).toBeUndefined()
        expect(await second.client.exportWorld()).toEqual(exported)
        expect((await second.client.clock()).offsetSeconds).toBe(600)
        expect((await get(second, '/me', token.access_token)).body).toEqual({ id: accounts[0]!.id, name: 'Pat Owner' })
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('startEmulator({ seed })', () => {
  test("'sample' is the built-in sample world, the same document as examples/world.json", async () => {
    const file = JSON.parse(readFileSync(new URL('../../examples/world.json', import.meta.url), 'utf8')) as unknown
    expect(SAMPLE_WORLD).toEqual(file)
    const emulator = await startEmulator({ seed: 'sample' })
    try {
      const { apps, accounts, pages, people } = emulator.seeded!
      expect([apps.length, accounts.length, pages.length]).toEqual([1, 1, 1])
      expect(pages[0]!.admins).toEqual([accounts[0]!.id])
      expect(people.map((p) => [p.firstName, p.eea])).toEqual([['Sam', false], ['Eva', true]])
    } finally {
      await emulator.close()
    }
  })

  test.for([
    ['a field of the wrong type', { apps: [{ name: 7 }] }, /The seed is not a world document: apps\.0\.name/],
    ['a reference to nothing', { pages: [{ name: 'P', admins: ['Nobody'] }] }, /No account "Nobody"/],
  ] as const)('%s fails to start with a clear EmulatorStartError', async ([, seed, message]) => {
    const err = await startEmulator({ seed: seed as never }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(EmulatorStartError)
    expect((err as Error).message).toMatch(message)
  })
})
