/** Integrations (messenger, custom) and the business webhooks of custom integrations (conversations-api.md §10). */
import type { Db } from './db.js'

/** What the adapter keeps about a Messenger integration. Secrets stay here and are never returned by the API. */
export interface MessengerConfig {
  pageId: string
  pageName: string
  pageAccessToken: string
  fbAppId: string
  fbAppSecret: string
  /** Sent with the app subscription; Facebook echoes it in the verification GET (messenger-platform.md §4.1). */
  verifyToken: string
  /** `subject_to_new_eu_privacy_rules` as read at creation; null when Graph did not say. */
  eea: boolean | null
}

export type IntegrationRow =
  | { id: string; appId: string; type: 'messenger'; status: string; displayName: string | null; createdAt: string; config: MessengerConfig }
  | { id: string; appId: string; type: 'custom'; status: string; displayName: string | null; createdAt: string; config: Record<string, never> }

export type MessengerIntegrationRow = Extract<IntegrationRow, { type: 'messenger' }>

export type WebhookVersion = 'v2' | 'v1.1'

export interface WebhookRow {
  id: string
  appId: string
  integrationId: string
  target: string
  triggers: string[]
  secret: string
  version: WebhookVersion
  includeFullUser: boolean
  includeFullSource: boolean
  createdAt: string
}

interface IntegrationRecord {
  id: string; app_id: string; type: string; status: string; display_name: string | null; config: string; created_at: string
}
interface WebhookRecord {
  id: string; app_id: string; integration_id: string; target: string; triggers: string; secret: string; version: string
  include_full_user: number; include_full_source: number; created_at: string
}

const toIntegration = (r: IntegrationRecord): IntegrationRow => ({
  id: r.id, appId: r.app_id, type: r.type as 'messenger', status: r.status, displayName: r.display_name,
  createdAt: r.created_at, config: JSON.parse(r.config) as MessengerConfig,
})
const toWebhook = (r: WebhookRecord): WebhookRow => ({
  id: r.id, appId: r.app_id, integrationId: r.integration_id, target: r.target,
  triggers: JSON.parse(r.triggers) as string[], secret: r.secret, version: r.version as WebhookVersion,
  includeFullUser: r.include_full_user === 1, includeFullSource: r.include_full_source === 1, createdAt: r.created_at,
})

export function integrationsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO integrations (id, app_id, type, status, display_name, config, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const get = db.prepare('SELECT * FROM integrations WHERE app_id = ? AND id = ?')
  const getAny = db.prepare('SELECT * FROM integrations WHERE id = ?')
  const list = db.prepare('SELECT * FROM integrations WHERE app_id = ? ORDER BY created_at, id')
  const listByType = db.prepare('SELECT * FROM integrations WHERE type = ? ORDER BY created_at, id')
  const update = db.prepare('UPDATE integrations SET status = ?, display_name = ?, config = ? WHERE id = ?')
  const remove = db.prepare('DELETE FROM integrations WHERE app_id = ? AND id = ?')
  const insertWebhook = db.prepare(`INSERT INTO webhooks (id, app_id, integration_id, target, triggers, secret, version,
    include_full_user, include_full_source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const webhooksOfApp = db.prepare('SELECT * FROM webhooks WHERE app_id = ? ORDER BY created_at, id')
  const webhooksOfIntegration = db.prepare('SELECT * FROM webhooks WHERE integration_id = ? ORDER BY created_at, id')
  const getWebhook = db.prepare('SELECT * FROM webhooks WHERE id = ?')
  const updateWebhook = db.prepare(`UPDATE webhooks SET target = ?, triggers = ?, include_full_user = ?,
    include_full_source = ? WHERE id = ?`)
  const removeWebhook = db.prepare('DELETE FROM webhooks WHERE integration_id = ? AND id = ?')
  return {
    create(row: IntegrationRow): IntegrationRow {
      insert.run(row.id, row.appId, row.type, row.status, row.displayName, JSON.stringify(row.config), row.createdAt)
      return row
    },
    get(appId: string, id: string): IntegrationRow | undefined {
      const r = get.get(appId, id) as IntegrationRecord | undefined
      return r && toIntegration(r)
    },
    /** By id alone: the Messenger webhook URL names the integration but carries no app. */
    getById(id: string): IntegrationRow | undefined {
      const r = getAny.get(id) as IntegrationRecord | undefined
      return r && toIntegration(r)
    },
    list(appId: string): IntegrationRow[] {
      return (list.all(appId) as IntegrationRecord[]).map(toIntegration)
    },
    listMessenger(): MessengerIntegrationRow[] {
      return (listByType.all('messenger') as IntegrationRecord[]).map(toIntegration) as MessengerIntegrationRow[]
    },
    update(row: IntegrationRow): IntegrationRow {
      update.run(row.status, row.displayName, JSON.stringify(row.config), row.id)
      return row
    },
    delete(appId: string, id: string): boolean {
      return remove.run(appId, id).changes > 0
    },
    createWebhook(w: WebhookRow): WebhookRow {
      insertWebhook.run(w.id, w.appId, w.integrationId, w.target, JSON.stringify(w.triggers), w.secret, w.version,
        w.includeFullUser ? 1 : 0, w.includeFullSource ? 1 : 0, w.createdAt)
      return w
    },
    webhooksOfApp(appId: string): WebhookRow[] {
      return (webhooksOfApp.all(appId) as WebhookRecord[]).map(toWebhook)
    },
    webhooksOfIntegration(integrationId: string): WebhookRow[] {
      return (webhooksOfIntegration.all(integrationId) as WebhookRecord[]).map(toWebhook)
    },
    getWebhook(id: string): WebhookRow | undefined {
      const r = getWebhook.get(id) as WebhookRecord | undefined
      return r && toWebhook(r)
    },
    updateWebhook(w: WebhookRow): WebhookRow {
      updateWebhook.run(w.target, JSON.stringify(w.triggers), w.includeFullUser ? 1 : 0, w.includeFullSource ? 1 : 0, w.id)
      return w
    },
    deleteWebhook(integrationId: string, id: string): boolean {
      return removeWebhook.run(integrationId, id).changes > 0
    },
  }
}
export type IntegrationsRepository = ReturnType<typeof integrationsRepository>
