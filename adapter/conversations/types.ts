/**
 * Response and webhook shapes of the Conversations API v2 (conversations-api.md §4–§6, §11, §12). Request bodies are in
 * schemas.ts. Declared once; routes, store and webhooks import them.
 */
import type { Content } from './schemas.js'
import type { SwitchboardIntegrationRef } from './switchboard.js'

export interface ErrorBody { errors: { code: string; title: string }[] }

/** App, user, conversation, message metadata: flat, values string, number or boolean, at most 4 KB (§3). */
export type Metadata = Record<string, string | number | boolean>

export interface Author {
  type: 'user' | 'business'
  userId?: string
  displayName?: string
  avatarUrl?: string
  subtypes?: string[]
}

export interface MessageSource {
  type: string
  integrationId?: string
  /** The channel's own id of the message (the Messenger `mid`). */
  originalMessageId?: string
  originalMessageTimestamp?: string
}

/** Inbound user messages may carry a `payload` (a quick reply) and attachment kinds Messenger sends. */
export type StoredContent = Content | { type: 'text'; text: string; payload?: string }

export interface Message {
  id: string
  received: string
  author: Author
  content: StoredContent
  source: MessageSource
  metadata?: Metadata
}

export interface ConversationJson {
  id: string
  type: 'personal'
  isDefault: boolean
  displayName?: string
  description?: string
  iconUrl?: string
  metadata: Metadata
  businessLastRead?: string
  createdAt: string
  lastUpdatedAt: string
  activeSwitchboardIntegration?: SwitchboardIntegrationRef
  pendingSwitchboardIntegration?: SwitchboardIntegrationRef
}

export interface Profile { givenName?: string; surname?: string; email?: string; avatarUrl?: string; locale?: string }

export interface UserJson {
  id: string
  externalId?: string
  authenticated: boolean
  signedUpAt: string
  toBeRetained: boolean
  profile: Profile
  metadata: Metadata
  /** Verified identities (emails) come from Zendesk; the adapter has none to report. */
  identities: never[]
}

/** A personal conversation's one participant (§5.1). */
export interface ParticipantJson {
  id: string
  userId: string
  userExternalId?: string
  unreadCount: number
  lastRead?: string
  /** Most recently active client first: the primary one, tried first for delivery. */
  clientAssociations: { type: string; clientId: string }[]
}

export interface AppJson {
  id: string
  displayName: string
  settings: Record<string, unknown>
  metadata: Metadata
}

export interface AttachmentJson { mediaUrl: string; mediaType: string }

/** Every list answers `meta` and `links` (§1.5). */
export interface ListMeta { hasMore: boolean; afterCursor?: string; beforeCursor?: string }
export interface ListLinks { prev?: string; next?: string }

export interface ClientJson {
  id: string
  type: string
  status: string
  integrationId: string
  externalId: string
  displayName?: string
  avatarUrl?: string
  lastSeen: string
  linkedAt: string
  info: Record<string, never>
  raw: Record<string, unknown>
}
