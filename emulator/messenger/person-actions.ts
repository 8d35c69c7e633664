/**
 * People's actions on Messenger turned into what Messenger does with them (docs §4.4, §8; seed guide "Reply",
 * "Click-to-Messenger Ads", "Impact of Messenger API Updates for Europe"): the message or postback is stored in the
 * thread, the 24-hour window restarts, and the webhook events are queued, all in one transaction. First contact
 * gives the person a PSID on the page. Comments, plugin opt-ins, recurring notifications and lead ads are in
 * reach-actions.ts.
 */
import type { World } from '../world/world.js'
import type { Person } from '../world/people.js'
import { LIMITS } from '../facebook/limits.js'
import type { MessageBody, Referral } from '../facebook/webhook-types.js'
import type { PersonActionResult } from './thread-types.js'
import type { PersonAction, PersonActionType } from './person-action-schema.js'
import { conversationIsEeaRestricted } from './eea.js'
import { emit, messageEvent, optinEvent, postbackEvent, readEvent, referralEvent } from './events.js'
import { buttonsOf, shownQuickReplies } from './thread-state.js'
import { messageNlp } from './nlp.js'
import { ActionRefused, between, store, touch, type Ctx, type Handler, type Outcome } from './action-context.js'
import { REACH_HANDLERS, priorMessage } from './reach-actions.js'
import type { Button, OutgoingMessage, QuickReply } from './send-request.js'

export { ActionRefused }

/** Media a person in a restricted conversation cannot send (docs §7: "receive of non-image attachments"). */
const RESTRICTED_MEDIA = new Set(['audio', 'video', 'file'])

export function performPersonAction(world: World, personId: string, action: PersonAction):
  Promise<PersonActionResult> {
  // One write of the next group commit (world/group-commit.ts): answered once committed, refused alone.
  return world.commit((): PersonActionResult => {
    const person = world.people.get(personId)
    if (!person) throw new ActionRefused(404, `No person ${personId} in the world`, "GET /_emulator/world lists every person's id.")
    const page = world.pages.get(action.pageId)
    if (!page) throw new ActionRefused(404, `No page ${action.pageId} in the world`, "GET /_emulator/world lists every page's id.")
    const psid = world.people.psidOn(personId, page.id)
    const ctx: Ctx = {
      world, person, pageId: page.id, psid, conversation: world.conversations.open(page.id, personId),
      restricted: conversationIsEeaRestricted(world, page.id, personId), now: world.clock.now(),
    }
    const outcome = (HANDLERS[action.type] as Handler<PersonActionType>)(ctx, action)
    return {
      personId, pageId: page.id, psid, type: action.type, ...(outcome.mid ? { mid: outcome.mid } : {}),
      restricted: ctx.restricted, events: outcome.events, ...(outcome.changes ? { changes: outcome.changes } : {}),
      ...outcome.extra,
    }
  })
}

/** A message from the person: stored, window restarted, `messages` event queued. */
function sendMessage(ctx: Ctx, body: Omit<MessageBody, 'mid'>): Outcome {
  const mid = ctx.world.ids.mid()
  const message: MessageBody = { mid, ...body, ...priorMessage(ctx) }
  store(ctx, mid, 'message', message as unknown as Record<string, unknown>)
  touch(ctx)
  // Built-in NLP rides on the webhook only: the thread shows what the person typed (docs §18).
  const nlp = body.text === undefined ? undefined : messageNlp(ctx.world, ctx.pageId, ctx.person.id, body.text)
  const event = messageEvent(between(ctx), nlp ? { ...message, nlpv2: nlp } : message)
  return { mid, events: [emit(ctx.world, ctx.pageId, 'messages', event)] }
}

function postback(ctx: Ctx, title: string, payload: string, referral?: Referral): Outcome {
  const mid = ctx.world.ids.mid()
  store(ctx, mid, 'postback', { title, payload, mid })
  touch(ctx)
  const event = postbackEvent(between(ctx), { title, payload, mid, referral })
  return { mid, events: [emit(ctx.world, ctx.pageId, 'messaging_postbacks', event)] }
}

/** The referral of the conversation's ad, unless the European rules drop ad referrals (docs §7). */
function adReferral(ctx: Ctx): Referral | undefined {
  const ad = ctx.conversation.adWelcome
  if (!ad || ctx.restricted) return undefined
  return { ...(ad.ref ? { ref: ad.ref } : {}), source: 'ADS', type: 'OPEN_THREAD', ad_id: ad.adId }
}

/** What a contact quick reply sends: the person's details (the emulator's people have example ones). */
function contactValue(person: Person, type: QuickReply['content_type']): string {
  if (type === 'user_email') return `${person.firstName}.${person.lastName}@example.com`.toLowerCase()
  return `+1555${person.id.slice(-7)}`
}

function tappedButton(ctx: Ctx, action: Extract<PersonAction, { type: 'postback' }>): Button & { ad: boolean } {
  if (action.payload !== undefined && action.title !== undefined && action.index === undefined) {
    return { type: 'postback', title: action.title, payload: action.payload, ad: false }
  }
  const index = action.index!
  let buttons: Button[]
  if (action.adWelcome) {
    const welcome = ctx.conversation.adWelcome
    if (!welcome) throw new ActionRefused(409, 'No ad welcome message is shown in this thread', 'Click an ad first (type ad_click).')
    buttons = (welcome.buttons ?? []) as Button[]
  } else {
    if (action.mid === undefined) throw new ActionRefused(409, 'Which message? Give the mid of the message with the button')
    const m = ctx.world.messages.get(action.mid)
    if (!m || m.pageId !== ctx.pageId || m.personId !== ctx.person.id || m.direction !== 'page') {
      throw new ActionRefused(409, `No page message ${action.mid} in this thread`, 'GET the thread for the mids shown.')
    }
    buttons = buttonsOf(m.body as OutgoingMessage, action.element ?? 0)
  }
  const button = buttons[index]
  if (!button) throw new ActionRefused(409, `There is no button ${index} there (it has ${buttons.length})`)
  return { ...button, ad: action.adWelcome === true }
}

const HANDLERS: { [T in PersonActionType]: Handler<T> } = {
  text: (ctx, a) => {
    if (a.replyTo !== undefined && ctx.world.messages.get(a.replyTo)?.pageId !== ctx.pageId) {
      throw new ActionRefused(409, `No message ${a.replyTo} in this thread to reply to`)
    }
    return sendMessage(ctx, { text: a.text, ...(a.replyTo ? { reply_to: { mid: a.replyTo } } : {}) })
  },

  attachment: (ctx, a) => {
    if (ctx.restricted && RESTRICTED_MEDIA.has(a.attachmentType)) {
      throw new ActionRefused(409, `People in conversations under the European privacy rules cannot send ${a.attachmentType} ` +
        'attachments', `Send the link instead: {"type": "text", "text": "${a.url}"}.`)
    }
    const payload = a.attachmentType === 'location' ? { coordinates: a.coordinates! } : { url: a.url! }
    return sendMessage(ctx, { attachments: [{ type: a.attachmentType, payload }] })
  },

  quick_reply: (ctx, a) => {
    const shown = shownQuickReplies(ctx.world.messages.last(ctx.pageId, ctx.person.id), ctx.conversation)
    if (!shown) {
      throw new ActionRefused(409, 'No quick replies are shown in this thread',
        'Quick replies show above the composer with the last page message and vanish once the person answers.')
    }
    const index = a.index ?? shown.items.findIndex((q) => q.payload === a.payload)
    const reply = shown.items[index]
    if (!reply) throw new ActionRefused(409, `No quick reply ${a.index ?? `with payload ${a.payload}`} is shown`)
    const text = reply.title ?? contactValue(ctx.person, reply.content_type)
    const referral = shown.source === 'ad' ? adReferral(ctx) : undefined
    return sendMessage(ctx, { text, quick_reply: { payload: reply.payload ?? text }, ...(referral ? { referral } : {}) })
  },

  postback: (ctx, a) => {
    const button = tappedButton(ctx, a)
    if (button.type !== 'postback') {
      throw new ActionRefused(409, `That is a ${button.type} button: Messenger opens it on the device and sends no webhook`,
        'Only postback buttons send messaging_postbacks.')
    }
    return postback(ctx, button.title, button.payload, button.ad ? adReferral(ctx) : undefined)
  },

  get_started: (ctx) => {
    const payload = ctx.world.messengerProfiles.get(ctx.pageId)?.get_started?.payload
    if (payload === undefined) {
      throw new ActionRefused(409, 'The page has no Get Started button',
        'Set it with POST /me/messenger_profile {"get_started": {"payload": "…"}}.')
    }
    if (ctx.world.messages.last(ctx.pageId, ctx.person.id)) {
      throw new ActionRefused(409, 'Get Started shows only on a new thread', 'Send a text instead.')
    }
    // An m.me referral on a new thread rides on the Get Started postback (docs §4.4); EEA keeps it (docs §7).
    const referral = ctx.conversation.pendingReferral ?? undefined
    ctx.world.conversations.update(ctx.pageId, ctx.person.id, { pendingReferral: null })
    return postback(ctx, 'Get Started', payload, referral)
  },

  read: (ctx) => {
    if (ctx.restricted) {
      throw new ActionRefused(409, 'Read receipts are unavailable in conversations under the European privacy rules',
        'The seed guide: "A business and its users will be unable to trigger or receive message read events."')
    }
    ctx.world.conversations.update(ctx.pageId, ctx.person.id, { readWatermark: ctx.now, deliveredWatermark: ctx.now })
    return { events: [emit(ctx.world, ctx.pageId, 'message_reads', readEvent(between(ctx), ctx.now))] }
  },

  typing: (ctx, a) => {
    const until = a.on === false ? null : ctx.now + LIMITS.typingIndicatorMs.value
    ctx.world.conversations.update(ctx.pageId, ctx.person.id, { personTypingUntil: until })
    return { events: [] }
  },

  referral: (ctx, a) => {
    const referral: Referral = { ...(a.ref ? { ref: a.ref } : {}), source: a.source ?? 'SHORTLINK', type: 'OPEN_THREAD' }
    const isNew = !ctx.world.messages.last(ctx.pageId, ctx.person.id)
    if (isNew && ctx.world.messengerProfiles.get(ctx.pageId)?.get_started) {
      ctx.world.conversations.update(ctx.pageId, ctx.person.id, { pendingReferral: referral })
      return { events: [] }
    }
    touch(ctx)
    // Under the European rules only m.me referrals still arrive (docs §7).
    if (ctx.restricted && referral.source !== 'SHORTLINK') return { events: [] }
    return { events: [emit(ctx.world, ctx.pageId, 'messaging_referrals', referralEvent(between(ctx), referral))] }
  },

  ad_click: (ctx, a) => {
    const last = ctx.world.messages.last(ctx.pageId, ctx.person.id)
    ctx.world.conversations.update(ctx.pageId, ctx.person.id, {
      adWelcome: { adId: a.adId, ...(a.ref ? { ref: a.ref } : {}), ...a.welcome, afterSeq: last?.seq ?? 0, shownAt: ctx.now },
    })
    // The welcome message is shown, never stored or sent; on an existing thread the ad's referral arrives at once.
    if (!last) return { events: [] }
    touch(ctx)
    const referral = adReferral({ ...ctx, conversation: ctx.world.conversations.get(ctx.pageId, ctx.person.id)! })
    return { events: referral ? [emit(ctx.world, ctx.pageId, 'messaging_referrals', referralEvent(between(ctx), referral))] : [] }
  },

  // An opt-in is an interaction that restarts the 24-hour window (docs §8).
  optin: (ctx, a) => {
    touch(ctx)
    return { events: [emit(ctx.world, ctx.pageId, 'messaging_optins', optinEvent(between(ctx), a.ref))] }
  },

  block: (ctx) => (ctx.world.conversations.update(ctx.pageId, ctx.person.id, { blocked: true }), { events: [] }),
  unblock: (ctx) => (ctx.world.conversations.update(ctx.pageId, ctx.person.id, { blocked: false }), { events: [] }),

  ...REACH_HANDLERS,
}
