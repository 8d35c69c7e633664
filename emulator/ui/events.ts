/**
 * Live updates for the dashboard and the Messenger view: `GET /_emulator/events` is a server-sent event stream that
 * says `change` whenever the world was written to (the SQLite change counter, world/changes.ts; lib/change-hub.ts
 * does the streaming).
 */
import { Hono } from 'hono'
import type { World } from '../world/world.js'
import { ChangeCounter } from '../world/changes.js'
import { ChangeHub } from '../../lib/change-hub.js'

export { CHANGE_POLL_MS } from '../../lib/change-hub.js'

/** Mounted at `/_emulator/events`: `event: hello` with the current version, then `event: change` on every change. */
export function createEventsApp(world: World): Hono {
  const app = new Hono()
  const counter = new ChangeCounter(world.store)
  const hub = new ChangeHub(() => counter.current())
  app.get('/', (c) => hub.stream(c))
  return app
}
