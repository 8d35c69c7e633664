/** Facebook pages, their admins (accounts with a role on the page) and their EEA flag. */
import type { Ids } from './ids.js'
import { json, type Store } from './store.js'

export interface Page {
  id: string
  name: string
  category: string
  eea: boolean
  faults: Record<string, unknown>
}

interface PageDbRow { id: string; name: string; category: string; eea: number; faults: string }

const toPage = (r: PageDbRow): Page => ({
  id: r.id, name: r.name, category: r.category, eea: r.eea === 1, faults: json.parse(r.faults, {}),
})

export class Pages {
  constructor(private readonly store: Store, private readonly now: () => number, private readonly ids: Ids) {}

  create(input: Partial<Page> & { name: string; admins?: string[] }): Page {
    const page: Page = {
      id: input.id ?? this.ids.page(), name: input.name, category: input.category ?? 'Brand', eea: input.eea ?? false,
      faults: input.faults ?? {},
    }
    this.store.stmt('INSERT INTO pages (id, name, category, eea, faults, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(page.id, page.name, page.category, page.eea ? 1 : 0, json.stringify(page.faults), this.now())
    for (const accountId of input.admins ?? []) this.addAdmin(page.id, accountId)
    return page
  }

  /** Cached (read-cache.ts): `/me` of a page token and the European rules read the page on every send. */
  get(id: string): Page | undefined {
    return this.store.cache.get(`page:${id}`, () => {
      const r = this.store.stmt('SELECT * FROM pages WHERE id = ?').get(id) as PageDbRow | undefined
      return r && toPage(r)
    })
  }

  /** In the order they were added (rowid, not the emulated clock, which may run backwards), so exports round-trip. */
  list(): Page[] {
    return (this.store.stmt('SELECT * FROM pages ORDER BY rowid').all() as PageDbRow[]).map(toPage)
  }

  addAdmin(pageId: string, accountId: string): void {
    this.store.stmt('INSERT OR IGNORE INTO page_admins (page_id, account_id) VALUES (?, ?)').run(pageId, accountId)
  }

  /** Cached (read-cache.ts): the European rules ask for the admins on every send. */
  admins(pageId: string): string[] {
    return this.store.cache.get(`page-admins:${pageId}`, () => (this.store.stmt(
      'SELECT account_id FROM page_admins WHERE page_id = ? ORDER BY rowid').all(pageId) as { account_id: string }[])
      .map((r) => r.account_id))
  }

  isAdmin(pageId: string, accountId: string): boolean {
    return this.store.stmt('SELECT 1 FROM page_admins WHERE page_id = ? AND account_id = ?').get(pageId, accountId) !==
      undefined
  }

  /** Pages the account has a role on, in a stable order (the order `/me/accounts` pages through). */
  ofAccount(accountId: string): Page[] {
    return (this.store.stmt(`SELECT p.* FROM pages p JOIN page_admins a ON a.page_id = p.id
      WHERE a.account_id = ? ORDER BY p.rowid`).all(accountId) as PageDbRow[]).map(toPage)
  }

  setEea(id: string, eea: boolean): void {
    this.store.stmt('UPDATE pages SET eea = ? WHERE id = ?').run(eea ? 1 : 0, id)
  }

  setFaults(id: string, faults: Record<string, unknown>): void {
    this.store.stmt('UPDATE pages SET faults = ? WHERE id = ?').run(json.stringify(faults), id)
  }
}
