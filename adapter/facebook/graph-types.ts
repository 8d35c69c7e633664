/**
 * Graph API and Messenger Platform wire formats the adapter sends and receives, declared once
 * (messenger-platform.md §0, §1.6, §1.7, §3, §4, §5, §6).
 */

/** Graph's error envelope (§0). */
export interface GraphErrorBody {
  error: {
    message: string
    type?: string
    code: number
    error_subcode?: number
    error_user_title?: string
    error_user_msg?: string
    is_transient?: boolean
    fbtrace_id?: string
  }
}

export interface SendButton {
  type: 'web_url' | 'postback'
  title: string
  url?: string
  payload?: string
  webview_height_ratio?: 'compact' | 'tall' | 'full'
  messenger_extensions?: boolean
  fallback_url?: string
  webview_share_button?: 'hide'
}

export interface QuickReply {
  content_type: 'text' | 'user_phone_number' | 'user_email'
  title?: string
  payload?: string
  image_url?: string
}

export interface GenericElement {
  title: string
  subtitle?: string
  image_url?: string
  default_action?: Omit<SendButton, 'title'>
  buttons?: SendButton[]
}

export type SendAttachment =
  | { type: 'image' | 'file' | 'audio' | 'video'; payload: { url: string; is_reusable?: boolean } }
  | { type: 'template'; payload: { template_type: 'button'; text: string; buttons: SendButton[] } }
  | { type: 'template'; payload: { template_type: 'generic'; image_aspect_ratio?: 'horizontal' | 'square'; elements: GenericElement[] } }

export interface SendMessage {
  text?: string
  attachment?: SendAttachment
  quick_replies?: QuickReply[]
  metadata?: string
}

/** A Send API request body (§3.2). `recipient` is always the PSID. */
export type SendRequest =
  | { recipient: { id: string }; messaging_type: 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG'; message: SendMessage; tag?: string }
  | { recipient: { id: string }; sender_action: 'typing_on' | 'typing_off' | 'mark_seen' }
  | ({ recipient: { id: string } } & Record<string, unknown>)

/** Send API answer (§3.3). */
export interface SendResponse { recipient_id: string; message_id?: string }

/** Webhook POST body (§4.3). */
export interface WebhookBody {
  object: string
  entry: WebhookEntry[]
}
export interface WebhookEntry {
  id: string
  time: number
  messaging?: MessagingEvent[]
  standby?: MessagingEvent[]
}

export interface Referral {
  ref?: string
  source?: string
  type?: string
  ad_id?: string
  referer_uri?: string
  ads_context_data?: Record<string, unknown>
}

export interface InboundAttachment {
  type: 'image' | 'video' | 'audio' | 'file' | 'location' | 'fallback' | 'template' | string
  title?: string
  payload?: { url?: string; sticker_id?: number; coordinates?: { lat: number; long: number }; title?: string; URL?: string }
}

/** One element of `messaging[]` (§4.4). */
export interface MessagingEvent {
  sender: { id: string }
  recipient: { id: string }
  timestamp?: number
  message?: {
    mid: string
    text?: string
    is_echo?: boolean
    app_id?: number | string
    metadata?: string
    quick_reply?: { payload: string }
    attachments?: InboundAttachment[]
    referral?: Referral
  }
  /** `payload` is missing in `standby` (messenger-platform.md §13). */
  postback?: { title?: string; payload?: string; mid?: string; referral?: Referral }
  referral?: Referral
  delivery?: { mids?: string[]; watermark: number }
  read?: { watermark: number }
  optin?: { ref?: string; user_ref?: string }
  /** `messaging_handovers` (messenger-platform.md §9, §13): app ids are strings in the reference, numbers in samples. */
  pass_thread_control?: { new_owner_app_id: string; previous_owner_app_id?: string | null; metadata?: string }
  take_thread_control?: { new_owner_app_id?: string; previous_owner_app_id: string; metadata?: string }
  request_thread_control?: { requested_owner_app_id: string; metadata?: string }
}

/** POST /me/pass_thread_control, take_thread_control, request_thread_control, release_thread_control (§9, §13). */
export interface HandoverRequest { recipient: { id: string }; target_app_id?: string; metadata?: string }

/** GET /me with a page token: the page (§1.6). */
export interface MeResponse { id: string; name?: string }

/** GET /{psid}?fields=first_name,last_name,profile_pic (§6.2). */
export interface UserProfile { id?: string; first_name?: string; last_name?: string; profile_pic?: string }

/** GET /debug_token (§1.7). */
export interface DebugTokenResponse {
  data: {
    app_id?: string
    type?: string
    application?: string
    is_valid: boolean
    expires_at?: number
    scopes?: string[]
    granular_scopes?: { scope: string; target_ids?: string[] }[]
    profile_id?: string
    user_id?: string
    error?: { code: number; message: string; subcode?: number }
  }
}

/** GET /{app-id}/subscriptions (§5.1). */
export interface AppSubscriptionsResponse {
  data: { object: string; callback_url: string; active: boolean; fields: ({ name: string; version?: string } | string)[] }[]
}

/** GET /{page-id}/subscribed_apps (§5.2). */
export interface SubscribedAppsResponse {
  data: { id: string; name?: string; subscribed_fields?: string[] }[]
}

/** Messenger Profile persistent menu item (§6.1); `nested` only below Graph v8.0. */
export interface PersistentMenuItem {
  type: 'web_url' | 'postback' | 'nested'
  title: string
  url?: string
  payload?: string
  call_to_actions?: PersistentMenuItem[]
}
export interface PersistentMenu {
  locale: string
  composer_input_disabled: boolean
  call_to_actions: PersistentMenuItem[]
}

/** GET /me/messenger_profile?fields=… (§6.1, §7). */
export interface MessengerProfileResponse {
  data: { subject_to_new_eu_privacy_rules?: boolean; get_started?: { payload: string }; persistent_menu?: PersistentMenu[] }[]
}
