/**
 * What lets a page message a person it has no open conversation with (docs §16, §17): the checkbox plugin's
 * `user_ref` opt-ins, and recurring notifications' tokens.
 */
import type { Store } from './store.js'

export interface UserRef {
  pageId: string
  userRef: string
  personId: string
  ref: string | null
  createdAt: number
  /** The page's one message, once sent. */
  sentMid: string | null
  /** The person answered that message: their PSID and the user_ref were linked. */
  answered: boolean
}

export type NotificationFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY'

export interface NotificationToken {
  token: string
  pageId: string
  personId: string
  title: string
  payload: string
  frequency: NotificationFrequency
  timezone: string
  stopped: boolean
  createdAt: number
  expiresAt: number
  lastSentAt: number | null
}

interface UserRefDbRow {
  page_id: string; user_ref: string; person_id: string; ref: string | null; created_at: number
  sent_mid: string | null; answered: number
}
interface TokenDbRow {
  token: string; page_id: string; person_id: string; title: string; payload: string; frequency: NotificationFrequency
  timezone: string; stopped: number; created_at: number; expires_at: number; last_sent_at: number | null
}

const toUserRef = (r: UserRefDbRow): UserRef => ({
  pageId: r.page_id, userRef: r.user_ref, personId: r.person_id, ref: r.ref, createdAt: r.created_at,
  sentMid: r.sent_mid, answered: r.answered === 1,
})
const toToken = (r: TokenDbRow): NotificationToken => ({
  token: r.token, pageId: r.page_id, personId: r.person_id, title: r.title, payload: r.payload,
  frequency: r.frequency, timezone: r.timezone, stopped: r.stopped === 1, createdAt: r.created_at,
  expiresAt: r.expires_at, lastSentAt: r.last_sent_at,
})

export class ReachTokens {
  constructor(private readonly store: Store) {}

  /** The person ticked the checkbox again with the same user_ref: a fresh opt-in replaces the old one. */
  optIn(u: Omit<UserRef, 'sentMid' | 'answered'>): void {
    this.store.stmt(`INSERT INTO user_refs (page_id, user_ref, person_id, ref, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (page_id, user_ref) DO UPDATE SET person_id = excluded.person_id, ref = excluded.ref,
      created_at = excluded.created_at, sent_mid = NULL, answered = 0`)
      .run(u.pageId, u.userRef, u.personId, u.ref, u.createdAt)
  }

  userRef(pageId: string, userRef: string): UserRef | undefined {
    const r = this.store.stmt('SELECT * FROM user_refs WHERE page_id = ? AND user_ref = ?').get(pageId, userRef) as
      UserRefDbRow | undefined
    return r && toUserRef(r)
  }

  markUserRefSent(pageId: string, userRef: string, mid: string): void {
    this.store.stmt('UPDATE user_refs SET sent_mid = ? WHERE page_id = ? AND user_ref = ?').run(mid, pageId, userRef)
  }

  /** The person's user_ref whose message they have not answered yet, if any: their answer links it. */
  unansweredUserRef(pageId: string, personId: string): UserRef | undefined {
    const r = this.store.stmt(`SELECT * FROM user_refs WHERE page_id = ? AND person_id = ? AND sent_mid IS NOT NULL
      AND answered = 0 ORDER BY created_at DESC LIMIT 1`).get(pageId, personId) as UserRefDbRow | undefined
    return r && toUserRef(r)
  }

  markUserRefAnswered(pageId: string, userRef: string): void {
    this.store.stmt('UPDATE user_refs SET answered = 1 WHERE page_id = ? AND user_ref = ?').run(pageId, userRef)
  }

  addToken(t: Omit<NotificationToken, 'stopped' | 'lastSentAt'>): NotificationToken {
    this.store.stmt(`INSERT INTO notification_tokens (token, page_id, person_id, title, payload, frequency, timezone,
      created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(t.token, t.pageId, t.personId, t.title, t.payload, t.frequency, t.timezone, t.createdAt, t.expiresAt)
    return { ...t, stopped: false, lastSentAt: null }
  }

  token(token: string): NotificationToken | undefined {
    const r = this.store.stmt('SELECT * FROM notification_tokens WHERE token = ?').get(token) as TokenDbRow | undefined
    return r && toToken(r)
  }

  /** The person's tokens on the page, newest first. */
  tokensOf(pageId: string, personId: string): NotificationToken[] {
    return (this.store.stmt(`SELECT * FROM notification_tokens WHERE page_id = ? AND person_id = ?
      ORDER BY created_at DESC, rowid DESC`).all(pageId, personId) as TokenDbRow[]).map(toToken)
  }

  setStopped(token: string, stopped: boolean): void {
    this.store.stmt('UPDATE notification_tokens SET stopped = ? WHERE token = ?').run(stopped ? 1 : 0, token)
  }

  markTokenSent(token: string, at: number): void {
    this.store.stmt('UPDATE notification_tokens SET last_sent_at = ? WHERE token = ?').run(at, token)
  }
}
