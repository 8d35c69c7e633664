/** Users and their channel clients (conversations-api.md §4). */
import type { Db } from './db.js'

export interface UserRow {
  id: string
  appId: string
  externalId: string | null
  givenName: string | null
  surname: string | null
  avatarUrl: string | null
  signedUpAt: string
}

export interface ClientRow {
  id: string
  appId: string
  userId: string
  integrationId: string
  type: string
  /** What the external id is scoped to: the page id for Messenger (a PSID is page-scoped). */
  scope: string
  externalId: string
  displayName: string | null
  avatarUrl: string | null
  raw: Record<string, unknown>
  status: string
  linkedAt: string
  lastSeen: string
}

interface UserRecord {
  id: string; app_id: string; external_id: string | null; given_name: string | null; surname: string | null
  avatar_url: string | null; signed_up_at: string
}
interface ClientRecord {
  id: string; app_id: string; user_id: string; integration_id: string; type: string; scope: string; external_id: string
  display_name: string | null; avatar_url: string | null; raw: string | null; status: string; linked_at: string; last_seen: string
}

const toUser = (r: UserRecord): UserRow => ({
  id: r.id, appId: r.app_id, externalId: r.external_id, givenName: r.given_name, surname: r.surname,
  avatarUrl: r.avatar_url, signedUpAt: r.signed_up_at,
})
const toClient = (r: ClientRecord): ClientRow => ({
  id: r.id, appId: r.app_id, userId: r.user_id, integrationId: r.integration_id, type: r.type, scope: r.scope,
  externalId: r.external_id, displayName: r.display_name, avatarUrl: r.avatar_url,
  raw: r.raw ? JSON.parse(r.raw) as Record<string, unknown> : {}, status: r.status, linkedAt: r.linked_at, lastSeen: r.last_seen,
})

export function usersRepository(db: Db) {
  const insertUser = db.prepare(`INSERT INTO users (id, app_id, external_id, given_name, surname, avatar_url, signed_up_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const getUser = db.prepare('SELECT * FROM users WHERE app_id = ? AND (id = ? OR external_id = ?)')
  const insertClient = db.prepare(`INSERT INTO clients (id, app_id, user_id, integration_id, type, scope, external_id,
    display_name, avatar_url, raw, status, linked_at, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const findClient = db.prepare('SELECT * FROM clients WHERE app_id = ? AND type = ? AND scope = ? AND external_id = ?')
  const clientsOfUser = db.prepare('SELECT * FROM clients WHERE user_id = ? ORDER BY last_seen DESC, id')
  const touchClient = db.prepare('UPDATE clients SET last_seen = ?, integration_id = ? WHERE id = ?')
  return {
    create(u: UserRow): UserRow {
      insertUser.run(u.id, u.appId, u.externalId, u.givenName, u.surname, u.avatarUrl, u.signedUpAt)
      return u
    },
    /** By Sunshine id or by externalId, as the v2 paths accept either (conversations-api.md §4.1). */
    get(appId: string, idOrExternalId: string): UserRow | undefined {
      const r = getUser.get(appId, idOrExternalId, idOrExternalId) as UserRecord | undefined
      return r && toUser(r)
    },
    createClient(c: ClientRow): ClientRow {
      insertClient.run(c.id, c.appId, c.userId, c.integrationId, c.type, c.scope, c.externalId, c.displayName,
        c.avatarUrl, JSON.stringify(c.raw), c.status, c.linkedAt, c.lastSeen)
      return c
    },
    findClient(appId: string, type: string, scope: string, externalId: string): ClientRow | undefined {
      const r = findClient.get(appId, type, scope, externalId) as ClientRecord | undefined
      return r && toClient(r)
    },
    /** Most recently active first: the first is the primary client (conversations-api.md §5.1). */
    clientsOfUser(userId: string): ClientRow[] {
      return (clientsOfUser.all(userId) as ClientRecord[]).map(toClient)
    },
    /** A recreated integration takes over the clients of its page. */
    touchClient(id: string, lastSeen: string, integrationId: string): void {
      touchClient.run(lastSeen, integrationId, id)
    },
  }
}
export type UsersRepository = ReturnType<typeof usersRepository>
