/** Facebook accounts (the people who own and administer pages) and their login sessions. */
import type { Ids } from './ids.js'
import { json, type Store } from './store.js'

/**
 * What the account's User node has beyond its name (graph/user-node.ts), as the world document gives it: each key
 * optional. Facebook has no email for an account that signed up with a phone number, and people share a birthday
 * as `MM/DD/YYYY`, `MM/DD` or `YYYY` (docs §20).
 */
export interface AccountProfile {
  email?: string
  middleName?: string
  birthday?: string
  gender?: string
}

export interface Account {
  id: string
  name: string
  eea: boolean
  /** Every token issued under an older epoch is dead: a password change bumps it. */
  sessionEpoch: number
  profile: AccountProfile
}

interface AccountDbRow { id: string; name: string; eea: number; session_epoch: number; profile: string }

const toAccount = (r: AccountDbRow): Account => ({
  id: r.id, name: r.name, eea: r.eea === 1, sessionEpoch: r.session_epoch, profile: json.parse(r.profile, {}),
})

export class Accounts {
  constructor(private readonly store: Store, private readonly now: () => number, private readonly ids: Ids) {}

  create(input: { id?: string; name: string; eea?: boolean; profile?: AccountProfile }): Account {
    const account: Account = {
      id: input.id ?? this.ids.account(), name: input.name, eea: input.eea ?? false, sessionEpoch: 0,
      profile: input.profile ?? {},
    }
    this.store.stmt(`INSERT INTO accounts (id, name, eea, session_epoch, profile, created_at)
      VALUES (?, ?, ?, 0, ?, ?)`)
      .run(account.id, account.name, account.eea ? 1 : 0, json.stringify(account.profile), this.now())
    return account
  }

  /** Cached (read-cache.ts): every user or page token is checked against its account's session. */
  get(id: string): Account | undefined {
    return this.store.cache.get(`account:${id}`, () => {
      const r = this.store.stmt('SELECT * FROM accounts WHERE id = ?').get(id) as AccountDbRow | undefined
      return r && toAccount(r)
    })
  }

  list(): Account[] {
    return (this.store.stmt('SELECT * FROM accounts ORDER BY rowid').all() as AccountDbRow[]).map(toAccount)
  }

  /** The owner changed their password: every session, and so every user and page token, is invalidated. */
  invalidateSessions(id: string): void {
    this.store.stmt('UPDATE accounts SET session_epoch = session_epoch + 1 WHERE id = ?').run(id)
  }
}
