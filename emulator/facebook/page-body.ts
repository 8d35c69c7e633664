/**
 * A page webhook body, `{object: "page", entry: [{id, time, messaging: [events…]}]}` (docs §4.3, types.ts
 * PageWebhookBody), written and read as text: the same bytes JSON.stringify gives, so the delivery worker joins the
 * events of many queued rows into one batch without parsing and re-serialising each (a tenth of the worker's time
 * under load, `npm run bench send-api`).
 */
import type { EntryKey } from './webhook-types.js'

const BODY_HEAD = /^\{"object":"page","entry":\[\{"id":"[^"]*","time":(\d+),"(messaging|standby)":\[/
const BODY_TAIL = ']}]}'

/**
 * The body of one entry of `pageId` at `time` carrying `events` (each already JSON), under `messaging` or, for an app
 * that does not own the thread, `standby` (docs §9).
 */
export function pageEventBody(pageId: string, time: number, events: readonly string[], key: EntryKey = 'messaging'):
  string {
  return `{"object":"page","entry":[${entryText(pageId, time, key, events.join(','))}]}`
}

const entryText = (pageId: string, time: number, key: EntryKey, events: string) =>
  `{"id":${JSON.stringify(pageId)},"time":${time},"${key}":[${events}]}`

export interface QueuedEntry { time: number; key: EntryKey; events: string }

/** What `pageEventBody` wrote: the entry's time, its key and its events, still JSON. */
export function readPageEventBody(body: string): QueuedEntry {
  const head = BODY_HEAD.exec(body)
  if (!head || !body.endsWith(BODY_TAIL)) throw new Error(`Not a queued page webhook body: ${body.slice(0, 80)}`)
  return { time: Number(head[1]), key: head[2] as EntryKey, events: body.slice(head[0].length, -BODY_TAIL.length) }
}

/**
 * One body carrying queued entries of one page, in order: each run of entries with the same key becomes one entry
 * (the newest time of the run), so a batch of `messaging` events is the single entry it always was, and standby
 * events between them keep their order in entries of their own.
 */
export function pageBatchBody(pageId: string, entries: readonly QueuedEntry[]): string {
  const runs: QueuedEntry[][] = []
  for (const e of entries) {
    const run = runs.at(-1)
    if (run && run[0]!.key === e.key) run.push(e)
    else runs.push([e])
  }
  const texts = runs.map((run) => entryText(pageId, Math.max(...run.map((e) => e.time)), run[0]!.key,
    run.map((e) => e.events).join(',')))
  return `{"object":"page","entry":[${texts.join(',')}]}`
}
