/**
 * The standard messaging window (docs §8, policy effective 15 Jan 2020): a page may message a person within 24 hours
 * of the person's last action (a message, a postback or Get Started or persistent-menu tap, a quick reply, a referral,
 * an opt-in); each action restarts it. Outside it only `MESSAGE_TAG` with a permitted tag goes through; HUMAN_AGENT
 * stretches the window to 7 days and needs App Review approval.
 * Source: https://developers.facebook.com/docs/messenger-platform/policy/policy-overview ,
 * https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags
 */
import { LIMITS } from '../facebook/limits.js'
import type { GraphErrorName } from '../facebook/errors.js'
import type { MessageTag, MessagingType } from './send-request.js'

export interface WindowInput {
  /** Emulator ms of the person's last action, null when they never acted. */
  lastPersonAt: number | null
  now: number
  messagingType: MessagingType
  tag?: MessageTag | undefined
  humanAgentApproved: boolean
}

/** Tags that may be sent at any time after the window (non-promotional updates, docs §8). */
const ANYTIME_TAGS: ReadonlySet<MessageTag> = new Set(['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE'])

/** Whether `now` lies within `lengthMs` of the person's last action. */
export function isWithin(lastPersonAt: number | null, now: number, lengthMs: number): boolean {
  return lastPersonAt !== null && now - lastPersonAt <= lengthMs
}

/** When the standard window closes (ms), or null when it is not open. */
export function windowClosesAt(lastPersonAt: number | null, now: number): number | null {
  const standard = LIMITS.standardWindowMs.value
  return isWithin(lastPersonAt, now, standard) ? lastPersonAt! + standard : null
}

/** The catalogue error that refuses this send, or undefined when the window rules allow it. */
export function windowRefusal(input: WindowInput): GraphErrorName | undefined {
  const { lastPersonAt, now, messagingType, tag } = input
  if (messagingType === 'MESSAGE_TAG' && tag === 'HUMAN_AGENT') {
    if (!input.humanAgentApproved) return 'humanAgentNotApproved'
    return isWithin(lastPersonAt, now, LIMITS.humanAgentWindowMs.value) ? undefined : 'outsideWindow'
  }
  if (messagingType === 'MESSAGE_TAG' && tag && ANYTIME_TAGS.has(tag)) return undefined
  return isWithin(lastPersonAt, now, LIMITS.standardWindowMs.value) ? undefined : 'outsideWindow'
}
