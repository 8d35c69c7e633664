/** Rows → the Conversations API's JSON objects (conversations-api.md §4, §5, §6, §10). Secrets never leave here. */
import type { ConversationRow, MessageRow } from './conversations.js'
import type { IntegrationRow, WebhookRow } from './integrations.js'
import type { ClientRow, UserRow } from './users.js'
import type { ClientJson, ConversationJson, Message, UserJson } from '../conversations/types.js'

export function conversationJson(c: ConversationRow): ConversationJson {
  return {
    id: c.id, type: c.type, isDefault: c.isDefault, ...(c.businessLastRead ? { businessLastRead: c.businessLastRead } : {}),
    createdAt: c.createdAt, lastUpdatedAt: c.lastUpdatedAt,
  }
}

export function userJson(u: UserRow): UserJson {
  const profile: UserJson['profile'] = {}
  if (u.givenName) profile.givenName = u.givenName
  if (u.surname) profile.surname = u.surname
  if (u.avatarUrl) profile.avatarUrl = u.avatarUrl
  return {
    id: u.id, ...(u.externalId ? { externalId: u.externalId } : {}), authenticated: false, signedUpAt: u.signedUpAt,
    profile, metadata: {}, identities: [],
  }
}

export function clientJson(c: ClientRow): ClientJson {
  return {
    id: c.id, type: c.type, status: c.status, integrationId: c.integrationId, externalId: c.externalId,
    ...(c.displayName ? { displayName: c.displayName } : {}), ...(c.avatarUrl ? { avatarUrl: c.avatarUrl } : {}),
    lastSeen: c.lastSeen, linkedAt: c.linkedAt, info: {}, raw: c.raw,
  }
}

export function messageJson(m: MessageRow): Message {
  return {
    id: m.id, received: m.received, author: m.author, content: m.content, source: m.source,
    ...(m.metadata ? { metadata: m.metadata } : {}),
  }
}

export function webhookJson(w: WebhookRow, withSecret = true) {
  return {
    id: w.id, version: w.version, target: w.target, triggers: w.triggers,
    includeFullUser: w.includeFullUser, includeFullSource: w.includeFullSource, ...(withSecret ? { secret: w.secret } : {}),
  }
}

export function integrationJson(i: IntegrationRow, webhooks: WebhookRow[] = []) {
  const base = { id: i.id, type: i.type, status: i.status, displayName: i.displayName }
  if (i.type === 'messenger') {
    return { ...base, appId: i.config.fbAppId, pageId: i.config.pageId, pageName: i.config.pageName }
  }
  return { ...base, webhooks: webhooks.map((w) => webhookJson(w)) }
}
