/**
 * Wire types of the webhooks Messenger sends to apps (docs §4.3, §4.4): `{object: "page", entry: [...]}` with one
 * event per `messaging[]` item. Declared once; the Send API, people's actions and delivery all use these.
 * Source: https://developers.facebook.com/docs/messenger-platform/reference/webhook-events
 */

/** The Messenger webhook fields an app can subscribe to (docs §5.3) that the emulator emits. */
export const MESSENGER_FIELDS = [
  'messages', 'message_deliveries', 'message_echoes', 'message_reads', 'messaging_postbacks', 'messaging_optins',
  'messaging_referrals',
] as const
export type MessengerField = (typeof MESSENGER_FIELDS)[number]

/**
 * Every field a `page` webhook subscription may name (docs §5.3): the Messenger fields, including those the emulator
 * never emits, and the non-Messenger page fields. Anything else is refused with (#100) "must be one of".
 */
export const PAGE_SUBSCRIPTION_FIELDS = [
  ...MESSENGER_FIELDS, 'message_reactions', 'message_edits', 'messaging_handovers', 'messaging_policy_enforcement',
  'messaging_account_linking', 'messaging_game_plays', 'messaging_checkout_updates', 'messaging_payments',
  'messaging_pre_checkouts', 'messaging_customer_information', 'messaging_feedback',
  'messaging_in_thread_lead_form_submit', 'standby', 'response_feedback', 'send_cart', 'inbox_labels', 'feed',
  'mention', 'name', 'picture',
] as const

/** Fields whose events are messages with people, so a page needs pages_messaging to subscribe an app to them. */
export const isMessagingField = (field: string) => field.startsWith('messag') || field === 'standby'

export interface Party { id: string }

export interface QuickReplyPayload { payload: string }

export interface Referral {
  ref?: string
  source: 'SHORTLINK' | 'ADS' | 'MESSENGER_CODE' | 'DISCOVER_TAB' | 'CUSTOMER_CHAT_PLUGIN'
  type: 'OPEN_THREAD'
  ad_id?: string
  ads_context_data?: { ad_title?: string; photo_url?: string; video_url?: string; post_id?: string; product_id?: string }
  referer_uri?: string
}

export interface IncomingAttachment {
  type: 'image' | 'video' | 'audio' | 'file' | 'location' | 'fallback' | 'template'
  payload: { url?: string; title?: string; sticker_id?: number; coordinates?: { lat: number; long: number } } &
    Record<string, unknown>
}

export interface MessageBody {
  mid: string
  text?: string
  quick_reply?: QuickReplyPayload
  reply_to?: { mid: string }
  attachments?: IncomingAttachment[]
  referral?: Referral
  /** Echoes only. */
  is_echo?: true
  app_id?: number
  metadata?: string
}

interface EventBase { sender: Party; recipient: Party; timestamp: number }

export type MessageEvent = EventBase & { message: MessageBody }
export type PostbackEvent = EventBase & {
  postback: { title: string; payload: string; mid?: string; referral?: Referral }
}
export type ReferralEvent = EventBase & { referral: Referral }
export type OptinEvent = EventBase & { optin: { ref?: string; user_ref?: string } }
/** Delivery events carry no event-level timestamp in Facebook's example (docs §4.4). */
export type DeliveryEvent = Omit<EventBase, 'timestamp'> & { delivery: { mids?: string[]; watermark: number } }
export type ReadEvent = EventBase & { read: { watermark: number } }

export type MessagingEvent = MessageEvent | PostbackEvent | ReferralEvent | OptinEvent | DeliveryEvent | ReadEvent

export interface PageEntry { id: string; time: number; messaging: MessagingEvent[] }
export interface PageWebhookBody { object: 'page'; entry: PageEntry[] }

/**
 * `messaging_handovers` events (docs §13): sent to the apps a change concerns, inside `messaging[]`. App ids are
 * strings, as the webhook reference shows them.
 * Source: https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messaging_handovers
 */
export type PassThreadControlEvent = EventBase & {
  pass_thread_control: { previous_owner_app_id: string | null; new_owner_app_id: string; metadata?: string }
}
export type TakeThreadControlEvent = EventBase & {
  take_thread_control: { previous_owner_app_id: string | null; new_owner_app_id: string; metadata?: string }
}
export type RequestThreadControlEvent = EventBase & {
  request_thread_control: { requested_owner_app_id: string; metadata?: string }
}
/** A role change names no person: only the page and the roles of the app told. */
export type AppRolesEvent = { recipient: Party; timestamp: number; app_roles: Record<string, string[]> }
export type HandoverEvent = PassThreadControlEvent | TakeThreadControlEvent | RequestThreadControlEvent | AppRolesEvent

/** Where an entry carries its events: the thread owner's `messaging`, every other app's `standby` (docs §9). */
export type EntryKey = 'messaging' | 'standby'
