/**
 * A page webhook body, `{object: "page", entry: [{id, time, messaging: [events…]}]}` (docs §4.3, types.ts
 * PageWebhookBody), written and read as text: the same bytes JSON.stringify gives, so the delivery worker joins the
 * events of many queued rows into one batch without parsing and re-serialising each (a tenth of the worker's time
 * under load, `npm run bench send-api`).
 */
const BODY_HEAD = /^\{"object":"page","entry":\[\{"id":"[^"]*","time":(\d+),"messaging":\[/
const BODY_TAIL = ']}]}'

/** The body of one entry of `pageId` at `time` carrying `events` (each already JSON). */
export function pageEventBody(pageId: string, time: number, events: readonly string[]): string {
  const head = `{"object":"page","entry":[{"id":${JSON.stringify(pageId)},"time":${time},"messaging":[`
  return head + events.join(',') + BODY_TAIL
}

/**
 * The body of one `changes` entry (docs §15: `feed`), whose `time` is in seconds. Queued as its own row: a batch that
 * carries one (`joinPageBodies`) sends each row's entry as it is.
 */
export function pageChangeBody(pageId: string, timeSeconds: number, change: string): string {
  return `{"object":"page","entry":[{"id":${JSON.stringify(pageId)},"time":${timeSeconds},"changes":[${change}]}]}`
}

const ENVELOPE_HEAD = '{"object":"page","entry":['

/**
 * One body for the queued bodies of one page, oldest first: the `messaging` events of them all in one entry, as
 * Facebook batches them (docs §4.3), or, once a `changes` entry is among them, every body's entries side by side.
 */
export function joinPageBodies(pageId: string, bodies: readonly string[]): string {
  if (bodies.every((b) => BODY_HEAD.test(b))) {
    const entries = bodies.map(readPageEventBody)
    return pageEventBody(pageId, Math.max(...entries.map((e) => e.time)), entries.map((e) => e.events))
  }
  return ENVELOPE_HEAD + bodies.map((b) => b.slice(ENVELOPE_HEAD.length, -2)).join(',') + ']}'
}

/** What `pageEventBody` wrote: the entry's time and its events, still JSON. */
export function readPageEventBody(body: string): { time: number; events: string } {
  const head = BODY_HEAD.exec(body)
  if (!head || !body.endsWith(BODY_TAIL)) throw new Error(`Not a queued page webhook body: ${body.slice(0, 80)}`)
  return { time: Number(head[1]), events: body.slice(head[0].length, -BODY_TAIL.length) }
}
