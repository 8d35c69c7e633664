/**
 * What is on the person's screen right now, as both their actions and the thread view need it: the quick replies
 * above the composer (those of the last page message, or of an ad's welcome, until the person answers; seed guide
 * "Reply") and the buttons of a message.
 */
import type { Conversation, AdWelcome } from '../world/conversations.js'
import type { StoredMessage } from '../world/messages.js'
import type { Button, OutgoingMessage, QuickReply } from './send-request.js'

export type ShownQuickReplies =
  | { source: 'message'; mid: string; items: QuickReply[] }
  | { source: 'ad'; welcome: AdWelcome; items: QuickReply[] }

/**
 * The quick replies shown, or undefined: they vanish as soon as anything follows them. `last` is the conversation's
 * newest message: nothing older matters, so no caller reads a whole thread for this.
 */
export function shownQuickReplies(last: StoredMessage | undefined, conversation: Conversation | undefined):
  ShownQuickReplies | undefined {
  const welcome = conversation?.adWelcome
  if (welcome && (last?.seq ?? 0) <= welcome.afterSeq) {
    const items = (welcome.quick_replies ?? []).map((q) => ({ content_type: 'text' as const, ...q }))
    return items.length ? { source: 'ad', welcome, items } : undefined
  }
  if (!last || last.direction !== 'page') return undefined
  const items = (last.body as OutgoingMessage).quick_replies
  return items?.length ? { source: 'message', mid: last.mid, items } : undefined
}

/** The buttons of a page message: a button template's, or those of one card of a generic or media template. */
export function buttonsOf(message: OutgoingMessage, element = 0): Button[] {
  const a = message.attachment
  if (a?.type !== 'template') return []
  const p = a.payload
  if (p.template_type === 'button') return p.buttons
  if (p.template_type === 'generic' || p.template_type === 'media') return p.elements[element]?.buttons ?? []
  return []
}
