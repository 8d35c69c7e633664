/**
 * Where fault switches are stored: a JSON object on each app, page and person row (`faults` columns, migrations 001
 * and 004). What the switches mean is facebook/faults.ts; where they act, messenger/faults.ts.
 */
import { faultSwitchesSchema, type FaultScope, type FaultSwitches } from '../facebook/faults.js'
import { json, type Store } from './store.js'

const TABLES: Record<FaultScope, string> = { app: 'apps', page: 'pages', person: 'people' }

export class FaultSwitchStore {
  constructor(private readonly store: Store) {}

  /** Whether the app, page or person exists (a switch can only be set on a row). */
  exists(scope: FaultScope, id: string): boolean {
    return this.stored(scope, id) !== undefined
  }

  /** The switches set on an app, page or person; empty when none (or no such row). Unknown stored names are dropped. */
  read(scope: FaultScope, id: string | undefined): FaultSwitches {
    if (id === undefined) return {}
    const stored = this.stored(scope, id)
    if (!stored || Object.keys(stored).length === 0) return {}
    const parsed = faultSwitchesSchema(scope).safeParse(stored)
    return parsed.success ? parsed.data : {}
  }

  /** Replaces the row's switches (already validated); false when the row does not exist. */
  set(scope: FaultScope, id: string, switches: FaultSwitches): boolean {
    return this.store.stmt(`UPDATE ${TABLES[scope]} SET faults = ? WHERE id = ?`).run(json.stringify(switches), id)
      .changes === 1
  }

  /** Cached (read-cache.ts; a write to the row's table empties it): every Graph call asks its app's and page's. */
  private stored(scope: FaultScope, id: string): Record<string, unknown> | undefined {
    return this.store.cache.get(`faults:${scope}:${id}`, () => {
      const r = this.store.stmt(`SELECT faults FROM ${TABLES[scope]} WHERE id = ?`).get(id) as
        { faults: string } | undefined
      return r && json.parse<Record<string, unknown>>(r.faults, {})
    })
  }
}
