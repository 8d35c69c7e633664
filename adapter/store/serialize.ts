/** Rows → the Conversations API's JSON objects (conversations-api.md §3–§6, §10). Secrets never leave here. */
import type { AppRow } from './apps.js'
import type { ConversationRow } from './conversations.js'
import type { IntegrationRow, WebhookRow } from './integrations.js'
import type { MessageRow } from './messages.js'
import type { ClientRow, UserRow } from './users.js'
import type { SwitchboardIntegrationRow, SwitchboardRow } from './switchboards.js'
import type {
  SwitchboardIntegrationJson, SwitchboardIntegrationRef, SwitchboardJson,
} from '../conversations/switchboard.js'
import type {
  AppJson, ClientJson, ConversationJson, Message, ParticipantJson, Profile, UserJson,
} from '../conversations/types.js'

export function appJson(a: AppRow): AppJson {
  return { id: a.id, displayName: a.displayName, settings: a.settings, metadata: a.metadata }
}

/** Resolves a conversation's switchboard integration ids (store/switchboards.ts `integration`). */
export type SwitchboardIntegrationLookup = (id: string | null) => SwitchboardIntegrationRow | undefined

/** Who has control and who is offered it; each is omitted when unused (conversations-api.md §5.1). */
export function controlJson(c: ConversationRow, lookup: SwitchboardIntegrationLookup):
  { activeSwitchboardIntegration?: SwitchboardIntegrationRef; pendingSwitchboardIntegration?: SwitchboardIntegrationRef } {
  const active = lookup(c.activeSwitchboardIntegrationId)
  const pending = lookup(c.pendingSwitchboardIntegrationId)
  return {
    ...(active ? { activeSwitchboardIntegration: switchboardIntegrationRef(active) } : {}),
    ...(pending ? { pendingSwitchboardIntegration: switchboardIntegrationRef(pending) } : {}),
  }
}

export function switchboardIntegrationRef(i: SwitchboardIntegrationRow): SwitchboardIntegrationRef {
  return { id: i.id, name: i.name, ...(i.integrationId ? { integrationId: i.integrationId } : {}), integrationType: i.integrationType }
}

export function switchboardJson(s: SwitchboardRow): SwitchboardJson {
  return { id: s.id, enabled: s.enabled, ...(s.defaultSwitchboardIntegrationId ? { defaultSwitchboardIntegrationId: s.defaultSwitchboardIntegrationId } : {}) }
}

export function switchboardIntegrationJson(i: SwitchboardIntegrationRow): SwitchboardIntegrationJson {
  return {
    ...switchboardIntegrationRef(i), deliverStandbyEvents: i.deliverStandbyEvents,
    ...(i.nextSwitchboardIntegrationId ? { nextSwitchboardIntegrationId: i.nextSwitchboardIntegrationId } : {}),
    ...(i.messageHistoryCount !== null ? { messageHistoryCount: i.messageHistoryCount } : {}),
  }
}

export function conversationJson(c: ConversationRow, lookup: SwitchboardIntegrationLookup = () => undefined): ConversationJson {
  return {
    id: c.id, type: c.type, isDefault: c.isDefault, ...(c.displayName ? { displayName: c.displayName } : {}),
    ...(c.description ? { description: c.description } : {}), ...(c.iconUrl ? { iconUrl: c.iconUrl } : {}),
    metadata: c.metadata, ...(c.businessLastRead ? { businessLastRead: c.businessLastRead } : {}),
    createdAt: c.createdAt, lastUpdatedAt: c.lastUpdatedAt, ...controlJson(c, lookup),
  }
}

export function userJson(u: UserRow): UserJson {
  const profile: Profile = {}
  if (u.givenName) profile.givenName = u.givenName
  if (u.surname) profile.surname = u.surname
  if (u.email) profile.email = u.email
  if (u.avatarUrl) profile.avatarUrl = u.avatarUrl
  if (u.locale) profile.locale = u.locale
  return {
    id: u.id, ...(u.externalId ? { externalId: u.externalId } : {}), authenticated: false, signedUpAt: u.signedUpAt,
    toBeRetained: u.toBeRetained, profile, metadata: u.metadata, identities: [],
  }
}

export function clientJson(c: ClientRow): ClientJson {
  return {
    id: c.id, type: c.type, status: c.status, integrationId: c.integrationId, externalId: c.externalId,
    ...(c.displayName ? { displayName: c.displayName } : {}), ...(c.avatarUrl ? { avatarUrl: c.avatarUrl } : {}),
    lastSeen: c.lastSeen, linkedAt: c.linkedAt, info: {}, raw: c.raw,
  }
}

export function participantJson(c: ConversationRow, user: UserRow, clients: ClientRow[], unreadCount: number): ParticipantJson {
  return {
    id: c.participantId, userId: user.id, ...(user.externalId ? { userExternalId: user.externalId } : {}), unreadCount,
    ...(c.userLastRead ? { lastRead: c.userLastRead } : {}),
    clientAssociations: clients.map((cl) => ({ type: cl.type, clientId: cl.id })),
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
