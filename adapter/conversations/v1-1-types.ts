/**
 * The legacy v1.1 API's wire formats, declared once for its routes and its webhooks: ids are `_id`, roles
 * `appUser`/`appMaker`, message times Unix seconds (floats), errors one object. Sources: docs/conversations-api.md §13
 * and §18; the v1.1 models of Smooch's generated clients (smooch-api 5.34.1 `AppUser`, `Message`, `Webhook`,
 * `GetMessagesResponse`, https://rubydoc.info/gems/smooch-api/5.34.1/file/docs/); smooch-core 8.11.4 reads
 * `{ error: { code, description } }` (its lib/utils/http.js `handleResponse`).
 */
import type { Action, Item } from './schemas.js'
import type { Metadata } from './types.js'

/** "`{ "error": { "code": "unauthorized", "description": "Authorization is required" } }`" (§18). */
export interface V11ErrorBody { error: { code: string; description: string } }

/** A user's channel identity; for Messenger `id` is the PSID. */
export interface V11Client {
  _id: string
  id: string
  platform: string
  integrationId: string
  active: boolean
  primary: boolean
  lastSeen: string
  linkedAt: string
  displayName?: string
  avatarUrl?: string
  info: Record<string, unknown>
  raw: Record<string, unknown>
}

/** `userId` is the business's own id of the user (v2's `externalId`); `properties` are v2's `metadata`. */
export interface V11AppUser {
  _id: string
  userId?: string
  givenName?: string
  surname?: string
  email?: string
  avatarUrl?: string
  signedUpAt: string
  properties: Metadata
  conversationStarted: boolean
  clients: V11Client[]
  /** "As clients, but containing linked clients which have not been confirmed yet": Messenger has none. */
  pendingClients: V11Client[]
}

/** What webhooks carry without `includeFullAppUser` (the seed's and Sunshine's v1.1 examples). */
export interface V11TruncatedAppUser { _id: string; userId?: string; conversationStarted: boolean; signedUpAt: string }

export interface V11Message {
  _id: string
  type: string
  role: 'appUser' | 'appMaker'
  authorId?: string
  name?: string
  avatarUrl?: string
  /** Unix seconds, e.g. 1444348338.704. */
  received: number
  source: { type: string; integrationId?: string; originalMessageId?: string }
  text?: string
  payload?: string
  mediaUrl?: string
  actions?: Action[]
  items?: Item[]
  coordinates?: { lat: number; long: number }
  metadata?: Metadata
}

export interface V11Webhook {
  _id: string
  target: string
  triggers: string[]
  secret: string
  version: 'v1.1'
  includeClient: boolean
  includeFullAppUser: boolean
}
