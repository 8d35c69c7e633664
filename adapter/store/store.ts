/**
 * The adapter's store: one SQLite database and its typed repositories. Multi-row changes go through `tx`, a
 * better-sqlite3 transaction (savepoints when nested), so an API 2xx is only answered after commit.
 */
import type Database from 'better-sqlite3'
import { openDatabase } from './db.js'
import { appsRepository } from './apps.js'
import { integrationsRepository } from './integrations.js'
import { usersRepository } from './users.js'
import { conversationsRepository } from './conversations.js'
import { messagesRepository } from './messages.js'
import { attachmentsRepository } from './attachments.js'
import { deliveryNotesRepository } from './delivery-notes.js'
import { outboxRepository } from './outbox.js'
import { seenEventsRepository } from './seen-events.js'
import { menusRepository } from './menus.js'
import { rejectedEventsRepository } from './rejected-events.js'
import { skippedEventsRepository } from './skipped-events.js'
import { switchboardsRepository } from './switchboards.js'
import { personasRepository } from './personas.js'
import { adapterLogs } from './log-tables.js'
import { deliveryLogRepository } from './delivery-log.js'
import { overviewRepository } from './overview.js'
import { checkpointInBackground } from '../../lib/wal-checkpointer.js'

export function createStore(path: string) {
  const db: Database.Database = openDatabase(path)
  return {
    apps: appsRepository(db),
    integrations: integrationsRepository(db),
    users: usersRepository(db),
    conversations: conversationsRepository(db),
    messages: messagesRepository(db),
    attachments: attachmentsRepository(db),
    deliveryNotes: deliveryNotesRepository(db),
    outbox: outboxRepository(db),
    seenEvents: seenEventsRepository(db),
    menus: menusRepository(db),
    rejectedEvents: rejectedEventsRepository(db),
    deliveryLog: deliveryLogRepository(db),
    overview: overviewRepository(db),
    skippedEvents: skippedEventsRepository(db),
    switchboards: switchboardsRepository(db),
    personas: personasRepository(db),
    tx<T>(fn: () => T): T {
      return db.transaction(fn)()
    },
    /** The logs the retention job prunes; seen-event ids newer than `owedSince()` are kept (log-tables.ts). */
    logTables: (owedSince: () => number) => adapterLogs(db, owedSince),
    /** From now on the WAL is checkpointed by a worker thread, not by commits (lib/wal-checkpointer.ts). */
    checkpointInBackground: () => checkpointInBackground(db),
    close(): void {
      db.close()
    },
  }
}
export type Store = ReturnType<typeof createStore>
