/**
 * Conversations between a page and a person: when the person last acted (the 24-hour window, docs §8), whether they
 * blocked the page, typing indicators, the seen/read/delivered watermarks and a click-to-Messenger ad's welcome.
 */
import { json, type Store } from './store.js'
import type { Referral } from '../facebook/webhook-types.js'

/** The welcome message of a click-to-Messenger ad, shown to the person but not in the history (seed guide). */
export interface AdWelcome {
  adId: string
  ref?: string
  text: string
  quick_replies?: { title: string; payload: string }[]
  buttons?: { type: 'postback' | 'web_url'; title: string; payload?: string; url?: string }[]
  /** The last message seq when it was shown: the welcome sits after it in the thread. */
  afterSeq: number
  shownAt: number
}

export interface Conversation {
  pageId: string
  personId: string
  lastPersonAt: number | null
  blocked: boolean
  pageTypingUntil: number | null
  personTypingUntil: number | null
  pageSeenWatermark: number | null
  readWatermark: number | null
  deliveredWatermark: number | null
  adWelcome: AdWelcome | null
  pendingReferral: Referral | null
  /** The app controlling the thread (handover protocol, docs §9); null: the page's primary receiver. */
  threadOwnerAppId: string | null
  /** The persona a running typing indicator was sent as (docs §12). */
  pageTypingPersonaId: string | null
}

interface ConversationDbRow {
  page_id: string; person_id: string; last_person_at: number | null; blocked: number; page_typing_until: number | null
  person_typing_until: number | null; page_seen_watermark: number | null; read_watermark: number | null
  delivered_watermark: number | null; ad_welcome: string | null; pending_referral: string | null
  thread_owner_app_id: string | null; page_typing_persona_id: string | null
}

const toConversation = (r: ConversationDbRow): Conversation => ({
  pageId: r.page_id, personId: r.person_id, lastPersonAt: r.last_person_at, blocked: r.blocked === 1,
  pageTypingUntil: r.page_typing_until, personTypingUntil: r.person_typing_until,
  pageSeenWatermark: r.page_seen_watermark, readWatermark: r.read_watermark, deliveredWatermark: r.delivered_watermark,
  adWelcome: json.parse<AdWelcome | null>(r.ad_welcome, null),
  pendingReferral: json.parse<Referral | null>(r.pending_referral, null),
  threadOwnerAppId: r.thread_owner_app_id, pageTypingPersonaId: r.page_typing_persona_id,
})

/** Columns a caller may change; each maps to its SQL column. */
const COLUMNS = {
  lastPersonAt: 'last_person_at', blocked: 'blocked', pageTypingUntil: 'page_typing_until',
  personTypingUntil: 'person_typing_until', pageSeenWatermark: 'page_seen_watermark', readWatermark: 'read_watermark',
  deliveredWatermark: 'delivered_watermark', adWelcome: 'ad_welcome',
  pendingReferral: 'pending_referral', threadOwnerAppId: 'thread_owner_app_id',
  pageTypingPersonaId: 'page_typing_persona_id',
} as const satisfies Record<keyof Omit<Conversation, 'pageId' | 'personId'>, string>

export type ConversationChange = Partial<Omit<Conversation, 'pageId' | 'personId'>>

/** What a page's send must know of the conversation: whether it is blocked and when the 24-hour window opened. */
export type SendState = Pick<Conversation, 'blocked' | 'lastPersonAt'>

export class Conversations {
  constructor(private readonly store: Store, private readonly now: () => number) {}

  get(pageId: string, personId: string): Conversation | undefined {
    const r = this.store.stmt('SELECT * FROM conversations WHERE page_id = ? AND person_id = ?').get(pageId, personId) as
      ConversationDbRow | undefined
    return r && toConversation(r)
  }

  /** The conversation, created empty the first time the page and the person meet. */
  open(pageId: string, personId: string): Conversation {
    return this.opened(pageId, personId, () => this.get(pageId, personId))
  }

  /**
   * `open()` for the Send API, reading only the two columns a send needs: every call asks, and a row of every column
   * cost ~2 µs more of a call's ~110 (measured on SQLite alone).
   */
  openForSend(pageId: string, personId: string): SendState {
    const r = this.opened(pageId, personId, () => this.store.stmt(`SELECT blocked, last_person_at FROM conversations
      WHERE page_id = ? AND person_id = ?`).get(pageId, personId) as
        Pick<ConversationDbRow, 'blocked' | 'last_person_at'> | undefined)
    return { blocked: r.blocked === 1, lastPersonAt: r.last_person_at }
  }

  /** What `read` gives, after creating the conversation empty if it did not exist yet. */
  private opened<T>(pageId: string, personId: string, read: () => T | undefined): T {
    const existing = read()
    if (existing) return existing
    this.update(pageId, personId, {})
    return read()!
  }

  /**
   * Creates the conversation if need be and sets the changed columns, in one upsert: the Send API changes one on
   * every message, and a statement per column plus re-reads cost a tenth of its commit (`npm run bench`). The
   * statement text depends only on which columns change, so it stays cached.
   */
  update(pageId: string, personId: string, change: ConversationChange): void {
    const keys = (Object.keys(COLUMNS) as (keyof ConversationChange)[]).filter((k) => k in change)
    const columns = keys.map((k) => COLUMNS[k])
    const values = keys.map((k) => {
      const value = change[k]
      return typeof value === 'boolean' ? (value ? 1 : 0)
        : value !== null && typeof value === 'object' ? json.stringify(value) : value ?? null
    })
    const onConflict = columns.length ? `DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`
      : 'DO NOTHING'
    this.store.stmt(`INSERT INTO conversations (page_id, person_id, created_at${columns.map((c) => `, ${c}`).join('')})
      VALUES (?, ?, ?${', ?'.repeat(columns.length)}) ON CONFLICT (page_id, person_id) ${onConflict}`)
      .run(pageId, personId, this.now(), ...values)
  }

  /** Threads owned by an app that lost its role go back to the page's primary receiver (handover, docs §13). */
  resetThreadOwners(pageId: string, appsWithRole: string[]): void {
    this.store.stmt(`UPDATE conversations SET thread_owner_app_id = NULL WHERE page_id = ?
      AND thread_owner_app_id IS NOT NULL AND thread_owner_app_id NOT IN (SELECT value FROM json_each(?))`)
      .run(pageId, JSON.stringify(appsWithRole))
  }
}
