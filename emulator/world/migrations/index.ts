/**
 * The journal of migrations, in order. Each is applied once, in one transaction, and recorded with a hash of its
 * text; an applied migration must never be edited (the runner refuses a database whose recorded hash differs).
 */
import accountsAndTokens from './001-accounts-and-tokens.js'
import messaging from './002-messaging.js'
import webhooks from './003-webhooks.js'
import profileJournal from './004-profile-journal.js'
import webhookBatches from './005-webhook-batches.js'
import pendingQueueIndex from './006-pending-queue-index.js'
import oauthRedirectUris from './007-oauth-redirect-uris.js'
import warningsAndAccountProfiles from './008-warnings-and-account-profiles.js'
import retention from './009-retention.js'
import handoverPersonas from './010-handover-personas.js'

import type { Migration } from '../../../lib/sqlite.js'

export type { Migration }

export const MIGRATIONS: Migration[] = [
  { id: 1, name: 'accounts-and-tokens', sql: accountsAndTokens },
  { id: 2, name: 'messaging', sql: messaging },
  { id: 3, name: 'webhooks', sql: webhooks },
  { id: 4, name: 'profile-journal', sql: profileJournal },
  { id: 5, name: 'webhook-batches', sql: webhookBatches },
  { id: 6, name: 'pending-queue-index', sql: pendingQueueIndex },
  { id: 7, name: 'oauth-redirect-uris', sql: oauthRedirectUris },
  { id: 8, name: 'warnings-and-account-profiles', sql: warningsAndAccountProfiles },
  { id: 9, name: 'retention', sql: retention },
  { id: 10, name: 'handover-personas', sql: handoverPersonas },
]
