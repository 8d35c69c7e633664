/** The records a path names, or the Conversations API's 404 for each (conversations-api.md §2). */
import type { AdapterContext } from '../runtime/context.js'
import type { AppRow } from '../store/apps.js'
import type { ConversationRow } from '../store/conversations.js'
import type { IntegrationRow } from '../store/integrations.js'
import type { UserRow } from '../store/users.js'
import { apiError } from './errors.js'

/** By Sunshine id or externalId (§4.1). */
export function userOf(ctx: AdapterContext, app: AppRow, idOrExternalId: string): UserRow {
  const user = ctx.store.users.get(app.id, idOrExternalId)
  if (!user) throw apiError('userNotFound')
  return user
}

export function conversationOf(ctx: AdapterContext, app: AppRow, id: string): { conversation: ConversationRow; user: UserRow } {
  const conversation = ctx.store.conversations.get(app.id, id)
  const user = conversation && ctx.store.users.get(app.id, conversation.userId)
  if (!conversation || !user) throw apiError('conversationNotFound')
  return { conversation, user }
}

export function integrationOf(ctx: AdapterContext, appId: string, id: string): IntegrationRow {
  const row = ctx.store.integrations.get(appId, id)
  if (!row) throw apiError('integrationNotFound')
  return row
}
