/**
 * What an account allowed an app in the login dialog ("Choose what you allow"): granted and declined permissions and
 * the pages chosen. Facebook remembers it on later dialogs until the person removes the app (docs §1.1).
 */
import { json, type Store } from './store.js'

export interface Consent {
  appId: string
  accountId: string
  granted: string[]
  declined: string[]
  pageIds: string[]
}

interface ConsentDbRow { app_id: string; account_id: string; granted: string; declined: string; page_ids: string }

const toConsent = (r: ConsentDbRow): Consent => ({
  appId: r.app_id, accountId: r.account_id, granted: json.parse(r.granted, []), declined: json.parse(r.declined, []),
  pageIds: json.parse(r.page_ids, []),
})

export class Consents {
  constructor(private readonly store: Store, private readonly now: () => number) {}

  /** Cached (read-cache.ts): every user or page token's permissions are the consent's, read live. */
  get(appId: string, accountId: string): Consent | undefined {
    return this.store.cache.get(`consent:${appId}:${accountId}`, () => {
      const r = this.store.stmt('SELECT * FROM consents WHERE app_id = ? AND account_id = ?').get(appId, accountId) as
        ConsentDbRow | undefined
      return r && toConsent(r)
    })
  }

  list(): Consent[] {
    return (this.store.stmt('SELECT * FROM consents ORDER BY updated_at').all() as ConsentDbRow[]).map(toConsent)
  }

  save(c: Consent): void {
    this.store.stmt(`INSERT INTO consents (app_id, account_id, granted, declined, page_ids, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (app_id, account_id) DO UPDATE SET granted = excluded.granted, declined = excluded.declined,
        page_ids = excluded.page_ids, updated_at = excluded.updated_at`)
      .run(c.appId, c.accountId, json.stringify(c.granted), json.stringify(c.declined), json.stringify(c.pageIds),
        this.now())
  }

  /** The person removed the app (Business Integrations, or DELETE /me/permissions): forget every choice. */
  remove(appId: string, accountId: string): boolean {
    return this.store.stmt('DELETE FROM consents WHERE app_id = ? AND account_id = ?').run(appId, accountId).changes > 0
  }
}
