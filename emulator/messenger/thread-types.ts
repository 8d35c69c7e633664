/**
 * What a person on Messenger sees and does, as the control API and the dashboard show it (`GET
 * /_emulator/people/{id}/threads/{pageId}`, `POST /_emulator/people/{id}/actions`): declared here, where the thread
 * view and person actions are made; control/types.ts re-exports them for the typed client.
 */
import type { MessagingEvent, MessengerField } from '../facebook/webhook-types.js'
import type { Platform } from '../world/people.js'

/** What a person's action did: the message it created (if any) and the webhook events it emitted. */
export interface PersonActionResult {
  personId: string
  pageId: string
  psid: string
  type: string
  mid?: string
  /** The conversation is under the European restrictions (some events are dropped, see the README). */
  restricted: boolean
  events: { field: MessengerField; event: MessagingEvent }[]
}

/** `fullTitle`: the title as the page sent it, present only when it is longer than people see (`title`, cut). */
export interface ThreadButton {
  index: number
  type: string
  title?: string
  fullTitle?: string
  url?: string
  payload?: string
}

export interface ThreadQuickReply {
  index: number
  content_type: 'text' | 'user_phone_number' | 'user_email'
  title?: string
  fullTitle?: string
  payload?: string
  image_url?: string
}

export interface ThreadAttachment {
  type: 'image' | 'audio' | 'video' | 'file' | 'location'
  url?: string
  coordinates?: { lat: number; long: number }
  /** `inline` in the conversation, or `link` (a bare URL: non-image media in restricted conversations). */
  renderedAs: 'inline' | 'link'
}

/** A rendered template: a carousel of cards, a text with buttons, a media card, or a receipt. */
export type ThreadTemplate =
  | { type: 'carousel'; imageAspectRatio: 'horizontal' | 'square'; cards: ThreadCard[] }
  | { type: 'buttons'; text: string; buttons: ThreadButton[] }
  | { type: 'media'; mediaType: 'image' | 'video'; url?: string; buttons: ThreadButton[] }
  | { type: 'receipt'; recipientName: string; orderNumber: string; currency: string; paymentMethod: string;
      totalCost: number; items: { title: string; price: number; quantity?: number }[] }

export interface ThreadCard {
  index: number
  title: string
  subtitle?: string
  imageUrl?: string
  defaultActionUrl?: string
  buttons: ThreadButton[]
}

export interface ThreadBubble {
  /** The message id; null for an ad's welcome message, which is not part of the history. */
  mid: string | null
  from: 'page' | 'person'
  kind: 'text' | 'attachment' | 'template' | 'postback' | 'ad_welcome'
  time: string
  inHistory: boolean
  text?: string
  attachments?: ThreadAttachment[]
  template?: ThreadTemplate
  /** Buttons under an ad's welcome message. */
  buttons?: ThreadButton[]
  /** Set when this client cannot show the content (templates and buttons on the web in restricted conversations). */
  placeholder?: string
  /** A quick reply the person tapped, or the payload of a postback. */
  payload?: string
  /** Page messages: how far they got to the person. */
  status?: 'sent' | 'delivered' | 'read'
  /** Person messages: whether the page marked them seen (`mark_seen`). */
  seen?: boolean
  /** Page messages sent as a persona (docs §12): its picture beside the bubble and its note above it. */
  persona?: ThreadPersona
}

/** A persona as the person sees it: the picture and the note "Jorge (from Acme)" (docs §12). */
export interface ThreadPersona { id: string; name: string; pictureUrl: string; label: string }

export interface ThreadMenuItem {
  index: number; type: string; title: string; fullTitle?: string; url?: string; payload?: string
}

export interface ThreadView {
  personId: string
  pageId: string
  /** null until the person first contacts the page. */
  psid: string | null
  platform: Platform
  restricted: boolean
  /** The newest messages (50 unless `limit` asked for up to 500), or those before the message `before`. */
  bubbles: ThreadBubble[]
  /** The mid to pass as `before` for the messages before these, or null when these reach the start of the thread. */
  earlier: string | null
  /** Above the composer: the quick replies of the last page message, until the person answers. */
  quickReplies: ThreadQuickReply[]
  /** `persona`: the persona a running typing indicator was sent as, whose picture shows beside the dots. */
  typing: { page: boolean; person: boolean; persona?: ThreadPersona }
  /** The page's mark_seen watermark and the person's read and delivered watermarks (ISO times). */
  marks: { seenByPage: string | null; readByPerson: string | null; deliveredToPerson: string | null }
  persistentMenu: ThreadMenuItem[]
  composerInputDisabled: boolean
  getStarted: { shown: boolean; payload?: string }
  blocked: boolean
  /** When the page's standard 24-hour window closes (ISO), or null when it is closed. */
  windowClosesAt: string | null
}
