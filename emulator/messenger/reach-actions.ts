/**
 * People's actions that reach a page outside an ordinary conversation (docs §15–§17, §19): a comment on a page post
 * (or a visitor post), a tick of the checkbox plugin, recurring notifications' opt-in and opt-out, a Messenger lead
 * ad's form. Each queues what Facebook sends (a `feed` change, `messaging_optins`, `messaging_referrals`) in the
 * action's transaction (person-actions.ts).
 */
import { LIMITS } from '../facebook/limits.js'
import type { FeedChangeValue, MessageBody, NotificationOptin, PageChange, Referral } from '../facebook/webhook-types.js'
import type { NotificationFrequency, NotificationToken } from '../world/reach-tokens.js'
import { enqueuePageChange } from './fan-out.js'
import { emit, referralEvent } from './events.js'
import { ActionRefused, touch, type Ctx, type Handler, type Outcome } from './action-context.js'
import type { NotificationMessagesTemplate, OutgoingMessage } from './send-request.js'

const TOKEN_LIFETIME: Record<NotificationFrequency, number> = {
  DAILY: LIMITS.notificationTokenDailyMs.value,
  WEEKLY: LIMITS.notificationTokenWeeklyMs.value,
  MONTHLY: LIMITS.notificationTokenMonthlyMs.value,
}

/** How many of the thread's latest messages are searched for a recurring notifications request. */
const REQUEST_LOOKBACK = 100

const seconds = (ms: number) => Math.floor(ms / 1000)

/** A `feed` change by the person (docs §15): `from` names them as Facebook people are named on a page's feed. */
function feedChange(ctx: Ctx, value: Omit<FeedChangeValue, 'from' | 'verb' | 'created_time'>): PageChange {
  const change: PageChange = {
    field: 'feed',
    value: {
      from: { id: ctx.person.id, name: `${ctx.person.firstName} ${ctx.person.lastName}` },
      verb: 'add', created_time: seconds(ctx.now), ...value,
    },
  }
  enqueuePageChange(ctx.world, ctx.pageId, change)
  return change
}

function postOf(ctx: Ctx, postId: string | undefined) {
  if (postId !== undefined) {
    const post = ctx.world.posts.get(postId)
    if (!post || post.pageId !== ctx.pageId) {
      throw new ActionRefused(404, `No post ${postId} on page ${ctx.pageId}`, 'GET /_emulator/world lists pages[].posts.')
    }
    return post
  }
  const post = ctx.world.posts.ofPage(ctx.pageId).find((p) => p.personId === null)
  if (!post) {
    throw new ActionRefused(409, `Page ${ctx.pageId} has no posts to comment on`,
      'Give the page posts in the world document: "pages": [{…, "posts": [{"message": "…"}]}].')
  }
  return post
}

/** A recurring notifications request the page sent in this thread: the one with `mid`, or the latest. */
function shownRequest(ctx: Ctx, mid: string | undefined): NotificationMessagesTemplate {
  const templateOf = (body: unknown) => {
    const a = (body as OutgoingMessage).attachment
    return a?.type === 'template' && a.payload.template_type === 'notification_messages' ? a.payload : undefined
  }
  const messages = ctx.world.messages.window(ctx.pageId, ctx.person.id, REQUEST_LOOKBACK).messages
    .filter((m) => m.direction === 'page' && (mid === undefined || m.mid === mid))
  const request = messages.map((m) => templateOf(m.body)).filter((t) => t !== undefined).at(-1)
  if (!request) {
    throw new ActionRefused(409, mid === undefined ? 'No recurring notifications request is shown in this thread'
      : `Message ${mid} is not a recurring notifications request of this thread`,
    'The page sends one with the notification_messages template (inside the 24-hour window).')
  }
  return request
}

function notificationOptin(token: NotificationToken, status?: NotificationOptin['notification_messages_status']):
  NotificationOptin {
  return {
    type: 'notification_messages', payload: token.payload, title: token.title,
    notification_messages_token: token.token, notification_messages_frequency: token.frequency,
    notification_messages_timezone: token.timezone, token_expiry_timestamp: token.expiresAt,
    user_token_status: 'NOT_REFRESHED', ...(status ? { notification_messages_status: status } : {}),
  }
}

function optinOutcome(ctx: Ctx, token: NotificationToken, status?: NotificationOptin['notification_messages_status']):
  Outcome {
  const event = { sender: { id: ctx.psid }, recipient: { id: ctx.pageId }, timestamp: ctx.now,
    optin: notificationOptin(token, status) }
  return { events: [emit(ctx.world, ctx.pageId, 'messaging_optins', event)],
    extra: { notificationMessagesToken: token.token } }
}

/**
 * The person answers the page's message to their checkbox `user_ref` (docs §16): the answer carries
 * `prior_message`, linking the user_ref to the PSID, once.
 */
export function priorMessage(ctx: Ctx): Pick<MessageBody, 'prior_message'> {
  const userRef = ctx.world.reachTokens.unansweredUserRef(ctx.pageId, ctx.person.id)
  if (!userRef) return {}
  ctx.world.reachTokens.markUserRefAnswered(ctx.pageId, userRef.userRef)
  return { prior_message: { source: 'checkbox_plugin', identifier: userRef.userRef } }
}

export const REACH_HANDLERS: {
  comment: Handler<'comment'>; checkbox_optin: Handler<'checkbox_optin'>
  notification_optin: Handler<'notification_optin'>; notification_optout: Handler<'notification_optout'>
  lead_form: Handler<'lead_form'>
} = {
  // A comment opens no conversation: the page may answer it once privately (recipients.ts).
  comment: (ctx, a) => {
    if (a.visitorPost) {
      const post = ctx.world.posts.create({ pageId: ctx.pageId, personId: ctx.person.id, message: a.text })
      const change = feedChange(ctx, { item: 'post', post_id: post.id, message: a.text })
      return { events: [], changes: [change], extra: { postId: post.id } }
    }
    const post = postOf(ctx, a.postId)
    const comment = ctx.world.posts.comment({ postId: post.id, personId: ctx.person.id, message: a.text })
    const change = feedChange(ctx, {
      item: 'comment', post_id: post.id, comment_id: comment.id, parent_id: post.id, message: a.text,
      post: { id: post.id, status_type: 'mobile_status_update', is_published: true,
        updated_time: new Date(ctx.now).toISOString().replace(/\.\d+Z$/, '+0000'), promotion_status: 'inactive' },
    })
    return { events: [], changes: [change], extra: { postId: post.id, commentId: comment.id } }
  },

  // The checkbox plugin's opt-in names the person by the website's user_ref only: no sender (docs §16).
  checkbox_optin: (ctx, a) => {
    ctx.world.reachTokens.optIn({ pageId: ctx.pageId, userRef: a.userRef, personId: ctx.person.id, ref: a.ref ?? null,
      createdAt: ctx.now })
    const event = { recipient: { id: ctx.pageId }, timestamp: ctx.now,
      optin: { ...(a.ref !== undefined ? { ref: a.ref } : {}), user_ref: a.userRef } }
    return { events: [emit(ctx.world, ctx.pageId, 'messaging_optins', event)] }
  },

  // Tapping "Get messages" is an opt-in, an interaction that restarts the 24-hour window (docs §8).
  notification_optin: (ctx, a) => {
    const request = shownRequest(ctx, a.mid)
    touch(ctx)
    const mine = ctx.world.reachTokens.tokensOf(ctx.pageId, ctx.person.id)
      .find((t) => t.title === request.title && t.expiresAt > ctx.now)
    if (mine && !mine.stopped) {
      throw new ActionRefused(409, `Already opted in to "${request.title}"`, 'Opt out first (notification_optout).')
    }
    if (mine) {
      ctx.world.reachTokens.setStopped(mine.token, false)
      return optinOutcome(ctx, { ...mine, stopped: false }, 'RESUME_NOTIFICATIONS')
    }
    const token = ctx.world.reachTokens.addToken({
      token: ctx.world.ids.authCode(), pageId: ctx.pageId, personId: ctx.person.id, title: request.title,
      payload: request.payload, frequency: request.notification_messages_frequency,
      timezone: request.notification_messages_timezone ?? 'UTC', createdAt: ctx.now,
      expiresAt: ctx.now + TOKEN_LIFETIME[request.notification_messages_frequency],
    })
    return optinOutcome(ctx, token)
  },

  // "Stop these messages": the token stays, refused until the person resumes (docs §17).
  notification_optout: (ctx, a) => {
    const token = ctx.world.reachTokens.tokensOf(ctx.pageId, ctx.person.id)
      .find((t) => (a.token === undefined ? !t.stopped : t.token === a.token))
    if (!token) {
      throw new ActionRefused(409, a.token === undefined ? 'The person has no active recurring notifications here'
        : `No token ${a.token} of this person on this page`, 'Opt in first (notification_optin).')
    }
    ctx.world.reachTokens.setStopped(token.token, true)
    return optinOutcome(ctx, { ...token, stopped: true }, 'STOP_NOTIFICATIONS')
  },

  /**
   * A Messenger lead ad (docs §19): tapping it opens the thread from the ad (OPEN_THREAD), Messenger asks the form's
   * questions, and its end arrives as LEAD_COMPLETE or LEAD_INCOMPLETE. The European rules drop ad referrals (§7).
   */
  lead_form: (ctx, a) => {
    touch(ctx)
    if (ctx.restricted) return { events: [] }
    const referral = (type: Referral['type']): Referral =>
      ({ ...(a.ref !== undefined ? { ref: a.ref } : {}), source: 'ADS', type, ad_id: a.adId })
    const at = { pageId: ctx.pageId, psid: ctx.psid, timestamp: ctx.now }
    return { events: [
      emit(ctx.world, ctx.pageId, 'messaging_referrals', referralEvent(at, referral('OPEN_THREAD'))),
      emit(ctx.world, ctx.pageId, 'messaging_referrals',
        referralEvent(at, referral(a.complete ? 'LEAD_COMPLETE' : 'LEAD_INCOMPLETE'))),
    ] }
  },
}
