/**
 * A page webhook body, `{object: "page", entry: [{id, time, messaging: [events…]}]}` (docs §4.3, types.ts
 * PageWebhookBody), written and read as text: the same bytes JSON.stringify gives, so the delivery worker joins the
 * events of many queued rows into one batch without parsing and re-serialising each (a tenth of the worker's time
 * under load, `npm run bench send-api`).
 */
import type { EntryKey } from './webhook-types.js'

const ENVELOPE_HEAD = '{"object":"page","entry":['
const ENVELOPE_TAIL = ']}'
const BODY_HEAD = /^\{"object":"page","entry":\[\{"id":"[^"]*","time":(\d+),"(messaging|standby)":\[/
const BODY_TAIL = ']}]}'

/**
 * The body of one entry of `pageId` at `time` carrying `events` (each already JSON), under `messaging` or, for an app
 * that does not own the thread, `standby` (docs §9).
 */
export function pageEventBody(pageId: string, time: number, events: readonly string[], key: EntryKey = 'messaging'):
  string {
  return ENVELOPE_HEAD + entryText(pageId, time, key, events.join(',')) + ENVELOPE_TAIL
}

/**
 * The body of one `changes` entry (docs §15: `feed`), whose `time` is in seconds. A batch that carries one
 * (`pageBatchBody`) sends it as it is, between the event entries before and after it.
 */
export function pageChangeBody(pageId: string, timeSeconds: number, change: string): string {
  return `${ENVELOPE_HEAD}{"id":${JSON.stringify(pageId)},"time":${timeSeconds},"changes":[${change}]}${ENVELOPE_TAIL}`
}

const entryText = (pageId: string, time: number, key: EntryKey, events: string) =>
  `{"id":${JSON.stringify(pageId)},"time":${time},"${key}":[${events}]}`

/** A queued row's entry: events under `messaging` or `standby` (joined with their neighbours), or a `changes` entry. */
export type QueuedEntry = EventEntry | { entry: string }
export interface EventEntry { time: number; key: EntryKey; events: string }

/** What `pageEventBody` wrote: the entry's time, its key and its events, still JSON. */
export function readPageEventBody(body: string): EventEntry {
  const head = BODY_HEAD.exec(body)
  if (!head || !body.endsWith(BODY_TAIL)) throw new Error(`Not a queued page webhook body: ${body.slice(0, 80)}`)
  return { time: Number(head[1]), key: head[2] as EntryKey, events: body.slice(head[0].length, -BODY_TAIL.length) }
}

/** What `pageEventBody` or `pageChangeBody` wrote, as the entry a batch carries. */
export function readQueuedEntry(body: string): QueuedEntry {
  if (BODY_HEAD.test(body)) return readPageEventBody(body)
  if (!body.startsWith(ENVELOPE_HEAD) || !body.endsWith(ENVELOPE_TAIL)) {
    throw new Error(`Not a queued page webhook body: ${body.slice(0, 80)}`)
  }
  return { entry: body.slice(ENVELOPE_HEAD.length, -ENVELOPE_TAIL.length) }
}

/**
 * One body carrying queued entries of one page, in order: each run of event entries with the same key becomes one
 * entry (the newest time of the run), so a batch of `messaging` events is the single entry it always was (docs §4.3),
 * while standby events and `changes` entries between them keep their order in entries of their own.
 */
export function pageBatchBody(pageId: string, entries: readonly QueuedEntry[]): string {
  const runs: QueuedEntry[][] = []
  for (const e of entries) {
    const run = runs.at(-1)
    if (run && 'key' in e && 'key' in run[0]! && run[0].key === e.key) run.push(e)
    else runs.push([e])
  }
  const texts = runs.map((run) => {
    const first = run[0]!
    if (!('key' in first)) return first.entry
    const events = run as EventEntry[]
    return entryText(pageId, Math.max(...events.map((e) => e.time)), first.key, events.map((e) => e.events).join(','))
  })
  return ENVELOPE_HEAD + texts.join(',') + ENVELOPE_TAIL
}
