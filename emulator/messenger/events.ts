/**
 * Builders of the webhook events Messenger emits (docs §4.4), and `emit`, which records an event for delivery in the
 * caller's transaction through the webhook outbox. Every event of a conversation goes through here, so the action's
 * answer can list what it emitted.
 * Source: https://developers.facebook.com/docs/messenger-platform/reference/webhook-events
 */
import type { World } from '../world/world.js'
import { enqueuePageEvent } from './fan-out.js'
import type {
  DeliveryEvent, IncomingAttachment, MessageBody, MessageEvent, MessagingEvent, MessengerField, OptinEvent,
  PostbackEvent, ReadEvent, Referral, ReferralEvent,
} from '../facebook/webhook-types.js'
import type { OutgoingMessage } from './send-request.js'

export interface EmittedEvent { field: MessengerField; event: MessagingEvent }

/** Queues the event for every subscribed app (webhooks/outbox.ts) and answers it for the caller's report. */
export function emit(world: World, pageId: string, field: MessengerField, event: MessagingEvent): EmittedEvent {
  enqueuePageEvent(world, pageId, field, event)
  return { field, event }
}

interface Between { pageId: string; psid: string; timestamp: number }

export function messageEvent({ pageId, psid, timestamp }: Between, message: MessageBody): MessageEvent {
  return { sender: { id: psid }, recipient: { id: pageId }, timestamp, message }
}

/** `message_echoes`: what the page sent, with `is_echo`, the sending app's id as a number and the metadata. */
export function echoEvent({ pageId, psid, timestamp }: Between, mid: string, appId: string, message: OutgoingMessage):
  MessageEvent {
  const attachment = message.attachment
  const body: MessageBody = {
    is_echo: true, app_id: Number(appId), ...(message.metadata !== undefined ? { metadata: message.metadata } : {}), mid,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(attachment ? { attachments: [attachment as unknown as IncomingAttachment] } : {}),
  }
  return { sender: { id: pageId }, recipient: { id: psid }, timestamp, message: body }
}

export function deliveryEvent({ pageId, psid }: Omit<Between, 'timestamp'>, mids: string[], watermark: number):
  DeliveryEvent {
  return { sender: { id: psid }, recipient: { id: pageId }, delivery: { mids, watermark } }
}

export function readEvent({ pageId, psid, timestamp }: Between, watermark: number): ReadEvent {
  return { sender: { id: psid }, recipient: { id: pageId }, timestamp, read: { watermark } }
}

export function postbackEvent({ pageId, psid, timestamp }: Between,
  postback: { title: string; payload: string; mid: string; referral?: Referral | undefined }): PostbackEvent {
  const { referral, ...rest } = postback
  return { sender: { id: psid }, recipient: { id: pageId }, timestamp, postback: { ...rest, ...(referral ? { referral } : {}) } }
}

export function referralEvent({ pageId, psid, timestamp }: Between, referral: Referral): ReferralEvent {
  return { sender: { id: psid }, recipient: { id: pageId }, timestamp, referral }
}

/** `messaging_optins` from a plugin opt-in ("Send to Messenger") by a person with a PSID (docs §4.4). */
export function optinEvent({ pageId, psid, timestamp }: Between, ref: string | undefined): OptinEvent {
  return { sender: { id: psid }, recipient: { id: pageId }, timestamp, optin: ref === undefined ? {} : { ref } }
}
