/**
 * First contact: the user, their Messenger client (PSID as external id, page-scoped) and their conversation, created
 * when a person first writes to the page. The profile comes from the User Profile API
 * (GET /{psid}?fields=first_name,last_name,profile_pic, messenger-platform.md §6.2); when it cannot be read (EEA
 * restrictions, an invalidated page token after a password change) the contact is created without it, so the
 * person's messages keep arriving (seed, Troubleshooting).
 */
import type { AdapterContext } from '../runtime/context.js'
import type { AppRow } from '../store/apps.js'
import { newConversation, type ConversationRow } from '../store/conversations.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import { newUser, type ClientRow, type UserRow } from '../store/users.js'
import { emit } from '../webhooks/dispatcher.js'
import type { EventContext } from '../webhooks/events.js'
import { facebook, isEuPrivacyRefusal } from './facebook.js'
import type { UserProfile } from '../facebook/graph-types.js'

export interface Contact extends EventContext {
  app: AppRow
  user: UserRow
  client: ClientRow
  conversation: ConversationRow
  integrationId: string
}

export type CreationReason = 'message' | 'startConversation' | 'none'

function existing(ctx: AdapterContext, integration: MessengerIntegrationRow, psid: string, at: string): Contact | undefined {
  const { store } = ctx
  const client = store.users.findClient(integration.appId, 'messenger', integration.config.pageId, psid)
  if (!client) return undefined
  const app = store.apps.get(integration.appId)
  const user = store.users.get(integration.appId, client.userId)
  const conversation = user && store.conversations.ofUser(user.id)[0]
  if (!app || !user || !conversation) return undefined
  if (client.integrationId !== integration.id || client.lastSeen < at) {
    store.users.touchClient(client.id, at, integration.id)
    client.integrationId = integration.id
    client.lastSeen = at
  }
  return { app, user, client, conversation, integrationId: integration.id }
}

/** Finds or creates the contact; emits `conversation:create` when it is new. Call outside a transaction. */
export async function ensureContact(ctx: AdapterContext, integration: MessengerIntegrationRow, psid: string,
  reason: CreationReason): Promise<Contact> {
  const at = new Date(ctx.clock.now()).toISOString()
  const found = ctx.store.tx(() => existing(ctx, integration, psid, at))
  if (found) return found
  let profile: UserProfile = {}
  let euPrivacyRules = false
  try {
    const fb = facebook(ctx.graph, integration.config)
    // Under the European rules profile_pic is refused (#10) while "Id, first and last name will still be available"
    // (seed, Impact of Messenger API Updates for Europe; messenger-platform.md §6.2): ask again without it.
    profile = await fb.userProfile(psid).catch((err: unknown) => {
      if (!isEuPrivacyRefusal(err)) throw err
      euPrivacyRules = true
      return fb.userProfile(psid, 'first_name,last_name')
    })
  } catch (err) {
    ctx.log.warn(`profile of a new Messenger user could not be read (${err instanceof Error ? err.message : String(err)})`)
  }
  const contact = ctx.store.tx(() => {
    const again = existing(ctx, integration, psid, at)
    if (again) return again
    const { store, ids } = ctx
    const app = store.apps.get(integration.appId)!
    const user = store.users.create(newUser({
      id: ids.record(), appId: app.id, givenName: profile.first_name ?? null, surname: profile.last_name ?? null,
      avatarUrl: profile.profile_pic ?? null, signedUpAt: at,
    }))
    const displayName = [profile.first_name, profile.last_name].filter(Boolean).join(' ') || null
    const client = store.users.createClient({
      id: ids.record(), appId: app.id, userId: user.id, integrationId: integration.id, type: 'messenger',
      scope: integration.config.pageId, externalId: psid, displayName, avatarUrl: profile.profile_pic ?? null,
      raw: { ...profile, ...(euPrivacyRules ? { euPrivacyRules } : {}) }, status: 'active', linkedAt: at, lastSeen: at,
    })
    const conversation = store.conversations.create(newConversation({
      id: ids.record(), appId: app.id, userId: user.id, participantId: ids.record(), isDefault: true, createdAt: at,
    }))
    const c: Contact = { app, user, client, conversation, integrationId: integration.id }
    emit(ctx, c, { type: 'conversation:create', creationReason: reason })
    return c
  })
  return contact
}
