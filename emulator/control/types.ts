/** Wire types of the control API, shared by the routes and the typed client. */
import type { CompleteWorldDocument, WorldDocument } from '../world/document.js'
import type { AppFeature } from '../world/app-features.js'
import type { PageWebhookBody } from '../facebook/webhook-types.js'
import type { JournalEntry } from '../world/journal.js'

export type { CompleteWorldDocument, WorldDocument }

export interface UserTokenResponse { access_token: string; token_type: 'bearer'; expires_in: number }
export interface PageTokenResponse { access_token: string }
export interface ClockState { now: string; offsetSeconds: number }
export interface Consent { appId: string; accountId: string; granted: string[]; declined: string[]; pageIds: string[] }

// ── Webhooks (emulator/control/webhooks.ts) ─────────────────────────────────────────────────────────────────────
export type DeliveryStatus = 'pending' | 'delivered' | 'failed'
export interface DeliveryAttemptView {
  n: number
  /** When the request started, on the emulator's clock. */
  at: string
  durationMs: number
  /** The receiver's HTTP status, or null when there was no answer (see `error`). */
  httpStatus: number | null
  error: string | null
  /**
   * The request this attempt was part of. Events are batched (docs §4.2): one request carries the pending events of
   * an (app, page), so the same batch appears on every delivery it carried. `batchId` is null for attempts made
   * before batching.
   */
  batchId: number | null
  /** How many events the request carried. */
  events: number
  /** The exact raw body sent (signed by `headers`): this delivery's event, with the others of its batch. */
  body: string
  /** The request headers of that body, X-Hub-Signature and X-Hub-Signature-256 included. */
  headers: Record<string, string>
}
export interface DeliveryView {
  id: number
  appId: string
  pageId: string
  field: string
  status: DeliveryStatus
  /** Where it goes: the app's current callback URL (null once the app's webhook is deleted). */
  callbackUrl: string | null
  createdAt: string
  /** When the next attempt is due (pending deliveries only). */
  nextAttemptAt: string | null
  deliveredAt: string | null
  lastError: string | null
  attempts: DeliveryAttemptView[]
  /**
   * The event as queued, as a webhook of its own with its headers (X-Hub-Signature and X-Hub-Signature-256
   * included): what a request carrying only this event sends. What each attempt actually sent is in `attempts`.
   */
  headers: Record<string, string>
  body: PageWebhookBody
}
export interface DeliveryFilter {
  appId?: string
  pageId?: string
  status?: DeliveryStatus
  /** Only the newest `limit` deliveries (still oldest first): what a log view needs after a load of thousands. */
  limit?: number
}
/** What the app dashboard's Messenger › Webhooks section shows. */
export interface AppWebhookView {
  appId: string
  callbackUrl: string | null
  active: boolean
  fields: string[]
  subscribedPages: { pageId: string; fields: string[] }[]
}

// ── People on Messenger: actions and the thread they see (emulator/control/people.ts) ────────────────────────────
export type { PersonAction } from '../messenger/person-action-schema.js'

export type {
  PersonActionResult, ThreadAttachment, ThreadBubble, ThreadButton, ThreadCard, ThreadMenuItem, ThreadQuickReply,
  ThreadTemplate, ThreadView, ThreadPersona,
} from '../messenger/thread-types.js'

// ── Fault switches (emulator/control/faults.ts) ──────────────────────────────────────────────────────────────────
export type { FaultScope, FaultSwitches, FaultSwitchName } from '../facebook/faults.js'
type FaultScope = import('../facebook/faults.js').FaultScope
type FaultSwitches = import('../facebook/faults.js').FaultSwitches
type FaultSwitchName = import('../facebook/faults.js').FaultSwitchName
export interface FaultSwitchInfo { name: FaultSwitchName; scopes: FaultScope[]; description: string }
export interface FaultsView {
  scope: FaultScope
  id: string
  faults: FaultSwitches
  /** The switches that may be set on this kind of target. */
  available: FaultSwitchName[]
}

// ── Request journal (emulator/control/journal.ts) ────────────────────────────────────────────────────────────────
/** What Facebook let a call through with silently (facebook/warnings.ts): `{code, message, docs}`. */
export type { Warning, WarningName } from '../facebook/warnings.js'
/** A journal entry as the control API answers it: the time as ISO text on the emulator's clock. */
export type RequestView = Omit<JournalEntry, 'at'> & { at: string }
export interface RequestFilter { appId?: string; pageId?: string; status?: number; limit?: number }

/** App Review (emulator/control/app-review.ts): the features an app is approved for, e.g. `human_agent`. */
export interface AppReviewState { appId: string; approvedFeatures: AppFeature[] }

/** `GET /_emulator/events` (emulator/ui/events.ts): the world's change counter, in `hello` and `change` events. */
export interface WorldChange { version: number }
/** `PATCH /_emulator/pages/{pageId}` (emulator/control/pages.ts): a page's settings in its Page settings. */
export interface PageSettings { eea?: boolean }
export interface PageView { id: string; name: string; eea: boolean; admins: string[] }

// ── Handover (emulator/control/handover.ts) ─────────────────────────────────────────────────────────────────────
/** A page's App Roles; `secondaryReceivers` always ends with the Page Inbox (263902037430900). */
export interface AppRolesView { primaryReceiver: string | null; secondaryReceivers: string[] }
/** A Page Inbox reply: the message's mid and who controls the thread afterwards (null: the page has no handover). */
export interface InboxReplyView { mid: string; threadOwnerAppId: string | null }
