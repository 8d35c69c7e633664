/**
 * Messenger webhook events → conversation events (messenger-platform.md §4.4; conversations-api.md §11.4, §13, §15.2):
 * - `message` → a user message (text with the quick-reply `payload`, one message per attachment) → conversation:message
 * - `postback` (buttons, persistent menu, Get Started, click-to-Messenger ad buttons) → conversation:postback, plus
 *   conversation:referral when it carries one
 * - `referral` → conversation:referral; `read` → conversation:read
 * - `delivery` → conversation:message:delivery:user for the business messages it covers
 * - echoes (`is_echo`) of the adapter's own sends are not turned into events; echoes of what another app sent on the
 *   page (the Page Inbox, where the page's people answer, §4.4 "messages sent from the Page inbox have the inbox app
 *   id") become business messages with `source.type: "messenger"`, so the conversation holds what the person saw
 * - `messaging_handovers` (pass, take, request thread control) → the switchboard's control (handover.ts)
 * - `standby` events (a thread another app owns, §9) are read like `messaging` ones: they reach the business as the
 *   switchboard routes them, with `conversation.activeSwitchboardIntegration` naming the app in control.
 * - checkbox plugin opt-ins (a `user_ref`, no PSID) and page `feed` changes (comments) are not carried: Sunshine's
 *   Messenger channel documents neither. They are recorded for the diagnosis, which says why and what to do.
 * A redelivered event (same mid) is processed once.
 */
import type { AdapterContext } from '../runtime/context.js'
import type { MessageRow } from '../store/messages.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import type { StoredContent } from '../conversations/types.js'
import { emit } from '../webhooks/dispatcher.js'
import type { Referral } from '../webhooks/events.js'
import { ensureContact, type Contact, type CreationReason } from './contacts.js'
import { GET_STARTED_PAYLOAD } from './facebook.js'
import type { InboundAttachment, MessagingEvent, Referral as FbReferral } from '../facebook/graph-types.js'
import type { PageEvents } from './webhook-envelope.js'
import { isHandover, onHandover } from './handover.js'
import { logQuote } from '../../lib/quote.js'
import type { SkippedKind } from '../store/skipped-events.js'

/** The integration each entry belongs to: the page's integration among those of the same Facebook app. */
function integrationFor(ctx: AdapterContext, via: MessengerIntegrationRow, pageId: string): MessengerIntegrationRow | undefined {
  if (via.config.pageId === pageId) return via
  // One Facebook app has one callback URL for all its pages (§5.1), so events of another page may arrive here.
  return ctx.store.integrations.listMessenger()
    .find((i) => i.config.pageId === pageId && i.config.fbAppId === via.config.fbAppId)
}

/** The events of a webhook body that was read and checked (webhook-envelope.ts), entry by entry. */
export async function handleMessengerWebhook(ctx: AdapterContext, via: MessengerIntegrationRow, entries: PageEvents[]):
  Promise<void> {
  for (const entry of entries) {
    const integration = integrationFor(ctx, via, entry.pageId)
    if (!integration) {
      ctx.log.warn(`webhook entry for page ${logQuote(entry.pageId)}, which has no integration; ignored`)
      continue
    }
    const skipped = (kind: SkippedKind, detail: string) =>
      ctx.store.skippedEvents.record({ integrationId: integration.id, receivedAt: ctx.clock.now(), kind, detail })
    for (const change of entry.feed) skipped('feed', change)
    for (const event of [...entry.events, ...entry.standby]) {
      // A checkbox plugin opt-in names the person by user_ref only: no Sunshine user can exist for it (diagnosis.ts).
      if (!event.sender?.id && event.optin?.user_ref) skipped('user_ref_optin', event.optin.user_ref)
      await handleEvent(ctx, integration, event)
    }
  }
}

function reasonFor(event: MessagingEvent): CreationReason {
  if (event.postback?.payload === GET_STARTED_PAYLOAD || event.referral || event.optin) return 'startConversation'
  if (isHandover(event)) return 'none'
  return event.message ? 'message' : 'none'
}

async function handleEvent(ctx: AdapterContext, integration: MessengerIntegrationRow, event: MessagingEvent): Promise<void> {
  const echo = event.message?.is_echo === true
  if (echo && !fromAnotherApp(integration, event)) return
  // An echo goes from the page to the person: the PSID is its recipient.
  const psid = echo ? event.recipient?.id : event.sender?.id
  if (!psid) return // checkbox-plugin opt-ins carry a user_ref and no PSID
  const key = dedupeKey(integration, event)
  if (key && ctx.store.seenEvents.has(key)) return
  const contact = await ensureContact(ctx, integration, psid, reasonFor(event))
  const at = iso(event.timestamp ?? ctx.clock.now())
  ctx.store.tx(() => {
    if (key && !ctx.store.seenEvents.firstTime(key, ctx.clock.now())) return
    if (event.message) onMessage(ctx, contact, event.message, at, echo)
    if (isHandover(event)) onHandover(ctx, integration, contact, event)
    // A postback in standby comes without its payload (the app that sent the button gets it, §13).
    if (event.postback?.payload !== undefined) {
      const { payload, title, mid, referral } = event.postback
      emit(ctx, contact, {
        type: 'conversation:postback', postback: { payload, ...(title ? { text: title } : {}) },
        ...(mid ? { originalMessageId: mid } : {}),
      })
      if (referral) emit(ctx, contact, { type: 'conversation:referral', referral: toReferral(referral) })
    }
    if (event.referral) emit(ctx, contact, { type: 'conversation:referral', referral: toReferral(event.referral) })
    if (event.read) {
      ctx.store.conversations.markUserRead(contact.conversation.id, at)
      emit(ctx, contact, { type: 'conversation:read', at })
    }
    if (event.delivery) onDelivery(ctx, contact, event.delivery)
  })
}

/** Facebook dedupe advice: the mid (§4.2). Events without one are keyed by what identifies them. */
function dedupeKey(integration: MessengerIntegrationRow, e: MessagingEvent): string | undefined {
  const page = integration.config.pageId
  if (e.message) return `${page}:message:${e.message.mid}`
  if (e.postback) return `${page}:postback:${e.postback.mid ?? `${e.sender.id}:${e.timestamp}:${e.postback.payload}`}`
  // A lead ad's OPEN_THREAD and LEAD_COMPLETE may share a timestamp (§19): the type tells them apart.
  if (e.referral) return `${page}:referral:${e.sender.id}:${e.timestamp}:${e.referral.type ?? ''}`
  if (e.read) return `${page}:read:${e.sender.id}:${e.read.watermark}`
  if (isHandover(e)) return `${page}:handover:${e.sender.id}:${e.timestamp}:${JSON.stringify([e.pass_thread_control, e.take_thread_control, e.request_thread_control])}`
  return undefined
}

/** An echo with another app's id: sent on the page by someone other than the adapter (the Page Inbox). */
function fromAnotherApp(integration: MessengerIntegrationRow, e: MessagingEvent): boolean {
  const appId = e.message?.app_id
  return appId !== undefined && appId !== null && String(appId) !== integration.config.fbAppId
}

function onMessage(ctx: AdapterContext, contact: Contact, m: NonNullable<MessagingEvent['message']>, at: string,
  echo: boolean): void {
  const contents: StoredContent[] = []
  if (m.text !== undefined) {
    contents.push({ type: 'text', text: m.text, ...(m.quick_reply ? { payload: m.quick_reply.payload } : {}) })
  }
  for (const a of m.attachments ?? []) {
    const c = attachmentContent(a)
    if (c) contents.push(c)
  }
  contents.forEach((content, i) => {
    const message: MessageRow = {
      id: ctx.ids.record(), conversationId: contact.conversation.id, received: at,
      author: echo ? { type: 'business' } : {
        type: 'user', userId: contact.user.id,
        ...(contact.client.displayName ? { displayName: contact.client.displayName } : {}),
        ...(contact.client.avatarUrl ? { avatarUrl: contact.client.avatarUrl } : {}),
      },
      content,
      source: {
        type: 'messenger', integrationId: contact.integrationId,
        originalMessageId: contents.length > 1 ? `${m.mid}:${i}` : m.mid, originalMessageTimestamp: at,
      },
    }
    ctx.store.messages.add(message)
    emit(ctx, contact, { type: 'conversation:message', message })
  })
  if (m.referral) emit(ctx, contact, { type: 'conversation:referral', referral: toReferral(m.referral) })
}

function attachmentContent(a: InboundAttachment): StoredContent | undefined {
  const url = a.payload?.url
  switch (a.type) {
    case 'image':
      return url ? { type: 'image', mediaUrl: url } : undefined
    case 'video':
    case 'audio':
    case 'file':
      return url ? { type: 'file', mediaUrl: url } : undefined
    case 'location': {
      const co = a.payload?.coordinates
      return co ? { type: 'location', coordinates: { lat: co.lat, long: co.long } } : undefined
    }
    case 'fallback': {
      const link = a.payload?.url ?? a.payload?.URL
      const text = [a.title ?? a.payload?.title, link].filter(Boolean).join(' ')
      return text ? { type: 'text', text } : undefined
    }
    default:
      return undefined
  }
}

function onDelivery(ctx: AdapterContext, contact: Contact, d: NonNullable<MessagingEvent['delivery']>): void {
  const { messages } = ctx.store
  const byMessage = new Map<string, string[]>()
  if (d.mids?.length) {
    for (const mid of d.mids) {
      const id = messages.messageOfExternal(mid)
      if (id) byMessage.set(id, [...(byMessage.get(id) ?? []), mid])
    }
  } else {
    // "all messages before watermark delivered" (§4.4)
    for (const id of messages.undeliveredBefore(contact.conversation.id, d.watermark)) byMessage.set(id, [])
  }
  for (const [messageId, mids] of byMessage) {
    if (!messages.markDelivered(messageId)) continue
    const externalMessages = (mids.length ? mids : messages.externalsOf(messageId)).map((id) => ({ id }))
    emit(ctx, contact, { type: 'conversation:message:delivery:user', messageId, externalMessages })
  }
}

function toReferral(r: FbReferral): Referral {
  return {
    ...(r.ref !== undefined ? { code: r.ref } : {}),
    details: { ...(r.source ? { source: r.source } : {}), ...(r.type ? { type: r.type } : {}), ...(r.ad_id ? { adId: r.ad_id } : {}) },
  }
}

function iso(ms: number): string {
  // Some events carry seconds (the postback example in §4.4); Messenger's own are milliseconds.
  return new Date(ms < 1e12 ? ms * 1000 : ms).toISOString()
}
