/**
 * Request bodies of apps, keys, users, conversations, participants, integrations, webhooks and attachments, as zod
 * schemas (conversations-api.md §3–§5, §7, §10; Sunshine's OpenAPI spec, zendesk/sunshine-conversations-api-spec
 * `components/requestBodies`). Updates are strict: a field Sunshine does not take for that resource is refused by
 * name rather than silently dropped.
 */
import * as z from 'zod'
import { metadata, uri } from './schemas.js'

/** `displayName` of apps, keys, integrations, conversations: 1–100 characters (spec `displayName.yaml`). */
const displayName = z.string().min(1).max(100)
const iso = z.iso.datetime({ offset: true })

// ── Apps and keys (§1.2, §3) ────────────────────────────────────────────────────────────────────────────────────

export const appSettings = z.object({
  conversationRetentionSeconds: z.int().min(0).optional(),
  maskCreditCardNumbers: z.boolean().optional(),
  useAnimalNames: z.boolean().optional(),
  echoPostback: z.boolean().optional(),
  ignoreAutoConversationStart: z.boolean().optional(),
  multiConvoEnabled: z.boolean().optional(),
  appLocalizationEnabled: z.boolean().optional(),
  endSessionEnabled: z.boolean().optional(),
  disableConversationReopen: z.boolean().optional(),
}).strict()

export const appPost = z.object({ displayName, settings: appSettings.optional(), metadata: metadata.optional() })
export const appPatch = z.object({ displayName: displayName.optional(), settings: appSettings.optional(), metadata: metadata.optional() }).strict()
export const keyPost = z.object({ displayName })

// ── Users and clients (§4) ──────────────────────────────────────────────────────────────────────────────────────

/** Profile fields are nullable: null clears one (spec `users/profile.yaml`). */
const profile = z.object({
  givenName: z.string().max(128).nullable().optional(),
  surname: z.string().max(128).nullable().optional(),
  email: z.string().max(128).nullable().optional(),
  avatarUrl: uri.nullable().optional(),
  locale: z.string().max(64).nullable().optional(),
}).strict()
export type ProfileInput = z.infer<typeof profile>

export const userPost = z.object({
  externalId: z.string().min(1).max(1024),
  signedUpAt: iso.optional(),
  toBeRetained: z.boolean().optional(),
  profile: profile.optional(),
  metadata: metadata.optional(),
})
export const userPatch = z.object({
  signedUpAt: iso.optional(),
  toBeRetained: z.boolean().optional(),
  profile: profile.optional(),
  metadata: metadata.optional(),
}).strict()

/** Channel linking (`POST …/clients`): which channel, by `matchCriteria.type` (§4.1). */
export const clientPost = z.object({
  matchCriteria: z.object({ type: z.string().min(1) }).loose(),
}).loose()

// ── Conversations and participants (§5) ─────────────────────────────────────────────────────────────────────────

/** A user named by Sunshine id or by externalId. */
const userRef = z.union([
  z.object({ userId: z.string().min(1), subscribeSDKClient: z.boolean().optional() }).strict(),
  z.object({ userExternalId: z.string().min(1), subscribeSDKClient: z.boolean().optional() }).strict(),
], { error: 'Give the user as userId or userExternalId' })
export type UserRef = z.infer<typeof userRef>

const conversationFields = {
  displayName: displayName.optional(),
  description: z.string().min(1).max(100).optional(),
  iconUrl: uri.optional(),
  metadata: metadata.optional(),
}
export const conversationPost = z.object({
  type: z.enum(['personal', 'sdkGroup']),
  participants: z.array(userRef).max(10).optional(),
  ...conversationFields,
})
export const conversationPatch = z.object(conversationFields).strict()

export const participantJoin = userRef
export const participantLeave = z.union([
  z.object({ userId: z.string().min(1) }).strict(),
  z.object({ userExternalId: z.string().min(1) }).strict(),
  z.object({ participantId: z.string().min(1) }).strict(),
], { error: 'Give the participant as userId, userExternalId or participantId' })

// ── Integrations and webhooks (§10) ─────────────────────────────────────────────────────────────────────────────

export const webhookPost = z.object({
  target: z.url(),
  triggers: z.array(z.string().min(1)).min(1),
  includeFullUser: z.boolean().optional(),
  includeFullSource: z.boolean().optional(),
  /** Beyond Sunshine's v2 API: ask for the legacy v1.1 body (the seed's click-to-Messenger examples). */
  version: z.enum(['v2', 'v1.1']).optional(),
})
export type WebhookPost = z.infer<typeof webhookPost>
export const webhookPatch = z.object({
  target: z.url().optional(),
  triggers: z.array(z.string().min(1)).min(1).optional(),
  includeFullUser: z.boolean().optional(),
  includeFullSource: z.boolean().optional(),
}).strict()

export const messengerIntegrationPost = z.object({
  type: z.literal('messenger'),
  pageAccessToken: z.string().min(1),
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  displayName: displayName.optional(),
})
export const customIntegrationPost = z.object({
  type: z.literal('custom'),
  displayName: displayName.optional(),
  webhooks: z.array(webhookPost).length(1),
})
export const integrationPost = z.discriminatedUnion('type', [messengerIntegrationPost, customIntegrationPost])

/** Messenger: a new page access token (the seed's fix after a password reset) and the name (§10.1). */
export const messengerIntegrationPatch = z.object({
  displayName: displayName.nullable().optional(),
  pageAccessToken: z.string().min(1).optional(),
}).strict()
export const customIntegrationPatch = z.object({ displayName: displayName.nullable().optional() }).strict()

// ── Attachments (§7) ────────────────────────────────────────────────────────────────────────────────────────────

export const attachmentRemove = z.object({ mediaUrl: z.url() })
