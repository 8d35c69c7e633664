/**
 * Rows → the v1.1 API's JSON objects (conversations/v1-1-types.ts), used by the v1.1 routes and the v1.1 webhooks alike
 * so both speak one shape. The same rows serve v2 (serialize.ts): a v1.1 and a v2 business see one conversation.
 */
import type {
  V11AppUser, V11Client, V11Message, V11TruncatedAppUser, V11Webhook,
} from '../conversations/v1-1-types.js'
import type { WebhookRow } from './integrations.js'
import type { MessageRow } from './messages.js'
import type { ClientRow, UserRow } from './users.js'

/** v1.1 times are Unix seconds, milliseconds as the fraction (`received: 1444348338.704`, §13). */
export const unixSeconds = (iso: string): number => Date.parse(iso) / 1000

/** `primary`: the most recently active client, the first of `clientsOfUser` (store/users.ts). */
export function clientV11(c: ClientRow, primary: boolean): V11Client {
  return {
    _id: c.id, id: c.externalId, platform: c.type, integrationId: c.integrationId, active: c.status === 'active', primary,
    lastSeen: c.lastSeen, linkedAt: c.linkedAt, ...(c.displayName ? { displayName: c.displayName } : {}),
    ...(c.avatarUrl ? { avatarUrl: c.avatarUrl } : {}), info: {}, raw: c.raw,
  }
}

export function truncatedAppUserV11(u: UserRow, conversationStarted: boolean): V11TruncatedAppUser {
  return { _id: u.id, ...(u.externalId ? { userId: u.externalId } : {}), conversationStarted, signedUpAt: u.signedUpAt }
}

export function appUserV11(u: UserRow, clients: ClientRow[], conversationStarted: boolean): V11AppUser {
  return {
    ...truncatedAppUserV11(u, conversationStarted),
    ...(u.givenName ? { givenName: u.givenName } : {}), ...(u.surname ? { surname: u.surname } : {}),
    ...(u.email ? { email: u.email } : {}), ...(u.avatarUrl ? { avatarUrl: u.avatarUrl } : {}),
    properties: u.metadata, clients: clients.map((c, i) => clientV11(c, i === 0)), pendingClients: [],
  }
}

/** v2's `api:conversations` source was v1.1's `api`. */
const SOURCE_TYPES: Record<string, string> = { 'api:conversations': 'api' }

export function messageV11(m: MessageRow): V11Message {
  const c = m.content as Record<string, unknown>
  const out: V11Message = {
    _id: m.id, type: c.type as string, role: m.author.type === 'user' ? 'appUser' : 'appMaker',
    ...(m.author.userId ? { authorId: m.author.userId } : {}),
    ...(m.author.displayName ? { name: m.author.displayName } : {}),
    ...(m.author.avatarUrl ? { avatarUrl: m.author.avatarUrl } : {}),
    received: unixSeconds(m.received),
    source: {
      type: SOURCE_TYPES[m.source.type] ?? m.source.type, ...(m.source.integrationId ? { integrationId: m.source.integrationId } : {}),
      ...(m.source.originalMessageId ? { originalMessageId: m.source.originalMessageId } : {}),
    },
  }
  for (const k of ['text', 'payload', 'mediaUrl', 'coordinates', 'actions', 'items'] as const) {
    if (c[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = c[k]
  }
  if (m.metadata) out.metadata = m.metadata
  return out
}

/** v1.1's `includeClient` and `includeFullAppUser` are v2's `includeFullSource` and `includeFullUser`. */
export function webhookV11(w: WebhookRow): V11Webhook {
  return {
    _id: w.id, target: w.target, triggers: w.triggers, secret: w.secret, version: 'v1.1',
    includeClient: w.includeFullSource, includeFullAppUser: w.includeFullUser,
  }
}
