/**
 * The v2 webhook body: `{ app, webhook, events: [{ id, createdAt, type, payload }] }` (conversations-api.md §11, §12).
 * One event per POST, so a business that was down receives them back in order.
 */
import type { WebhookRow } from '../store/integrations.js'
import { clientJson, controlJson, messageJson, userJson, type SwitchboardIntegrationLookup } from '../store/serialize.js'
import type { ConversationEvent, EventContext } from './events.js'

export interface V2Envelope {
  app: { id: string }
  webhook: { id: string; version: 'v2' }
  events: { id: string; createdAt: string; type: string; payload: Record<string, unknown> }[]
}

export function v2Envelope(e: ConversationEvent, ctx: EventContext, webhook: WebhookRow, eventId: string,
  createdAt: string, lookup: SwitchboardIntegrationLookup): V2Envelope {
  return {
    app: { id: ctx.app.id },
    webhook: { id: webhook.id, version: 'v2' },
    events: [{ id: eventId, createdAt, type: e.type, payload: v2Payload(e, ctx, webhook, lookup) }],
  }
}

function v2Payload(e: ConversationEvent, ctx: EventContext, webhook: WebhookRow, lookup: SwitchboardIntegrationLookup):
  Record<string, unknown> {
  // "Each relevant webhook event will contain information specifying which switchboard integration is currently
  // active for the conversation" (Zendesk, Switchboard guide): how a business in standby knows it is.
  const conversation = { id: ctx.conversation.id, type: ctx.conversation.type, ...controlJson(ctx.conversation, lookup) }
  const user = webhook.includeFullUser ? userJson(ctx.user) : { id: ctx.user.id, authenticated: false }
  // A conversation the business created through the API has no channel behind it yet.
  const source: Record<string, unknown> = ctx.integrationId
    ? { type: 'messenger', integrationId: ctx.integrationId } : { type: 'api:conversations' }
  if (webhook.includeFullSource && ctx.client) source.client = clientJson(ctx.client)
  const destination = { type: 'messenger', ...(ctx.integrationId ? { integrationId: ctx.integrationId } : {}) }
  switch (e.type) {
    case 'conversation:create':
      return { conversation, user, source, creationReason: e.creationReason }
    case 'conversation:message': {
      const message = messageJson(e.message) as unknown as Record<string, unknown>
      const author = { ...e.message.author } as Record<string, unknown>
      if (e.message.author.type === 'user') author.user = user
      const msgSource = { ...e.message.source } as Record<string, unknown>
      if (webhook.includeFullSource && ctx.client && e.message.author.type === 'user') msgSource.client = clientJson(ctx.client)
      return { conversation, message: { ...message, author, source: msgSource } }
    }
    case 'conversation:postback':
      return {
        conversation, user, postback: { payload: e.postback.payload },
        source: { ...source, ...(e.originalMessageId ? { originalMessageId: e.originalMessageId } : {}) },
      }
    case 'conversation:read':
      return {
        conversation,
        activity: { type: 'conversation:read', author: { type: 'user', userId: ctx.user.id, user }, source, received: e.at },
      }
    case 'conversation:referral':
      return { conversation, user, source, referral: e.referral }
    case 'conversation:message:delivery:channel':
    case 'conversation:message:delivery:user':
      return {
        conversation, user, destination, message: { id: e.messageId }, externalMessages: e.externalMessages,
        isFinalEvent: true, ...('warnings' in e && e.warnings ? { warnings: e.warnings } : {}),
      }
    case 'conversation:message:delivery:failure':
      // error.code/message per the v2 schema; underlyingError carries Facebook's own error too (seed, Troubleshooting).
      return { conversation, user, destination, message: { id: e.messageId }, isFinalEvent: true, error: e.error }
    default:
      // switchboard:* (spec `webhooks/switchboard*.yaml`): the conversation, the action's metadata, the failure.
      return {
        conversation, ...(e.metadata ? { metadata: e.metadata } : {}), ...(e.reason ? { reason: e.reason } : {}),
        ...(e.error ? { error: e.error } : {}),
      }
  }
}
