/**
 * What a person sees in their Messenger thread with a page, rendered for their client (web, iOS, Android): the
 * newest bubbles both ways in order (earlier ones a window at a time), quick replies above the composer, carousels and buttons, the typing indicator, the
 * seen/delivered/read marks, the persistent menu and the Get Started button. Reading it changes nothing.
 * Under the European rules (eea.ts) non-image media from the business renders as a link, and templates and buttons
 * do not render on the web client (seed guide "Impact of Messenger API Updates for Europe"). Labels past their
 * documented length (quick-reply, button, card and menu titles) show cut with "…", as on Facebook (docs §21).
 */
import type { World } from '../world/world.js'
import type { Platform } from '../world/people.js'
import type { StoredMessage } from '../world/messages.js'
import type { Conversation } from '../world/conversations.js'
import type { MessageBody } from '../facebook/webhook-types.js'
import type {
  ThreadAttachment, ThreadBubble, ThreadButton, ThreadMenuItem, ThreadPersona, ThreadTemplate, ThreadView,
} from './thread-types.js'
import { ActionRefused } from './person-actions.js'
import { conversationIsEeaRestricted } from './eea.js'
import { shownQuickReplies } from './thread-state.js'
import { windowClosesAt } from './window.js'
import type { Button, OutgoingMessage, Template } from './send-request.js'
import { shownCut, type CutLimitName } from '../facebook/limits.js'

/** What the web client shows instead of a template or buttons in a restricted conversation. */
export const OPEN_ON_PHONE = "This message can't be displayed here. Open it in the Messenger app on your phone."

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString())
const NON_IMAGE_MEDIA = new Set(['audio', 'video', 'file'])

/** A title as the person sees it, with the whole one beside it when it shows cut (so a tap can send it whole). */
function label(limit: CutLimitName, title: string): { title: string; fullTitle?: string } {
  const shown = shownCut(limit, title)
  return shown === title ? { title } : { title: shown, fullTitle: title }
}

export function renderButtons(buttons: readonly Button[]): ThreadButton[] {
  return buttons.map((b, index) => ({
    index, type: b.type,
    ...('title' in b ? label('buttonTitleMax', b.title) : { title: b.type === 'account_link' ? 'Log In' : 'Log Out' }),
    ...('url' in b ? { url: b.url } : {}), ...('payload' in b && b.payload !== undefined ? { payload: b.payload } : {}),
  }))
}

function renderTemplate(t: Template): ThreadTemplate {
  switch (t.template_type) {
    case 'generic':
      return {
        type: 'carousel', imageAspectRatio: t.image_aspect_ratio ?? 'horizontal',
        cards: t.elements.map((e, index) => ({
          index, title: shownCut('elementTitleMax', e.title),
          ...(e.subtitle ? { subtitle: shownCut('elementSubtitleMax', e.subtitle) } : {}),
          ...(e.image_url ? { imageUrl: e.image_url } : {}),
          ...(e.default_action ? { defaultActionUrl: e.default_action.url } : {}), buttons: renderButtons(e.buttons ?? []),
        })),
      }
    case 'button':
      return { type: 'buttons', text: t.text, buttons: renderButtons(t.buttons) }
    case 'media': {
      const e = t.elements[0]!
      return { type: 'media', mediaType: e.media_type, ...(e.url ? { url: e.url } : {}), buttons: renderButtons(e.buttons ?? []) }
    }
    case 'receipt':
      return {
        type: 'receipt', recipientName: t.recipient_name, orderNumber: t.order_number, currency: t.currency,
        paymentMethod: t.payment_method, totalCost: t.summary.total_cost,
        items: (t.elements ?? []).map((e) => ({ title: e.title, price: e.price, ...(e.quantity ? { quantity: e.quantity } : {}) })),
      }
  }
}

/** A page message as this client shows it. */
export function renderPageContent(message: OutgoingMessage, platform: Platform, restricted: boolean):
  Pick<ThreadBubble, 'kind' | 'text' | 'attachments' | 'template' | 'placeholder'> {
  const a = message.attachment
  if (!a) return { kind: 'text', text: message.text! }
  if (a.type === 'template') {
    if (restricted && platform === 'web') return { kind: 'template', placeholder: OPEN_ON_PHONE }
    return { kind: 'template', template: renderTemplate(a.payload) }
  }
  const link = restricted && NON_IMAGE_MEDIA.has(a.type)
  return { kind: 'attachment', attachments: [{ type: a.type, url: a.payload.url!, renderedAs: link ? 'link' : 'inline' }] }
}

/**
 * The persona a page message or typing indicator was sent as, as the person sees it; none in a conversation under
 * the European rules, where personas do not work (docs §7, §12: Facebook's sample app drops persona_id there).
 */
function personaOf(world: World, personaId: string | null | undefined, restricted: boolean): ThreadPersona | undefined {
  const persona = personaId && !restricted ? world.personas.get(personaId) : undefined
  if (!persona) return undefined
  const page = world.pages.get(persona.pageId)
  return { id: persona.id, name: persona.name, pictureUrl: persona.profilePictureUrl,
    label: `${persona.name} (from ${page?.name ?? persona.pageId})` }
}

function pageBubble(world: World, m: StoredMessage, c: Conversation | undefined, platform: Platform,
  restricted: boolean): ThreadBubble {
  const status = (c?.readWatermark ?? -1) >= m.createdAt ? 'read'
    : (c?.deliveredWatermark ?? -1) >= m.createdAt ? 'delivered' : 'sent'
  const persona = personaOf(world, m.personaId, restricted)
  return {
    mid: m.mid, from: 'page', time: iso(m.createdAt)!, inHistory: true,
    ...renderPageContent(m.body as OutgoingMessage, platform, restricted), status, ...(persona ? { persona } : {}),
  }
}

function personBubble(m: StoredMessage, c: Conversation | undefined): ThreadBubble {
  const seen = (c?.pageSeenWatermark ?? -1) >= m.createdAt
  const base = { mid: m.mid, from: 'person' as const, time: iso(m.createdAt)!, inHistory: true, seen }
  if (m.kind === 'postback') {
    const p = m.body as { title: string; payload: string }
    return { ...base, kind: 'postback', text: p.title, payload: p.payload }
  }
  const body = m.body as unknown as MessageBody
  if (body.attachments?.length) {
    const attachments = body.attachments.map((x): ThreadAttachment => ({
      type: x.type as ThreadAttachment['type'], ...(x.payload.url ? { url: x.payload.url } : {}),
      ...(x.payload.coordinates ? { coordinates: x.payload.coordinates } : {}), renderedAs: 'inline',
    }))
    return { ...base, kind: 'attachment', attachments }
  }
  return { ...base, kind: 'text', text: body.text!, ...(body.quick_reply ? { payload: body.quick_reply.payload } : {}) }
}

function welcomeBubble(c: Conversation, platform: Platform, restricted: boolean): ThreadBubble {
  const w = c.adWelcome!
  const buttons = renderButtons((w.buttons ?? []) as Button[])
  const hidden = buttons.length > 0 && restricted && platform === 'web'
  return {
    mid: null, from: 'page', kind: 'ad_welcome', time: iso(w.shownAt)!, inHistory: false, text: w.text,
    ...(hidden ? { placeholder: OPEN_ON_PHONE } : buttons.length ? { buttons } : {}),
  }
}

function menuFor(world: World, pageId: string, locale: string): { items: ThreadMenuItem[]; composerInputDisabled: boolean } {
  const menus = world.messengerProfiles.get(pageId)?.persistent_menu ?? []
  const menu = menus.find((m) => m.locale === locale) ?? menus.find((m) => m.locale === 'default')
  return {
    items: (menu?.call_to_actions ?? []).map((i, index) => ({
      index, type: i.type, ...label('menuItemTitleMax', i.title), ...(i.url ? { url: i.url } : {}),
      ...(i.payload ? { payload: i.payload } : {}),
    })),
    composerInputDisabled: menu?.composer_input_disabled ?? false,
  }
}

/** Which part of a thread to show: the newest `limit` messages before the message `before` (a mid), or the newest. */
export interface ThreadWindow { before?: string | undefined; limit?: number | undefined }

/**
 * Messages a thread view shows at once unless asked for more, and the most it shows: a thread of 100,000 messages
 * drawn whole was 32 MB of HTML (issue 14). Earlier ones are a `before` away (`ThreadView.earlier`).
 */
export const THREAD_WINDOW = { default: 50, max: 500 } as const

/** The seq before which the window ends: the message `before` of this conversation, or the end. */
function windowEnd(world: World, pageId: string, personId: string, before: string | undefined): number | undefined {
  if (before === undefined) return undefined
  const m = world.messages.get(before)
  if (!m || m.pageId !== pageId || m.personId !== personId) {
    throw new ActionRefused(404, `No message ${before} in this thread`,
      'Pass as before the earlier value of a thread view of this person and page.')
  }
  return m.seq
}

export function renderThread(world: World, personId: string, pageId: string, platformOverride?: Platform,
  window: ThreadWindow = {}): ThreadView {
  const person = world.people.get(personId)
  if (!person) throw new ActionRefused(404, `No person ${personId} in the world`, "GET /_emulator/world lists every person's id.")
  if (!world.pages.get(pageId)) throw new ActionRefused(404, `No page ${pageId} in the world`, "GET /_emulator/world lists every page's id.")
  const platform = platformOverride ?? person.platform
  const c = world.conversations.get(pageId, personId)
  const shownWindow = world.messages.window(pageId, personId, window.limit ?? THREAD_WINDOW.default,
    windowEnd(world, pageId, personId, window.before))
  const { messages } = shownWindow
  const last = world.messages.last(pageId, personId)
  const restricted = conversationIsEeaRestricted(world, pageId, personId)
  const now = world.clock.now()

  const bubbles: ThreadBubble[] = []
  // An ad's welcome shown before any message belongs at the very start: on the window that reaches it.
  if (c?.adWelcome && c.adWelcome.afterSeq === 0 && !shownWindow.earlier) bubbles.push(welcomeBubble(c, platform, restricted))
  for (const m of messages) {
    bubbles.push(m.direction === 'page' ? pageBubble(world, m, c, platform, restricted) : personBubble(m, c))
    if (c?.adWelcome && c.adWelcome.afterSeq === m.seq) bubbles.push(welcomeBubble(c, platform, restricted))
  }
  const shown = shownQuickReplies(last, c)
  // A business under the European rules cannot show a persistent menu (seed guide; refusal is in profile-rules.ts).
  const menu = restricted ? { items: [], composerInputDisabled: false } : menuFor(world, pageId, person.locale)
  const getStarted = world.messengerProfiles.get(pageId)?.get_started
  return {
    personId, pageId, psid: world.people.psids(personId)[pageId] ?? null, platform, restricted, bubbles,
    earlier: shownWindow.earlier ? messages[0]!.mid : null,
    quickReplies: (shown?.items ?? []).map((q, index) =>
      ({ index, ...q, ...(q.title === undefined ? {} : label('quickReplyTitleMax', q.title)) })),
    typing: typingOf(world, c, now, restricted),
    marks: {
      seenByPage: iso(c?.pageSeenWatermark), readByPerson: iso(c?.readWatermark),
      deliveredToPerson: iso(c?.deliveredWatermark),
    },
    persistentMenu: menu.items, composerInputDisabled: menu.composerInputDisabled,
    getStarted: { shown: last === undefined && getStarted !== undefined, ...(getStarted ? { payload: getStarted.payload } : {}) },
    blocked: c?.blocked ?? false,
    windowClosesAt: iso(windowClosesAt(c?.lastPersonAt ?? null, now)),
  }
}

function typingOf(world: World, c: Conversation | undefined, now: number, restricted: boolean): ThreadView['typing'] {
  const page = (c?.pageTypingUntil ?? 0) > now
  const persona = page ? personaOf(world, c?.pageTypingPersonaId, restricted) : undefined
  return { page, person: (c?.personTypingUntil ?? 0) > now, ...(persona ? { persona } : {}) }
}
