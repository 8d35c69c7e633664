/**
 * Live updates for the dashboards: a server-sent event stream that says `change` whenever the database was written to,
 * read from a counter that grows with every write (SQLite's `total_changes()` of the one connection each server
 * writes through). One poller per server runs only while someone listens, so a server nobody watches does no work;
 * pages refetch themselves on `change` (lib/live-script.ts).
 * https://html.spec.whatwg.org/multipage/server-sent-events.html
 */
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'

/** How often the change counter is read while someone listens; changes within one interval make one event. */
export const CHANGE_POLL_MS = 150
/** A comment line this often keeps proxies and the browser from timing the stream out. */
const KEEPALIVE_MS = 15_000

export interface Change { version: number }
type Listener = (change: Change) => void

/** Fans one poller of the change counter out to every open stream. */
export class ChangeHub {
  private readonly listeners = new Set<Listener>()
  private timer: NodeJS.Timeout | undefined
  private last: number | undefined

  /** `counter` answers a number that grows with every write, undefined once the database is closed. */
  constructor(private readonly counter: () => number | undefined) {}

  version(): number {
    return this.counter() ?? this.last ?? 0
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    if (!this.timer) {
      this.last = this.counter()
      this.timer = setInterval(() => this.poll(), CHANGE_POLL_MS)
      this.timer.unref()
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.stop()
    }
  }

  /** The stream of one listener: `event: hello` with the current version, then `event: change` on every change. */
  stream(c: Context): Response {
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ version: this.version() } satisfies Change) })
      const unsubscribe = this.subscribe((change) => {
        void stream.writeSSE({ event: 'change', data: JSON.stringify(change), id: String(change.version) })
      })
      const keepalive = setInterval(() => void stream.write(': keepalive\n\n'), KEEPALIVE_MS)
      await new Promise<void>((resolve) => stream.onAbort(resolve))
      clearInterval(keepalive)
      unsubscribe()
    })
  }

  private poll(): void {
    const now = this.counter()
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
