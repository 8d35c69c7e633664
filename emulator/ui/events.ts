/**
 * Live updates for the dashboard and the Messenger view: `GET /_emulator/events` is a server-sent event stream that
 * says `change` whenever the world was written to (the SQLite change counter, world/changes.ts). One poller per
 * emulator runs only while someone listens, so an emulator nobody watches does no work; pages refetch themselves on
 * `change`.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html
 */
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { World } from '../world/world.js'
import { ChangeCounter } from '../world/changes.js'
import type { WorldChange } from '../control/types.js'

/** How often the change counter is read while someone listens; changes within one interval make one event. */
export const CHANGE_POLL_MS = 150
/** A comment line this often keeps proxies and the browser from timing the stream out. */
const KEEPALIVE_MS = 15_000

type Listener = (change: WorldChange) => void

/** Fans one poller of the change counter out to every open stream. */
export class ChangeHub {
  private readonly counter: ChangeCounter
  private readonly listeners = new Set<Listener>()
  private timer: NodeJS.Timeout | undefined
  private last: number | undefined

  constructor(world: World) {
    this.counter = new ChangeCounter(world.store)
  }

  version(): number {
    return this.counter.current() ?? this.last ?? 0
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    if (!this.timer) {
      this.last = this.counter.current()
      this.timer = setInterval(() => this.poll(), CHANGE_POLL_MS)
      this.timer.unref()
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.stop()
    }
  }

  private poll(): void {
    const now = this.counter.current()
    if (now === undefined) return this.stop()
    if (now === this.last) return
    this.last = now
    for (const l of this.listeners) l({ version: now })
  }

  private stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }
}

/** Mounted at `/_emulator/events`: `event: hello` with the current version, then `event: change` on every change. */
export function createEventsApp(world: World): Hono {
  const app = new Hono()
  const hub = new ChangeHub(world)
  app.get('/', (c) => streamSSE(c, async (stream) => {
    await stream.writeSSE({ event: 'hello', data: JSON.stringify({ version: hub.version() } satisfies WorldChange) })
    const unsubscribe = hub.subscribe((change) => {
      void stream.writeSSE({ event: 'change', data: JSON.stringify(change), id: String(change.version) })
    })
    const keepalive = setInterval(() => void stream.write(': keepalive\n\n'), KEEPALIVE_MS)
    await new Promise<void>((resolve) => stream.onAbort(resolve))
    clearInterval(keepalive)
    unsubscribe()
  }))
  return app
}
