/**
 * Conversation events as the adapter produces them, before they are shaped for a webhook version (v2 or v1.1).
 * Triggers and payload fields: conversations-api.md §11.4, §12, §13.
 */
import type { AppRow } from '../store/apps.js'
import type { ConversationRow } from '../store/conversations.js'
import type { MessageRow } from '../store/messages.js'
import type { ClientRow, UserRow } from '../store/users.js'
import type { Metadata } from '../conversations/types.js'
import type { SwitchboardTrigger } from '../conversations/switchboard.js'

export interface EventContext {
  app: AppRow
  conversation: ConversationRow
  user: UserRow
  client?: ClientRow
  integrationId?: string
}

/** A failed delivery: Sunshine's code, Facebook's message, and Facebook's error as the underlying error. */
export interface DeliveryError {
  code: string
  message: string
  underlyingError?: { message: string; code?: number; subcode?: number; type?: string; fbtrace_id?: string }
}

export interface Referral {
  code?: string
  details: { source?: string; type?: string; adId?: string }
}

/**
 * Beyond Sunshine: what the channel left out of a message it delivered (a location request Messenger no longer takes),
 * so the business learns it from the delivery event itself.
 */
export interface DeliveryWarning { code: string; message: string }

export type ConversationEvent =
  | { type: 'conversation:create'; creationReason: 'message' | 'startConversation' | 'none' }
  | { type: 'conversation:message'; message: MessageRow }
  | { type: 'conversation:postback'; postback: { payload: string; text?: string }; originalMessageId?: string }
  | { type: 'conversation:read'; at: string }
  | { type: 'conversation:referral'; referral: Referral }
  | { type: 'conversation:message:delivery:channel'; messageId: string; externalMessages: { id: string }[]; warnings?: DeliveryWarning[] }
  | { type: 'conversation:message:delivery:user'; messageId: string; externalMessages: { id: string }[] }
  | { type: 'conversation:message:delivery:failure'; messageId: string; error: DeliveryError }
  /** A control change (conversations-api.md §14.3); `error` on the `:failure` variants. */
  | { type: SwitchboardTrigger; metadata?: Metadata; reason?: string; error?: { code: string; message: string } }

export type EventType = ConversationEvent['type']
