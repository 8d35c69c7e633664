/**
 * Whom a Send API call reaches, and under which rule (docs §3.2 `recipient`, §15–§17):
 * - `id`: a PSID of the page; the 24-hour window and tags apply (window.ts).
 * - `comment_id` / `post_id`: a private reply, one per comment or visitor post of this page, within 7 days of it; it
 *   opens a thread, and only the person's answer opens the 24-hour window.
 * - `user_ref`: the checkbox plugin's opt-in; one message within 24 hours of it, answered without the PSID and with
 *   no echo, delivery or read event (Messenger Platform Team, "Upcoming breaking changes", 19 Feb 2018, quoted at
 *   https://wordpress.org/support/?p=9720557).
 * - `notification_messages_token`: recurring notifications; outside the window, at most once per period of the
 *   token's frequency, until it expires or the person stops the messages.
 * Each refusal is the catalogue's error (reach-errors.ts).
 */
import type { World } from '../world/world.js'
import type { Comment, Post } from '../world/posts.js'
import type { NotificationToken, UserRef } from '../world/reach-tokens.js'
import { graphError } from '../facebook/errors.js'
import { LIMITS } from '../facebook/limits.js'
import type { Recipient } from './send-request.js'

export type Reach =
  | { kind: 'psid' }
  | { kind: 'comment'; comment: Comment }
  | { kind: 'post'; post: Post }
  | { kind: 'user_ref'; userRef: UserRef }
  | { kind: 'notification'; token: NotificationToken }

export interface Reached { psid: string; personId: string; reach: Reach }

/** The person `recipient` names on this page, or the catalogue error that refuses the send. */
export function resolveRecipient(world: World, pageId: string, recipient: Recipient, now: number): Reached {
  const person = (personId: string, reach: Reach): Reached =>
    ({ psid: world.people.psidOn(personId, pageId), personId, reach })
  if ('id' in recipient) {
    const psid = world.people.byPsid(recipient.id)
    // A PSID of another page is as unknown to this page as a made-up one (docs §3.9).
    if (!psid || psid.pageId !== pageId) throw graphError('noMatchingUser')
    return { psid: psid.psid, personId: psid.personId, reach: { kind: 'psid' } }
  }
  const replyable = (createdAt: number, repliedMid: string | null) =>
    repliedMid === null && now - createdAt <= LIMITS.privateReplyWindowMs.value
  if ('comment_id' in recipient) {
    const comment = world.posts.getComment(recipient.comment_id)
    if (!comment || comment.pageId !== pageId || !replyable(comment.createdAt, comment.privateReplyMid)) {
      throw graphError('privateReplyInvalid', 'comment_id').because(why(comment, pageId, now))
    }
    return person(comment.personId, { kind: 'comment', comment })
  }
  if ('post_id' in recipient) {
    const post = world.posts.get(recipient.post_id)
    // Only a visitor post has someone to answer; the page's own posts do not.
    if (!post || post.pageId !== pageId || post.personId === null || !replyable(post.createdAt, post.privateReplyMid)) {
      throw graphError('privateReplyInvalid', 'post_id').because(why(post, pageId, now))
    }
    return person(post.personId, { kind: 'post', post })
  }
  if ('user_ref' in recipient) {
    const userRef = world.reachTokens.userRef(pageId, recipient.user_ref)
    if (!userRef || userRef.sentMid !== null || now - userRef.createdAt > LIMITS.userRefWindowMs.value) {
      throw graphError('userRefUnknown').because(!userRef ? 'no opt-in with this user_ref on the page'
        : userRef.sentMid !== null ? 'the user_ref had its one message' : 'more than 24 hours since the opt-in')
    }
    return person(userRef.personId, { kind: 'user_ref', userRef })
  }
  const token = world.reachTokens.token(recipient.notification_messages_token)
  if (!token || token.pageId !== pageId) throw graphError('notificationTokenInvalid')
  if (now >= token.expiresAt) throw graphError('notificationTokenExpired')
  if (token.stopped) throw graphError('notificationsStopped')
  if (token.lastSentAt !== null && periodOf(token.frequency, token.lastSentAt) === periodOf(token.frequency, now)) {
    throw graphError('notificationTooSoon').because(`already one this ${token.frequency.toLowerCase()} period`)
  }
  return person(token.personId, { kind: 'notification', token })
}

/** Why a private reply is refused, for the request journal (Facebook's message does not say). */
function why(target: { pageId: string; createdAt: number; privateReplyMid: string | null } | undefined,
  pageId: string, now: number): string {
  if (!target) return 'no such comment or post'
  if (target.pageId !== pageId) return 'it is on another page'
  if (target.privateReplyMid !== null) return 'it already has its private reply'
  if (now - target.createdAt > LIMITS.privateReplyWindowMs.value) return 'it is older than 7 days'
  return "it is the page's own post"
}

/**
 * The calendar period (UTC) a time falls in for a frequency: a day, an ISO week (from Monday) or a month. Facebook
 * counts in the token's time zone; the emulator counts in UTC, which differs only around midnight.
 */
export function periodOf(frequency: NotificationToken['frequency'], at: number): string {
  const d = new Date(at)
  if (frequency === 'MONTHLY') return `${d.getUTCFullYear()}-${d.getUTCMonth()}`
  const day = Math.floor(at / 86_400_000)
  // 1 Jan 1970 was a Thursday: day 4 of a week that starts on Monday is day 0 shifted by 3.
  return frequency === 'DAILY' ? `d${day}` : `w${Math.floor((day + 3) / 7)}`
}

/** After the message is stored: the reply, the user_ref's one message or the token's period are used up. */
export function recordReach(world: World, reach: Reach, mid: string, now: number): void {
  if (reach.kind === 'comment') world.posts.setPrivateReply('comment', reach.comment.id, mid)
  if (reach.kind === 'post') world.posts.setPrivateReply('post', reach.post.id, mid)
  if (reach.kind === 'user_ref') world.reachTokens.markUserRefSent(reach.userRef.pageId, reach.userRef.userRef, mid)
  if (reach.kind === 'notification') world.reachTokens.markTokenSent(reach.token.token, now)
}
