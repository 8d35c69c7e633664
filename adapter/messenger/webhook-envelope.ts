/**
 * Reading a signed Messenger webhook body into the events the adapter processes, level by level (envelope, entry,
 * event) with the schemas of facebook/webhook-schema.ts. What fails is not thrown: it comes back as a rejection with
 * the reason (`entry[0].messaging[1].timestamp: Invalid input: …`) and a short excerpt, and the rest of the body is
 * still read, so one malformed event neither loses its neighbours nor makes Facebook redeliver the batch for hours.
 */
import type { MessagingEvent } from '../facebook/graph-types.js'
import { webhookSchemas } from '../facebook/webhook-schema.js'
import { JsonTooDeepError, parseJson } from '../../lib/json-depth.js'
import { shortQuote } from '../../lib/quote.js'
import type { z } from 'zod'

export interface Rejection {
  /** Where and what: `body: …`, `entry[0]: …`, `entry[0].messaging[1].sender: …`. */
  reason: string
  /** The start of what was rejected, as JSON text (at most lib/quote.ts's QUOTE_MAX_CHARS characters). */
  excerpt: string
}

export interface PageEvents {
  pageId: string
  events: MessagingEvent[]
  /** `standby`: events of threads another app owns (the adapter's app is not the thread owner, §9). */
  standby: MessagingEvent[]
  /** The entry's `feed` changes (comments, visitor posts), as `item` and id: the channel does not carry them. */
  feed: string[]
}

export interface WebhookEvents {
  /** The envelope's `object` ("page" for Messenger); undefined when the envelope itself was rejected. */
  object: string | undefined
  entries: PageEvents[]
  rejected: Rejection[]
}

/** `entry[0].messaging[1]` + ['sender', 'id'] → `entry[0].messaging[1].sender.id`. */
function where(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((at, p) => (typeof p === 'number' ? `${at}[${p}]` : `${at}.${String(p)}`), base)
}

const excerptOf = (value: unknown) => shortQuote(JSON.stringify(value) ?? String(value))

export function readWebhookEvents(raw: string): WebhookEvents {
  const rejected: Rejection[] = []
  const reject = (at: string, error: z.ZodError, value: unknown) => {
    const issue = error.issues[0]!
    rejected.push({ reason: `${where(at, issue.path)}: ${issue.message}`, excerpt: excerptOf(value) })
  }
  let body: unknown
  try {
    body = parseJson(raw)
  } catch (err) {
    const why = err instanceof JsonTooDeepError ? err.message : 'not JSON'
    return { object: undefined, entries: [], rejected: [{ reason: `body: ${why}`, excerpt: shortQuote(raw) }] }
  }
  const schemas = webhookSchemas()
  const envelope = schemas.envelope.safeParse(body)
  if (!envelope.success) {
    reject('body', envelope.error, body)
    return { object: undefined, entries: [], rejected }
  }
  const entries: PageEvents[] = []
  envelope.data.entry.forEach((value, i) => {
    const entry = schemas.entry.safeParse(value)
    if (!entry.success) return reject(`entry[${i}]`, entry.error, value)
    const read = (key: 'messaging' | 'standby', list: unknown[] | undefined) => {
      const events: MessagingEvent[] = []
      ;(list ?? []).forEach((e, j) => {
        const event = schemas.event.safeParse(e)
        if (event.success) events.push(event.data as MessagingEvent)
        else reject(`entry[${i}].${key}[${j}]`, event.error, e)
      })
      return events
    }
    const feed = (entry.data.changes ?? []).filter((ch) => ch.field === 'feed')
      .map((ch) => `${ch.value?.item ?? 'change'} ${ch.value?.comment_id ?? ch.value?.post_id ?? ''}`.trim())
    entries.push({
      pageId: entry.data.id, events: read('messaging', entry.data.messaging), standby: read('standby', entry.data.standby),
      feed,
    })
  })
  return { object: envelope.data.object, entries, rejected }
}
