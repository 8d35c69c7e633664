/**
 * What the page's people do in Facebook's Page Inbox (Meta Business Suite), which is an app of its own under the
 * handover protocol (facebook/handover.ts PAGE_INBOX): answering a person takes the thread for the Inbox (the
 * previous owner is told with `take_thread_control`) and sends a message whose echo carries the Inbox's app id
 * (docs §4.4: "messages sent from the Page inbox have the inbox app id"); "Move to Done" passes the thread back to the
 * primary receiver. On a page without handover a reply is only a message and its echo.
 */
import type { World } from '../world/world.js'
import { graphError } from '../facebook/errors.js'
import { PAGE_INBOX } from '../facebook/handover.js'
import { conversationIsEeaRestricted } from './eea.js'
import { passThreadControl, takeThreadControl } from './handover.js'
import { storePageMessage } from './page-send.js'
import { threadOwner } from './thread-owner.js'

export interface InboxReplyResult { mid: string; threadOwnerAppId: string | null }

export function inboxReply(world: World, pageId: string, psid: string, text: string): InboxReplyResult {
  return world.tx(() => {
    const person = world.people.byPsid(psid)
    if (!person || person.pageId !== pageId) throw graphError('noMatchingUser')
    if (world.conversations.get(pageId, person.personId)?.blocked) throw graphError('personUnavailable')
    const call = { appId: PAGE_INBOX.id, pageId, psid }
    if (world.appRoles.of(pageId).primaryReceiver) takeThreadControl(world, call)
    const mid = storePageMessage(world, {
      appId: PAGE_INBOX.id, pageId, personId: person.personId, psid, message: { text },
      restricted: conversationIsEeaRestricted(world, pageId, person.personId), messagingType: 'RESPONSE', tag: null,
      notificationType: 'REGULAR', personaId: null,
    })
    return { mid, threadOwnerAppId: threadOwner(world, pageId, person.personId) ?? null }
  })
}

/** "Move to Done": the Inbox gives the thread back to the page's primary receiver. */
export function inboxDone(world: World, pageId: string, psid: string): { threadOwnerAppId: string | null } {
  return world.tx(() => {
    const primary = world.appRoles.of(pageId).primaryReceiver
    if (!primary) throw graphError('notThreadOwner').because(`page ${pageId} has no primary receiver (App Roles)`)
    passThreadControl(world, { appId: PAGE_INBOX.id, pageId, psid, targetAppId: primary })
    return { threadOwnerAppId: primary }
  })
}
