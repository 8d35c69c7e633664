/**
 * Where fault switches are stored: a JSON object on each app, page and person row (`faults` columns, migrations 001
 * and 004). What the switches mean lives in emulator/messenger/faults.ts.
 */
import { json, type Store } from './store.js'

export type FaultScope = 'app' | 'page' | 'person'

const TABLES: Record<FaultScope, string> = { app: 'apps', page: 'pages', person: 'people' }

export class FaultSwitchStore {
  constructor(private readonly store: Store) {}

  /** The switches set on the row, or undefined when the row does not exist. */
  /** Cached (read-cache.ts; a write to the row's table empties it): every Graph call asks its app's and page's. */
  get(scope: FaultScope, id: string): Record<string, unknown> | undefined {
    return this.store.cache.get(`faults:${scope}:${id}`, () => {
      const r = this.store.stmt(`SELECT faults FROM ${TABLES[scope]} WHERE id = ?`).get(id) as
        { faults: string } | undefined
      return r && json.parse<Record<string, unknown>>(r.faults, {})
    })
  }

  /** Replaces the row's switches; false when the row does not exist. */
  set(scope: FaultScope, id: string, switches: Record<string, unknown>): boolean {
    return this.store.stmt(`UPDATE ${TABLES[scope]} SET faults = ? WHERE id = ?`).run(json.stringify(switches), id)
      .changes === 1
  }
}
