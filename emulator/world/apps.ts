/**
 * Facebook apps: id, secret, name, the "Require App Secret" setting, the Valid OAuth Redirect URIs and the app's fault
 * switches.
 */
import type { Ids } from './ids.js'
import { json, type Store } from './store.js'

export interface App {
  id: string
  secret: string
  name: string
  requireProof: boolean
  /** Facebook Login › Settings › Valid OAuth Redirect URIs; empty: the dialog accepts any http(s) redirect_uri. */
  oauthRedirectUris: string[]
  faults: Record<string, unknown>
}

interface AppDbRow {
  id: string; secret: string; name: string; require_proof: number; oauth_redirect_uris: string; faults: string
}

const toApp = (r: AppDbRow): App => ({
  id: r.id, secret: r.secret, name: r.name, requireProof: r.require_proof === 1,
  oauthRedirectUris: json.parse(r.oauth_redirect_uris, []), faults: json.parse(r.faults, {}),
})

export class Apps {
  constructor(private readonly store: Store, private readonly now: () => number, private readonly ids: Ids) {}

  create(input: Partial<App> & { name: string }): App {
    const app: App = {
      id: input.id ?? this.ids.app(), secret: input.secret ?? this.ids.appSecret(), name: input.name,
      requireProof: input.requireProof ?? false, oauthRedirectUris: input.oauthRedirectUris ?? [],
      faults: input.faults ?? {},
    }
    this.store.stmt(`INSERT INTO apps (id, secret, name, require_proof, oauth_redirect_uris, faults, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(app.id, app.secret, app.name, app.requireProof ? 1 : 0,
      json.stringify(app.oauthRedirectUris), json.stringify(app.faults), this.now())
    return app
  }

  /** Cached (read-cache.ts): every authenticated Graph call reads its app. */
  get(id: string): App | undefined {
    return this.store.cache.get(`app:${id}`, () => {
      const r = this.store.stmt('SELECT * FROM apps WHERE id = ?').get(id) as AppDbRow | undefined
      return r && toApp(r)
    })
  }

  list(): App[] {
    return (this.store.stmt('SELECT * FROM apps ORDER BY rowid').all() as AppDbRow[]).map(toApp)
  }

  setFaults(id: string, faults: Record<string, unknown>): void {
    this.store.stmt('UPDATE apps SET faults = ? WHERE id = ?').run(json.stringify(faults), id)
  }

  setRequireProof(id: string, required: boolean): void {
    this.store.stmt('UPDATE apps SET require_proof = ? WHERE id = ?').run(required ? 1 : 0, id)
  }
}
