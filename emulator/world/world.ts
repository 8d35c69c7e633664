/**
 * The world: one SQLite database holding every app, account, page, person, token and message, plus the clock.
 * Handlers are functions of (request, world, clock); nothing else holds state.
 */
import { openDatabase, type Db } from './db.js'
import { createClock, type Clock } from './clock.js'
import { Store } from './store.js'
import { Apps } from './apps.js'
import { Accounts } from './accounts.js'
import { Pages } from './pages.js'
import { People } from './people.js'
import { Consents } from './consents.js'
import { Tokens } from './tokens.js'
import { Conversations } from './conversations.js'
import { Messages } from './messages.js'
import { Attachments } from './attachments.js'
import { AppFeatures } from './app-features.js'
import { Subscriptions } from './subscriptions.js'
import { Outbox } from './outbox.js'
import { MessengerProfiles } from './messenger-profiles.js'
import { Journal } from './journal.js'
import { FaultSwitchStore } from './fault-switches.js'
import { createIds, type Ids } from './ids.js'
import { AppRoles } from './app-roles.js'
import { Personas } from './personas.js'

const CLOCK_KEY = 'clock_offset_ms'

export class World {
  readonly store: Store
  readonly clock: Clock
  readonly apps: Apps
  readonly accounts: Accounts
  readonly pages: Pages
  readonly people: People
  readonly consents: Consents
  readonly tokens: Tokens
  readonly conversations: Conversations
  readonly messages: Messages
  readonly attachments: Attachments
  readonly appFeatures: AppFeatures
  readonly subscriptions: Subscriptions
  readonly outbox: Outbox
  readonly messengerProfiles: MessengerProfiles
  readonly journal: Journal
  readonly faultSwitches: FaultSwitchStore
  readonly appRoles: AppRoles
  readonly personas: Personas

  /** `ids` are the world's id and secret generators (world/ids.ts), injectable for tests. */
  constructor(readonly db: Db, readonly ids: Ids = createIds()) {
    this.store = new Store(db)
    const offset = Number(this.getMeta(CLOCK_KEY) ?? 0)
    this.clock = createClock(offset, (ms) => this.setMeta(CLOCK_KEY, String(ms)))
    const now = () => this.clock.now()
    this.apps = new Apps(this.store, now, ids)
    this.accounts = new Accounts(this.store, now, ids)
    this.pages = new Pages(this.store, now, ids)
    this.people = new People(this.store, now, ids)
    this.consents = new Consents(this.store, now)
    this.tokens = new Tokens(this.store)
    this.conversations = new Conversations(this.store, now)
    this.messages = new Messages(this.store)
    this.attachments = new Attachments(this.store)
    this.appFeatures = new AppFeatures(this.store, now)
    this.subscriptions = new Subscriptions(this.store, now)
    this.outbox = new Outbox(this.store, now)
    this.messengerProfiles = new MessengerProfiles(this.store, now)
    this.journal = new Journal(this.store)
    this.faultSwitches = new FaultSwitchStore(this.store)
    this.appRoles = new AppRoles(this.store)
    this.personas = new Personas(this.store, now, ids)
  }

  static open(path: string, ids?: Ids): World {
    return new World(openDatabase(path), ids)
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn)
  }

  /**
   * Runs `fn` as one all-or-nothing write in the next group commit (group-commit.ts) and settles once it is committed:
   * the hot paths (Send API, people's actions, delivery bookkeeping) use it, so a burst of them costs one commit.
   */
  commit<T>(fn: () => T): Promise<T> {
    return this.store.commits.run(fn)
  }

  /** Empties every table (the schema and its migrations stay) and puts the clock back to real time. */
  reset(): void {
    const tables = (this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'
      AND name NOT IN ('migrations') AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name)
    this.tx(() => {
      this.db.pragma('defer_foreign_keys = ON')
      for (const t of tables) this.db.prepare(`DELETE FROM "${t}"`).run()
    })
    this.store.cache.clear()
    this.clock.advance(-this.clock.offsetMs() / 1000)
  }

  close(): void {
    this.store.commits.flush()
    this.db.close()
  }

  private getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value
  }

  private setMeta(key: string, value: string): void {
    this.store.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value)
  }
}
