/**
 * The journal of migrations, in order (drizzle's migrator pattern, STYLE §6). Each is applied once in one transaction
 * and recorded with the sha256 of its text; a database whose recorded hash differs is refused.
 */
import initial from './001-initial.js'
import apiResources from './002-api-resources.js'
import attachments from './003-attachments.js'
import deliveryNotes from './004-delivery-notes.js'
import rejectedEventsAndRetention from './005-rejected-events-and-retention.js'
import switchboard from './006-switchboard.js'
import deliveryLog from './008-delivery-log.js'
import skippedEvents from './009-skipped-events.js'

import type { Migration } from '../../../lib/sqlite.js'

export type { Migration }

export const MIGRATIONS: Migration[] = [
  { id: 1, name: 'initial', sql: initial },
  { id: 2, name: 'api-resources', sql: apiResources },
  { id: 3, name: 'attachments', sql: attachments },
  { id: 4, name: 'delivery-notes', sql: deliveryNotes },
  { id: 5, name: 'rejected-events-and-retention', sql: rejectedEventsAndRetention },
  { id: 6, name: 'switchboard', sql: switchboard },
  { id: 8, name: 'delivery-log', sql: deliveryLog },
  { id: 9, name: 'skipped-events', sql: skippedEvents },
]
