/** Users and their channel clients (conversations-api.md §4). */
import type { Db } from './db.js'
import type { Metadata } from '../conversations/types.js'

export interface UserRow {
  id: string
  appId: string
  externalId: string | null
  givenName: string | null
  surname: string | null
  email: string | null
  avatarUrl: string | null
  locale: string | null
  metadata: Metadata
  toBeRetained: boolean
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
  email: string | null; avatar_url: string | null; locale: string | null; metadata: string; to_be_retained: number
  signed_up_at: string
}
interface ClientRecord {
  id: string; app_id: string; user_id: string; integration_id: string; type: string; scope: string; external_id: string
  display_name: string | null; avatar_url: string | null; raw: string | null; status: string; linked_at: string; last_seen: string
}

const toUser = (r: UserRecord): UserRow => ({
  id: r.id, appId: r.app_id, externalId: r.external_id, givenName: r.given_name, surname: r.surname, email: r.email,
  avatarUrl: r.avatar_url, locale: r.locale, metadata: JSON.parse(r.metadata) as Metadata,
  toBeRetained: r.to_be_retained === 1, signedUpAt: r.signed_up_at,
})
const toClient = (r: ClientRecord): ClientRow => ({
  id: r.id, appId: r.app_id, userId: r.user_id, integrationId: r.integration_id, type: r.type, scope: r.scope,
  externalId: r.external_id, displayName: r.display_name, avatarUrl: r.avatar_url,
  raw: r.raw ? JSON.parse(r.raw) as Record<string, unknown> : {}, status: r.status, linkedAt: r.linked_at, lastSeen: r.last_seen,
})

/** A user as first contact on a channel creates it: nothing but the names and picture the channel gave. */
export function newUser(fields: Pick<UserRow, 'id' | 'appId' | 'signedUpAt'> & Partial<UserRow>): UserRow {
  return {
    externalId: null, givenName: null, surname: null, email: null, avatarUrl: null, locale: null, metadata: {},
    toBeRetained: false, ...fields,
  }
}

export function usersRepository(db: Db) {
  const insertUser = db.prepare(`INSERT INTO users (id, app_id, external_id, given_name, surname, email, avatar_url,
    locale, metadata, to_be_retained, signed_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  // The path takes the Sunshine id or the externalId (§4.1); an id match wins.
  const getUser = db.prepare(`SELECT * FROM users WHERE app_id = ? AND (id = ? OR external_id = ?)
    ORDER BY id = ? DESC LIMIT 1`)
  const getByExternalId = db.prepare('SELECT * FROM users WHERE app_id = ? AND external_id = ?')
  const updateUser = db.prepare(`UPDATE users SET given_name = ?, surname = ?, email = ?, avatar_url = ?, locale = ?,
    metadata = ?, to_be_retained = ?, signed_up_at = ? WHERE id = ?`)
  const deleteUser = db.prepare('DELETE FROM users WHERE id = ?')
  const insertClient = db.prepare(`INSERT INTO clients (id, app_id, user_id, integration_id, type, scope, external_id,
    display_name, avatar_url, raw, status, linked_at, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const findClient = db.prepare('SELECT * FROM clients WHERE app_id = ? AND type = ? AND scope = ? AND external_id = ?')
  const clientsOfUser = db.prepare('SELECT * FROM clients WHERE user_id = ? ORDER BY last_seen DESC, id')
  const touchClient = db.prepare('UPDATE clients SET last_seen = ?, integration_id = ? WHERE id = ?')
  const deleteClient = db.prepare('DELETE FROM clients WHERE user_id = ? AND id = ?')
  const scrubClients = db.prepare('UPDATE clients SET display_name = NULL, avatar_url = NULL, raw = NULL WHERE user_id = ?')
  return {
    create(u: UserRow): UserRow {
      insertUser.run(u.id, u.appId, u.externalId, u.givenName, u.surname, u.email, u.avatarUrl, u.locale,
        JSON.stringify(u.metadata), u.toBeRetained ? 1 : 0, u.signedUpAt)
      return u
    },
    /** By Sunshine id or by externalId, as the v2 paths accept either (conversations-api.md §4.1). */
    get(appId: string, idOrExternalId: string): UserRow | undefined {
      const r = getUser.get(appId, idOrExternalId, idOrExternalId, idOrExternalId) as UserRecord | undefined
      return r && toUser(r)
    },
    byExternalId(appId: string, externalId: string): UserRow | undefined {
      const r = getByExternalId.get(appId, externalId) as UserRecord | undefined
      return r && toUser(r)
    },
    update(u: UserRow): UserRow {
      updateUser.run(u.givenName, u.surname, u.email, u.avatarUrl, u.locale, JSON.stringify(u.metadata),
        u.toBeRetained ? 1 : 0, u.signedUpAt, u.id)
      return u
    },
    /** The user, its clients, conversations and messages (foreign keys cascade). */
    delete(id: string): void {
      deleteUser.run(id)
    },
    /** What the channels told about the person goes; ids and the conversations stay (§4.1 personalinformation). */
    scrubClients(userId: string): void {
      scrubClients.run(userId)
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
    deleteClient(userId: string, clientId: string): boolean {
      return deleteClient.run(userId, clientId).changes > 0
    },
  }
}
export type UsersRepository = ReturnType<typeof usersRepository>
