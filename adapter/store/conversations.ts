/** Personal conversations and their one participant (conversations-api.md §5). Messages are in messages.ts. */
import type { Db } from './db.js'
import type { Metadata } from '../conversations/types.js'

export interface ConversationRow {
  id: string
  appId: string
  userId: string
  type: 'personal'
  isDefault: boolean
  displayName: string | null
  description: string | null
  iconUrl: string | null
  metadata: Metadata
  /** The id of the conversation's participant (its user, in a personal conversation). */
  participantId: string
  businessLastRead: string | null
  /** When the user last read the conversation (Messenger read receipts). */
  userLastRead: string | null
  createdAt: string
  lastUpdatedAt: string
  /** The switchboard integration in control, and the one offered control (store/switchboards.ts); null when none. */
  activeSwitchboardIntegrationId: string | null
  pendingSwitchboardIntegrationId: string | null
}

interface ConversationRecord {
  id: string; app_id: string; user_id: string; type: string; is_default: number; display_name: string | null
  description: string | null; icon_url: string | null; metadata: string; participant_id: string
  business_last_read: string | null; user_last_read: string | null; created_at: string; last_updated_at: string
  active_switchboard_integration_id: string | null; pending_switchboard_integration_id: string | null
}

const toConversation = (r: ConversationRecord): ConversationRow => ({
  id: r.id, appId: r.app_id, userId: r.user_id, type: 'personal', isDefault: r.is_default === 1,
  displayName: r.display_name, description: r.description, iconUrl: r.icon_url,
  metadata: JSON.parse(r.metadata) as Metadata, participantId: r.participant_id, businessLastRead: r.business_last_read,
  userLastRead: r.user_last_read, createdAt: r.created_at, lastUpdatedAt: r.last_updated_at,
  activeSwitchboardIntegrationId: r.active_switchboard_integration_id,
  pendingSwitchboardIntegrationId: r.pending_switchboard_integration_id,
})

/** A new conversation of `userId`: its first is the default one (§5.1). */
export function newConversation(fields: Pick<ConversationRow, 'id' | 'appId' | 'userId' | 'participantId' | 'isDefault' | 'createdAt'>
  & Partial<ConversationRow>): ConversationRow {
  return {
    type: 'personal', displayName: null, description: null, iconUrl: null, metadata: {}, businessLastRead: null,
    userLastRead: null, lastUpdatedAt: fields.createdAt, activeSwitchboardIntegrationId: null,
    pendingSwitchboardIntegrationId: null, ...fields,
  }
}

export function conversationsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO conversations (id, app_id, user_id, type, is_default, display_name, description,
    icon_url, metadata, participant_id, business_last_read, user_last_read, created_at, last_updated_at,
    active_switchboard_integration_id, pending_switchboard_integration_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const get = db.prepare('SELECT * FROM conversations WHERE app_id = ? AND id = ?')
  const ofUser = db.prepare('SELECT * FROM conversations WHERE user_id = ? ORDER BY created_at, rowid')
  const update = db.prepare('UPDATE conversations SET display_name = ?, description = ?, icon_url = ?, metadata = ? WHERE id = ?')
  const remove = db.prepare('DELETE FROM conversations WHERE id = ?')
  const markBusinessRead = db.prepare('UPDATE conversations SET business_last_read = ? WHERE id = ?')
  const markUserRead = db.prepare('UPDATE conversations SET user_last_read = ? WHERE id = ?')
  const setControl = db.prepare(`UPDATE conversations SET active_switchboard_integration_id = ?,
    pending_switchboard_integration_id = ? WHERE id = ?`)
  const clearControlOf = db.prepare(`UPDATE conversations SET
    active_switchboard_integration_id = CASE WHEN active_switchboard_integration_id = ?1 THEN ?2 ELSE active_switchboard_integration_id END,
    pending_switchboard_integration_id = CASE WHEN pending_switchboard_integration_id = ?1 THEN NULL ELSE pending_switchboard_integration_id END
    WHERE app_id = ?3`)
  return {
    create(c: ConversationRow): ConversationRow {
      insert.run(c.id, c.appId, c.userId, c.type, c.isDefault ? 1 : 0, c.displayName, c.description, c.iconUrl,
        JSON.stringify(c.metadata), c.participantId, c.businessLastRead, c.userLastRead, c.createdAt, c.lastUpdatedAt,
        c.activeSwitchboardIntegrationId, c.pendingSwitchboardIntegrationId)
      return c
    },
    get(appId: string, id: string): ConversationRow | undefined {
      const r = get.get(appId, id) as ConversationRecord | undefined
      return r && toConversation(r)
    },
    /** Oldest first: the first is the user's default conversation. */
    ofUser(userId: string): ConversationRow[] {
      return (ofUser.all(userId) as ConversationRecord[]).map(toConversation)
    },
    update(c: ConversationRow): ConversationRow {
      update.run(c.displayName, c.description, c.iconUrl, JSON.stringify(c.metadata), c.id)
      return c
    },
    /** With its messages and attachments (foreign keys cascade). */
    delete(id: string): void {
      remove.run(id)
    },
    markBusinessRead(id: string, at: string): void {
      markBusinessRead.run(at, id)
    },
    markUserRead(id: string, at: string): void {
      markUserRead.run(at, id)
    },
    /** Who is in control and who is offered it (switchboard actions, Messenger handovers). */
    setControl(c: ConversationRow, active: string | null, pending: string | null): ConversationRow {
      setControl.run(active, pending, c.id)
      return { ...c, activeSwitchboardIntegrationId: active, pendingSwitchboardIntegrationId: pending }
    },
    /**
     * A switchboard integration is deleted: "the default switchboard integration will replace it" where it was active
     * (spec, deleteSwitchboardIntegration), and an offer to it lapses.
     */
    replaceControl(appId: string, switchboardIntegrationId: string, replacement: string | null): void {
      clearControlOf.run(switchboardIntegrationId, replacement, appId)
    },
  }
}
export type ConversationsRepository = ReturnType<typeof conversationsRepository>
