/**
 * Facebook Login runs the dashboard started, between the Authenticate (or Reconnect) button and Save: the `state`
 * sent to the dialog (a random value bound to the browser's dashboard session, so a redirect another site forged
 * finds nothing), then what the person allowed (their pages with page tokens) until they pick one. Kept in memory for
 * `FLOW_TTL_MS`: a run is minutes long, and one cut short by a restart is started again with one click. Page tokens
 * never reach the browser; it only sees a grant's random id.
 */
import { randomBytes } from 'node:crypto'
import type { Clock } from '../runtime/clock.js'
import type { Grant } from '../messenger/facebook-login.js'

/** How long a started run and a grant waiting for Save are kept. */
export const FLOW_TTL_MS = 15 * 60_000

/** Connect a page (Authenticate), or give an existing integration a new page token (Reconnect). */
export type Purpose = { kind: 'connect' } | { kind: 'reconnect'; integrationId: string }

interface Started { sessionId: string; appId: string; purpose: Purpose; at: number }
export interface PendingGrant extends Started { grant: Grant }

export class LoginFlows {
  private readonly started = new Map<string, Started>()
  private readonly grants = new Map<string, PendingGrant>()

  constructor(private readonly clock: Clock) {}

  /** A new run: answers the `state` to send to the dialog. */
  start(sessionId: string, appId: string, purpose: Purpose): string {
    this.prune()
    const state = randomBytes(16).toString('hex')
    this.started.set(state, { sessionId, appId, purpose, at: this.clock.now() })
    return state
  }

  /** The run a callback's `state` belongs to, once, if this session started it. */
  finish(state: string | undefined, sessionId: string): Started | undefined {
    this.prune()
    const run = state === undefined ? undefined : this.started.get(state)
    if (!run || run.sessionId !== sessionId) return undefined
    this.started.delete(state!)
    return run
  }

  /** Keeps what the person allowed until they pick a page; answers the grant's id. */
  keep(run: Started, grant: Grant): string {
    const id = randomBytes(16).toString('hex')
    this.grants.set(id, { ...run, grant, at: this.clock.now() })
    return id
  }

  grant(id: string | undefined, sessionId: string, appId: string): PendingGrant | undefined {
    this.prune()
    const g = id === undefined ? undefined : this.grants.get(id)
    return g && g.sessionId === sessionId && g.appId === appId ? g : undefined
  }

  drop(id: string): void {
    this.grants.delete(id)
  }

  private prune(): void {
    const oldest = this.clock.now() - FLOW_TTL_MS
    for (const map of [this.started, this.grants]) {
      for (const [k, v] of map) if (v.at < oldest) map.delete(k)
    }
  }
}
