/**
 * Conversation content → Messenger Send API request bodies. A pure function of its input, unit-tested.
 *
 * Mapping (conversations-api.md §7, §8, §14.1, §15.3; messenger-platform.md §3):
 * - text → `message.text` (split at 2000 characters); reply actions → `quick_replies`; link/webview/postback actions
 *   → a button template (a "compound message").
 * - image/GIF → image attachment, with its text sent first; with buttons → a one-element generic template.
 * - file → file attachment (text first). location → text with the place and a map link (Messenger cannot send a
 *   location; the seed rates it "Partial Support").
 * - carousel and list → generic template (Facebook removed the list template in 2019), `default: true` link/webview
 *   actions become the element's `default_action`.
 * - limits: at most 11 reply actions and 3 others per message or item, extras dropped (seed, Action Buttons).
 * - locationRequest is left out: its Messenger form, the `location` quick reply, is deprecated and Graph refuses it
 *   ("content_type: Must be one of text, user_phone_number, user_email", Facebook's Quick Replies reference,
 *   https://developers.facebook.com/docs/messenger-platform/reference/buttons/quick-replies; messenger-platform.md
 *   §3.2), which would fail the whole message. The rest is delivered; `messengerOmissions` says what was left out.
 * - `override.messenger.payload` is sent as given with `recipient` replaced (seed, Passthrough API, Reserved Fields).
 */
import type { Action, Content, Item } from '../conversations/schemas.js'
import type { StoredContent } from '../conversations/types.js'
import type { GenericElement, QuickReply, SendButton, SendMessage, SendRequest } from '../facebook/graph-types.js'
import { LIMITS } from '../facebook/limits.js'
import { CONTENT_LIMITS } from '../conversations/limits.js'

export interface OutboundInput {
  psid: string
  content: StoredContent
  override?: { messenger?: { payload: Record<string, unknown> } }
}

export type SenderAction = 'typing_on' | 'typing_off' | 'mark_seen'

/** Something of a message that Messenger no longer takes, left out of what is sent. */
export interface Omission { code: 'location_request_unsupported'; detail: string }

const NO_LOCATION_REQUESTS = 'Messenger no longer supports location requests (Facebook removed the location quick reply)'
const LOCATION_REQUEST_DROPPED: Omission = {
  code: 'location_request_unsupported',
  detail: `${NO_LOCATION_REQUESTS}: the locationRequest action was left out and the rest of the message was ` +
    'delivered. Ask people to share their location from Messenger\'s composer, or to type their address.',
}

/** Why a content cannot go to Messenger at all (answered as 400 before anything is stored), or undefined. */
export function messengerRefusal(content: Content): string | undefined {
  if (content.type === 'text' && !content.text && content.actions?.every((a) => a.type === 'locationRequest')) {
    return `content: nothing would reach Messenger: ${NO_LOCATION_REQUESTS}, and the message has no text`
  }
  if (content.type !== 'carousel') return undefined
  for (const [i, it] of content.items.entries()) {
    const bad = it.actions.find((a) => a.type === 'reply' || a.type === 'locationRequest')
    if (bad) {
      return `content.items[${i}].actions: ${bad.type} actions are not allowed in a carousel on Messenger ` +
        '(only link, webview and postback)'
    }
  }
  return undefined
}

/** What `toSendRequests` leaves out of this input (nothing for a passthrough payload, which is sent as given). */
export function messengerOmissions(input: Omit<OutboundInput, 'psid'>): Omission[] {
  if (input.override?.messenger?.payload) return []
  const actions = 'actions' in input.content ? (input.content.actions ?? []) as Action[] : []
  return actions.some((a) => a.type === 'locationRequest') ? [LOCATION_REQUEST_DROPPED] : []
}

export function toSendRequests(input: OutboundInput): SendRequest[] {
  const recipient = { id: input.psid }
  const passthrough = input.override?.messenger?.payload
  if (passthrough) {
    // "If you supply these fields, they will be ignored and replaced" (seed, Reserved Fields). Graph requires
    // messaging_type on messages since 2018 (messenger-platform.md §3.2) and the seed's own example omits it, so it is
    // filled in only when absent.
    const body: Record<string, unknown> = { ...passthrough, recipient }
    if ('message' in body && body.messaging_type === undefined) {
      body.messaging_type = typeof body.tag === 'string' ? 'MESSAGE_TAG' : 'RESPONSE'
    }
    return [body as SendRequest]
  }
  return toMessages(input.content).map((message) => ({ recipient, messaging_type: 'RESPONSE', message }))
}

export function senderAction(psid: string, action: SenderAction): SendRequest {
  return { recipient: { id: psid }, sender_action: action }
}

/** The `message` objects, in sending order; quick replies ride on the last one. */
export function toMessages(content: StoredContent): SendMessage[] {
  const c = content as Content
  const { replies, buttons } = splitActions('actions' in c ? c.actions : undefined)
  const out: SendMessage[] = []
  switch (c.type) {
    case 'text': {
      const text = c.text ?? ''
      if (buttons.length > 0) {
        // A button template's text holds 640 characters; anything before that goes first as plain text.
        const head = text.length > LIMITS.buttonTemplateText ? text.slice(0, text.length - LIMITS.buttonTemplateText) : ''
        if (head) out.push(...textChunks(head))
        out.push(buttonTemplate(text.slice(head.length), buttons))
      } else {
        out.push(...textChunks(text || ' '))
      }
      break
    }
    case 'image': {
      if (buttons.length > 0) {
        out.push(genericTemplate([{ title: clip(c.text || c.altText || 'Image', LIMITS.elementTitle), image_url: c.mediaUrl, buttons }]))
      } else {
        if (c.text) out.push(...textChunks(c.text))
        out.push({ attachment: { type: 'image', payload: { url: c.mediaUrl, is_reusable: true } } })
      }
      break
    }
    case 'file':
      if (c.text) out.push(...textChunks(c.text))
      out.push({ attachment: { type: 'file', payload: { url: c.mediaUrl, is_reusable: true } } })
      break
    case 'location': {
      const { lat, long } = c.coordinates
      const lines = [c.location?.name, c.location?.address, `https://maps.google.com/maps?q=${lat},${long}`]
      out.push({ text: lines.filter(Boolean).join('\n') })
      break
    }
    case 'carousel':
      out.push(genericTemplate(c.items.slice(0, CONTENT_LIMITS.carouselItems).map(element), c.displaySettings?.imageAspectRatio))
      break
    case 'list':
      out.push(genericTemplate(c.items.slice(0, CONTENT_LIMITS.carouselItems).map(element)))
      break
  }
  if (replies.length > 0 && out.length > 0) out[out.length - 1]!.quick_replies = replies
  return out
}

function splitActions(actions: Action[] | undefined): { replies: QuickReply[]; buttons: SendButton[] } {
  const all = actions ?? []
  const replies: QuickReply[] = all.filter((a) => a.type === 'reply').slice(0, CONTENT_LIMITS.replyActions).map((a) => ({
    content_type: 'text', title: clip(a.text, LIMITS.buttonTitle), payload: a.payload,
    ...(a.iconUrl ? { image_url: a.iconUrl } : {}),
  }))
  const buttons = all.map(button).filter((b): b is SendButton => b !== undefined).slice(0, CONTENT_LIMITS.otherActions)
  return { replies, buttons }
}

/** link, webview, postback → a Send API button; other types have no button form. */
export function button(a: Action): SendButton | undefined {
  switch (a.type) {
    case 'link':
      return { type: 'web_url', title: clip(a.text, LIMITS.buttonTitle), url: a.uri, ...messengerOptions(a) }
    case 'webview': {
      const b: SendButton = {
        type: 'web_url', title: clip(a.text, LIMITS.buttonTitle), url: a.uri, webview_height_ratio: a.size ?? 'tall',
        ...messengerOptions(a),
      }
      // fallback_url only means something with Messenger Extensions (messenger-platform.md §3.5).
      if (b.messenger_extensions) b.fallback_url = a.fallback
      return b
    }
    case 'postback':
      return { type: 'postback', title: clip(a.text, LIMITS.buttonTitle), payload: a.payload }
    default:
      return undefined
  }
}

function messengerOptions(a: Extract<Action, { type: 'link' | 'webview' }>): Partial<SendButton> {
  const o = a.extraChannelOptions?.messenger
  const out: Partial<SendButton> = {}
  if (o?.messenger_extensions !== undefined) out.messenger_extensions = o.messenger_extensions
  if (o?.webview_share_button) out.webview_share_button = o.webview_share_button
  return out
}

function element(it: Item): GenericElement {
  const def = it.actions.find((a) => (a.type === 'link' || a.type === 'webview') && a.default)
  const rest = it.actions.filter((a) => a !== def && a.type !== 'reply' && a.type !== 'locationRequest')
  const buttons = rest.map(button).filter((b): b is SendButton => b !== undefined).slice(0, CONTENT_LIMITS.otherActions)
  const e: GenericElement = { title: clip(it.title, LIMITS.elementTitle) }
  if (it.description) e.subtitle = clip(it.description, LIMITS.elementTitle)
  if (it.mediaUrl) e.image_url = it.mediaUrl
  if (def) {
    const { title: _t, ...action } = button(def)!
    e.default_action = action
  }
  if (buttons.length > 0) e.buttons = buttons
  return e
}

function buttonTemplate(text: string, buttons: SendButton[]): SendMessage {
  return { attachment: { type: 'template', payload: { template_type: 'button', text: text || ' ', buttons } } }
}

function genericTemplate(elements: GenericElement[], ratio?: 'horizontal' | 'square'): SendMessage {
  return {
    attachment: {
      type: 'template',
      payload: { template_type: 'generic', ...(ratio ? { image_aspect_ratio: ratio } : {}), elements },
    },
  }
}

function textChunks(text: string): SendMessage[] {
  const out: SendMessage[] = []
  for (let i = 0; i < text.length; i += LIMITS.text) out.push({ text: text.slice(i, i + LIMITS.text) })
  return out.length ? out : [{ text }]
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`
}
