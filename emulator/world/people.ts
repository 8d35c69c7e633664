/** People on Messenger and their page-scoped ids (PSIDs). */
import type { Ids } from './ids.js'
import type { Store } from './store.js'

export type Platform = 'web' | 'ios' | 'android'

export interface Person {
  id: string
  firstName: string
  lastName: string
  eea: boolean
  platform: Platform
  locale: string
  timezone: number
  gender: string | null
}

interface PersonDbRow {
  id: string; first_name: string; last_name: string; eea: number; platform: Platform; locale: string
  timezone: number; gender: string | null
}

const toPerson = (r: PersonDbRow): Person => ({
  id: r.id, firstName: r.first_name, lastName: r.last_name, eea: r.eea === 1, platform: r.platform, locale: r.locale,
  timezone: r.timezone, gender: r.gender,
})

export interface Psid { psid: string; personId: string; pageId: string }

export class People {
  constructor(private readonly store: Store, private readonly now: () => number, private readonly ids: Ids) {}

  create(input: Partial<Person> & { firstName: string; lastName: string }): Person {
    const p: Person = {
      id: input.id ?? this.ids.person(), firstName: input.firstName, lastName: input.lastName, eea: input.eea ?? false,
      platform: input.platform ?? 'ios', locale: input.locale ?? 'en_US', timezone: input.timezone ?? 0,
      gender: input.gender ?? null,
    }
    this.store.stmt(`INSERT INTO people (id, first_name, last_name, eea, platform, locale, timezone, gender, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(p.id, p.firstName, p.lastName, p.eea ? 1 : 0, p.platform, p.locale, p.timezone, p.gender, this.now())
    return p
  }

  /** Cached (read-cache.ts): the European rules read the person on every send. */
  get(id: string): Person | undefined {
    return this.store.cache.get(`person:${id}`, () => {
      const r = this.store.stmt('SELECT * FROM people WHERE id = ?').get(id) as PersonDbRow | undefined
      return r && toPerson(r)
    })
  }

  list(): Person[] {
    return (this.store.stmt('SELECT * FROM people ORDER BY rowid').all() as PersonDbRow[]).map(toPerson)
  }

  /** The person's PSID on a page, created the first time they meet it (as Messenger assigns one on first contact). */
  psidOn(personId: string, pageId: string, wanted?: string): string {
    const existing = this.store.stmt('SELECT psid FROM psids WHERE person_id = ? AND page_id = ?').get(personId, pageId) as
      { psid: string } | undefined
    if (existing) return existing.psid
    const psid = wanted ?? this.ids.psid()
    this.store.stmt('INSERT INTO psids (psid, person_id, page_id) VALUES (?, ?, ?)').run(psid, personId, pageId)
    return psid
  }

  psids(personId: string): Record<string, string> {
    const rows = this.store.stmt('SELECT page_id, psid FROM psids WHERE person_id = ? ORDER BY rowid').all(personId) as
      { page_id: string; psid: string }[]
    return Object.fromEntries(rows.map((r) => [r.page_id, r.psid]))
  }

  /** Resolves a PSID to its person and page, or undefined when no page issued it. */
  byPsid(psid: string): Psid | undefined {
    return this.store.cache.get(`psid:${psid}`, () => {
      const r = this.store.stmt('SELECT psid, person_id, page_id FROM psids WHERE psid = ?').get(psid) as
        { psid: string; person_id: string; page_id: string } | undefined
      return r && { psid: r.psid, personId: r.person_id, pageId: r.page_id }
    })
  }
}
