/** Facebook accounts (the people who own and administer pages) and their login sessions. */
import type { Ids } from './ids.js'
import type { Store } from './store.js'

export interface Account {
  id: string
  name: string
  eea: boolean
  /** Every token issued under an older epoch is dead: a password change bumps it. */
  sessionEpoch: number
}

interface AccountDbRow { id: string; name: string; eea: number; session_epoch: number }

const toAccount = (r: AccountDbRow): Account => ({ id: r.id, name: r.name, eea: r.eea === 1, sessionEpoch: r.session_epoch })

export class Accounts {
  constructor(private readonly store: Store, private readonly now: () => number, private readonly ids: Ids) {}

  create(input: { id?: string; name: string; eea?: boolean }): Account {
    const account: Account = { id: input.id ?? this.ids.account(), name: input.name, eea: input.eea ?? false, sessionEpoch: 0 }
    this.store.stmt('INSERT INTO accounts (id, name, eea, session_epoch, created_at) VALUES (?, ?, ?, 0, ?)')
      .run(account.id, account.name, account.eea ? 1 : 0, this.now())
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
