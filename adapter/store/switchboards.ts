/**
 * The app's switchboard and its switchboard integrations (conversations-api.md §14.3; Sunshine's OpenAPI spec,
 * `switchboard.yaml` and `switchboardIntegration.yaml`). Conversation control lives on the conversation
 * (conversations.ts `setControl`).
 */
import type { Db } from './db.js'

export interface SwitchboardRow {
  id: string
  appId: string
  enabled: boolean
  defaultSwitchboardIntegrationId: string | null
  createdAt: string
}

export interface SwitchboardIntegrationRow {
  id: string
  switchboardId: string
  name: string
  /** The app's integration that delivers the events routed to it; null for a type (another Facebook app). */
  integrationId: string | null
  integrationType: string
  deliverStandbyEvents: boolean
  nextSwitchboardIntegrationId: string | null
  messageHistoryCount: number | null
  createdAt: string
}

interface SwitchboardRecord {
  id: string; app_id: string; enabled: number; default_switchboard_integration_id: string | null; created_at: string
}
interface SwitchboardIntegrationRecord {
  id: string; switchboard_id: string; name: string; integration_id: string | null; integration_type: string
  deliver_standby_events: number; next_switchboard_integration_id: string | null; message_history_count: number | null
  created_at: string
}

const toSwitchboard = (r: SwitchboardRecord): SwitchboardRow => ({
  id: r.id, appId: r.app_id, enabled: r.enabled === 1, defaultSwitchboardIntegrationId: r.default_switchboard_integration_id,
  createdAt: r.created_at,
})
const toSwitchboardIntegration = (r: SwitchboardIntegrationRecord): SwitchboardIntegrationRow => ({
  id: r.id, switchboardId: r.switchboard_id, name: r.name, integrationId: r.integration_id,
  integrationType: r.integration_type, deliverStandbyEvents: r.deliver_standby_events === 1,
  nextSwitchboardIntegrationId: r.next_switchboard_integration_id, messageHistoryCount: r.message_history_count,
  createdAt: r.created_at,
})

export function switchboardsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO switchboards (id, app_id, enabled, default_switchboard_integration_id, created_at)
    VALUES (?, ?, ?, ?, ?)`)
  const ofApp = db.prepare('SELECT * FROM switchboards WHERE app_id = ?')
  const update = db.prepare('UPDATE switchboards SET enabled = ?, default_switchboard_integration_id = ? WHERE id = ?')
  const remove = db.prepare('DELETE FROM switchboards WHERE id = ?')
  const insertIntegration = db.prepare(`INSERT INTO switchboard_integrations (id, switchboard_id, name, integration_id,
    integration_type, deliver_standby_events, next_switchboard_integration_id, message_history_count, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const integrationsOf = db.prepare('SELECT * FROM switchboard_integrations WHERE switchboard_id = ? ORDER BY created_at, rowid')
  const updateIntegration = db.prepare(`UPDATE switchboard_integrations SET name = ?, integration_id = ?,
    integration_type = ?, deliver_standby_events = ?, next_switchboard_integration_id = ?, message_history_count = ?
    WHERE id = ?`)
  const removeIntegration = db.prepare('DELETE FROM switchboard_integrations WHERE id = ?')
  const integrationOfApp = db.prepare(`SELECT si.* FROM switchboard_integrations si
    JOIN switchboards s ON s.id = si.switchboard_id WHERE s.app_id = ? AND si.id = ?`)
  const clearControl = db.prepare(`UPDATE conversations SET active_switchboard_integration_id = NULL,
    pending_switchboard_integration_id = NULL WHERE app_id = ?`)
  return {
    create(s: SwitchboardRow): SwitchboardRow {
      insert.run(s.id, s.appId, s.enabled ? 1 : 0, s.defaultSwitchboardIntegrationId, s.createdAt)
      return s
    },
    /** "One switchboard per app" (§14.3). */
    ofApp(appId: string): SwitchboardRow | undefined {
      const r = ofApp.get(appId) as SwitchboardRecord | undefined
      return r && toSwitchboard(r)
    },
    update(s: SwitchboardRow): SwitchboardRow {
      update.run(s.enabled ? 1 : 0, s.defaultSwitchboardIntegrationId, s.id)
      return s
    },
    /** With its switchboard integrations; no conversation is in anyone's control any more. */
    delete(s: SwitchboardRow): void {
      remove.run(s.id)
      clearControl.run(s.appId)
    },
    createIntegration(i: SwitchboardIntegrationRow): SwitchboardIntegrationRow {
      insertIntegration.run(i.id, i.switchboardId, i.name, i.integrationId, i.integrationType, i.deliverStandbyEvents ? 1 : 0,
        i.nextSwitchboardIntegrationId, i.messageHistoryCount, i.createdAt)
      return i
    },
    integrationsOf(switchboardId: string): SwitchboardIntegrationRow[] {
      return (integrationsOf.all(switchboardId) as SwitchboardIntegrationRecord[]).map(toSwitchboardIntegration)
    },
    /** A switchboard integration of the app's switchboard, by id. */
    integration(appId: string, id: string | null): SwitchboardIntegrationRow | undefined {
      if (id === null) return undefined
      const r = integrationOfApp.get(appId, id) as SwitchboardIntegrationRecord | undefined
      return r && toSwitchboardIntegration(r)
    },
    updateIntegration(i: SwitchboardIntegrationRow): SwitchboardIntegrationRow {
      updateIntegration.run(i.name, i.integrationId, i.integrationType, i.deliverStandbyEvents ? 1 : 0,
        i.nextSwitchboardIntegrationId, i.messageHistoryCount, i.id)
      return i
    },
    deleteIntegration(id: string): void {
      removeIntegration.run(id)
    },
  }
}
export type SwitchboardsRepository = ReturnType<typeof switchboardsRepository>
