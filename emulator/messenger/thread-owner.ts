/**
 * Who controls a thread under the handover protocol (handover.ts): what the Send API and the webhook fan-out ask on
 * every call, so it reads only cached roles for a page without handover.
 */
import type { World } from '../world/world.js'
import type { PageAppRoles } from '../world/app-roles.js'
import { graphError } from '../facebook/errors.js'
import { PAGE_INBOX } from '../facebook/handover.js'
import type { MessagingEvent } from '../facebook/webhook-types.js'

/** The apps with a role on the page, the Page Inbox included. */
export function appsWithRole(roles: PageAppRoles): string[] {
  return [...(roles.primaryReceiver ? [roles.primaryReceiver] : []), ...roles.secondaryReceivers, PAGE_INBOX.id]
}

/** Who controls the thread of this page and person, or undefined when the page has no handover. */
export function threadOwner(world: World, pageId: string, personId: string): string | undefined {
  const { primaryReceiver } = world.appRoles.of(pageId)
  if (!primaryReceiver) return undefined
  return world.conversations.get(pageId, personId)?.threadOwnerAppId ?? primaryReceiver
}

/** The Send API's check: on a page with handover only the thread owner sends (docs §13, 10/2018300). */
export function checkThreadControl(world: World, appId: string, pageId: string, personId: string): void {
  const owner = threadOwner(world, pageId, personId)
  if (owner !== undefined && owner !== appId) {
    throw graphError('threadControlledByAnotherApp').because(`app ${owner} controls the thread`)
  }
}

/** Which apps hear a page event as its thread's owner: undefined (no handover) or the owner's app id. */
export function ownerOfEvent(world: World, pageId: string, event: MessagingEvent): string | undefined {
  if (!world.appRoles.of(pageId).primaryReceiver) return undefined
  const psid = event.sender.id === pageId ? event.recipient.id : event.sender.id
  const person = world.people.byPsid(psid)
  return person && person.pageId === pageId ? threadOwner(world, pageId, person.personId) : undefined
}
