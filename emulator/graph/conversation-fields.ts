/**
 * The fields of the Conversations API's nodes (docs §14): a conversation (`UnifiedThread`) and a message, each as
 * field readers for `fields=` selection, and the `messages` edge a page at a time, newest first.
 */
import type { World } from '../world/world.js'
import type { Psid } from '../world/people.js'
import type { StoredMessage } from '../world/messages.js'
import type { OutgoingMessage } from '../messenger/send-request.js'
import type { IncomingAttachment, MessageBody } from '../facebook/webhook-types.js'
import {
  CONVERSATION_LIMITS, conversationId, graphTime, MESSAGE_DEFAULT_FIELDS, participantEmail,
} from '../facebook/conversations.js'
import { graphError } from '../facebook/errors.js'
import { selectSpecs, type FieldReaders, type FieldSpec } from './fields.js'
import { paged, type Paged } from './cursors.js'

interface Party { name: string; email: string; id: string }

function parties(world: World, psid: Psid): { person: Party; page: Party } {
  const person = world.people.get(psid.personId)!
  const page = world.pages.get(psid.pageId)!
  return {
    person: { name: `${person.firstName} ${person.lastName}`, email: participantEmail(psid.psid), id: psid.psid },
    page: { name: page.name, email: participantEmail(page.id), id: page.id },
  }
}

/** What a message says as text: a page message's text, a person's text or a postback's title. */
function textOf(m: StoredMessage): string {
  if (m.kind === 'postback') return String((m.body as { title?: string }).title ?? '')
  return (m.body as { text?: string }).text ?? ''
}

/** Attachments as the message node gives them: `{data: [{mime_type, name, image_data | file_url}]}` (unverified). */
function attachmentsOf(m: StoredMessage): { data: object[] } | undefined {
  const list: IncomingAttachment[] = m.direction === 'page'
    ? [(m.body as OutgoingMessage).attachment as unknown as IncomingAttachment].filter(Boolean)
    : (m.body as unknown as MessageBody).attachments ?? []
  if (list.length === 0) return undefined
  return {
    data: list.map((a) => {
      const url = a.payload.url
      if (a.type === 'image') return { mime_type: 'image/jpeg', image_data: { url, preview_url: url } }
      return { mime_type: a.type === 'template' ? 'application/json' : `${a.type}/*`, ...(url ? { file_url: url } : {}) }
    }),
  }
}

export function messageReaders(world: World, m: StoredMessage): FieldReaders {
  const psid = world.people.psids(m.personId)[m.pageId]!
  const { person, page } = parties(world, { psid, personId: m.personId, pageId: m.pageId })
  const [from, to] = m.direction === 'page' ? [page, person] : [person, page]
  return {
    id: () => m.mid,
    created_time: () => graphTime(m.createdAt),
    message: () => textOf(m),
    from: () => from,
    to: () => ({ data: [to] }),
    attachments: () => attachmentsOf(m),
  }
}

/**
 * A page of the conversation's messages, newest first, `limit` of them older than the message with seq `afterSeq`;
 * `selfUrl` is the `/{conversation-id}/messages` URL its links continue.
 */
export function messagesPage(world: World, psid: Psid, specs: FieldSpec[] | undefined,
  window: { limit: number; afterSeq?: number | undefined }, selfUrl: URL): Paged<Record<string, unknown>> {
  const { messages, earlier } = world.messages.window(psid.pageId, psid.personId, window.limit, window.afterSeq)
  const newestFirst = [...messages].reverse()
  const data = newestFirst.map((m) => selectSpecs(specs, messageReaders(world, m), MESSAGE_DEFAULT_FIELDS, 'Message'))
  return paged(data, { first: String(newestFirst[0]?.seq), last: String(newestFirst.at(-1)?.seq), more: earlier,
    earlier: false }, window.limit, selfUrl)
}

/** A `messages` cursor names the seq of the last message of the page before. */
export function seqOfCursor(key: string | undefined): number | undefined {
  if (key === undefined) return undefined
  if (!/^\d+$/.test(key)) throw graphError('paramInvalid', 'Invalid cursor')
  return Number(key)
}

export function conversationReaders(world: World, psid: Psid, messagesUrl: (spec: FieldSpec) => URL): FieldReaders {
  const { person, page } = parties(world, psid)
  const c = world.conversations.get(psid.pageId, psid.personId)
  const last = world.messages.last(psid.pageId, psid.personId)
  const count = () => world.messages.conversationsOf(psid.pageId).find((s) => s.personId === psid.personId)?.count ?? 0
  return {
    id: () => conversationId(psid.psid),
    updated_time: () => graphTime(last?.createdAt ?? c?.lastPersonAt ?? 0),
    snippet: () => (last ? textOf(last) : ''),
    message_count: count,
    unread_count: () => world.messages.unseenFromPerson(psid.pageId, psid.personId, c?.pageSeenWatermark ?? -1),
    participants: () => ({ data: [person, page] }),
    senders: () => ({ data: [person, page] }),
    can_reply: () => !(c?.blocked ?? false),
    is_subscribed: () => true,
    messages: (spec) => {
      const asked = Number(spec.modifiers.limit ?? CONVERSATION_LIMITS.pageDefault)
      const limit = Math.max(1, Math.min(Number.isInteger(asked) ? asked : 1, CONVERSATION_LIMITS.pageMax))
      return messagesPage(world, psid, spec.subfields, { limit }, messagesUrl(spec))
    },
  }
}
