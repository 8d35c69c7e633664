/**
 * Response and webhook shapes of the Conversations API v2 (conversations-api.md §4–§6, §11, §12). Request bodies are in
 * schemas.ts. Declared once; routes, store and webhooks import them.
 */
import type { Content } from './schemas.js'

export interface ErrorBody { errors: { code: string; title: string }[] }

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
  metadata?: Record<string, string | number | boolean>
}

export interface ConversationJson {
  id: string
  type: 'personal'
  isDefault: boolean
  businessLastRead?: string
  createdAt: string
  lastUpdatedAt: string
}

export interface UserJson {
  id: string
  externalId?: string
  authenticated: boolean
  signedUpAt: string
  profile: { givenName?: string; surname?: string; avatarUrl?: string }
  metadata: Record<string, never>
  identities: never[]
}

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
