/**
 * The handover protocol (docs §9, §13), in the legacy role model the pages use: a page with a primary
 * receiver app hands each thread to one app at a time. Every thread starts with the primary receiver; the owner may
 * pass it to another app with a role (the Page Inbox always has one), the primary receiver may take it back, a
 * secondary receiver may ask for it, and the owner may release it to the primary receiver. The owner hears the
 * thread's events under `messaging`, every other app under `standby` (fan-out.ts), and only the owner may send.
 * A page without a primary receiver has no handover: every app may send and hears everything, as before roles.
 * Each change is told to the apps it concerns as a `messaging_handovers` event (docs §13: the new owner of a pass,
 * the previous owner of a take, the owner of a request).
 */
import type { World } from '../world/world.js'
import type { PageAppRoles } from '../world/app-roles.js'
import { graphError } from '../facebook/errors.js'
import { PAGE_INBOX } from '../facebook/handover.js'
import type { HandoverEvent } from '../facebook/webhook-types.js'
import { enqueueForApps } from './fan-out.js'
import { appsWithRole } from './thread-owner.js'

export interface HandoverCall {
  appId: string
  pageId: string
  psid: string
  metadata?: string | undefined
}

interface Thread { personId: string; owner: string; roles: PageAppRoles; now: number }

/** The thread a call names: a PSID of this page, on a page with handover. */
function thread(world: World, call: HandoverCall): Thread {
  const psid = world.people.byPsid(call.psid)
  if (!psid || psid.pageId !== call.pageId) throw graphError('noMatchingUser')
  const roles = world.appRoles.of(call.pageId)
  if (!roles.primaryReceiver) {
    throw graphError('notThreadOwner').because(`page ${call.pageId} has no primary receiver (App Roles)`)
  }
  const owner = world.conversations.get(call.pageId, psid.personId)?.threadOwnerAppId ?? roles.primaryReceiver
  return { personId: psid.personId, owner, roles, now: world.clock.now() }
}

function handover(world: World, call: HandoverCall, personId: string, newOwner: string): void {
  const { primaryReceiver } = world.appRoles.of(call.pageId)
  world.conversations.update(call.pageId, personId, { threadOwnerAppId: newOwner === primaryReceiver ? null : newOwner })
}

const metadataOf = (call: HandoverCall) => (call.metadata !== undefined ? { metadata: call.metadata } : {})
const between = (call: HandoverCall, now: number) =>
  ({ sender: { id: call.psid }, recipient: { id: call.pageId }, timestamp: now })

function tell(world: World, pageId: string, appId: string, event: HandoverEvent): void {
  enqueueForApps(world, pageId, 'messaging_handovers', event, [appId])
}

/** `POST /{page-id}/pass_thread_control`: the owner gives the thread to another app with a role. */
export function passThreadControl(world: World, call: HandoverCall & { targetAppId: string }): void {
  world.tx(() => {
    const t = thread(world, call)
    if (t.owner !== call.appId) throw graphError('notThreadOwner').because(`app ${t.owner} owns the thread`)
    if (!appsWithRole(t.roles).includes(call.targetAppId)) {
      throw graphError('handoverTargetInvalid').because(`target_app_id ${call.targetAppId} has no role on the page`)
    }
    handover(world, call, t.personId, call.targetAppId)
    tell(world, call.pageId, call.targetAppId, {
      ...between(call, t.now),
      pass_thread_control: { previous_owner_app_id: call.appId, new_owner_app_id: call.targetAppId, ...metadataOf(call) },
    })
  })
}

/** `POST /{page-id}/take_thread_control`: the primary receiver takes the thread back from whoever has it. */
export function takeThreadControl(world: World, call: HandoverCall): void {
  world.tx(() => {
    const t = thread(world, call)
    if (call.appId !== t.roles.primaryReceiver && call.appId !== PAGE_INBOX.id) {
      throw graphError('notPrimaryReceiver').because(`app ${call.appId} is not the page's primary receiver`)
    }
    if (t.owner === call.appId) return
    handover(world, call, t.personId, call.appId)
    tell(world, call.pageId, t.owner, {
      ...between(call, t.now),
      take_thread_control: { previous_owner_app_id: t.owner, new_owner_app_id: call.appId, ...metadataOf(call) },
    })
  })
}

/** `POST /{page-id}/request_thread_control`: an app with a role asks the owner for the thread. */
export function requestThreadControl(world: World, call: HandoverCall): void {
  world.tx(() => {
    const t = thread(world, call)
    if (!appsWithRole(t.roles).includes(call.appId) || t.owner === call.appId) {
      throw graphError('notThreadOwner').because(t.owner === call.appId ? 'the app already owns the thread'
        : `app ${call.appId} has no role on the page`)
    }
    tell(world, call.pageId, t.owner, {
      ...between(call, t.now), request_thread_control: { requested_owner_app_id: call.appId, ...metadataOf(call) },
    })
  })
}

/**
 * `POST /{page-id}/release_thread_control`: the owner gives the thread back to the primary receiver, which is told as
 * by a pass (an inference from the legacy docs, unverified).
 */
export function releaseThreadControl(world: World, call: HandoverCall): void {
  world.tx(() => {
    const t = thread(world, call)
    if (t.owner !== call.appId) throw graphError('notThreadOwner').because(`app ${t.owner} owns the thread`)
    const primary = t.roles.primaryReceiver!
    if (primary === call.appId) return
    handover(world, call, t.personId, primary)
    tell(world, call.pageId, primary, {
      ...between(call, t.now),
      pass_thread_control: { previous_owner_app_id: call.appId, new_owner_app_id: primary, ...metadataOf(call) },
    })
  })
}

/**
 * The page's admin sets the app roles (Messenger settings › App Roles). Every app whose role changed is told its
 * new roles with an `app_roles` event (docs §13); threads owned by an app that lost its role go back to the primary.
 */
export function setAppRoles(world: World, pageId: string, roles: PageAppRoles): PageAppRoles {
  return world.tx(() => {
    const before = world.appRoles.of(pageId)
    world.appRoles.set(pageId, roles)
    const after = world.appRoles.of(pageId)
    const roleOf = (r: PageAppRoles, appId: string) => r.primaryReceiver === appId ? ['primary_receiver']
      : r.secondaryReceivers.includes(appId) ? ['secondary_receiver'] : []
    const apps = new Set([...appsWithRole(before), ...appsWithRole(after)])
    apps.delete(PAGE_INBOX.id)
    const now = world.clock.now()
    for (const appId of apps) {
      const role = roleOf(after, appId)
      if (role.join() === roleOf(before, appId).join()) continue
      tell(world, pageId, appId, { recipient: { id: pageId }, timestamp: now, app_roles: { [appId]: role } })
    }
    world.conversations.resetThreadOwners(pageId, appsWithRole(after))
    return after
  })
}
