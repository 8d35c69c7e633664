/**
 * Who hears a Messenger event: where every event enters webhook delivery. An event reaches an app only when both
 * halves of the subscription hold (docs §5): the app's `page` subscription is active and has the field, and the page
 * is subscribed to the app with that field. Each such app gets one outbox row, written in the caller's transaction,
 * so the event and its deliveries are committed together (DESIGN principle 5); the delivery worker
 * (webhooks/delivery.ts), told by the outbox that rows were queued, sends them afterwards.
 *
 * On a page with the handover protocol (handover.ts) the thread's owner hears the event under `messaging` and every
 * other app subscribed to `standby` hears it under `standby` instead (docs §9, §13).
 */
import type { World } from '../world/world.js'
import type { EntryKey, MessagingEvent } from '../facebook/webhook-types.js'
import { pageEventBody } from '../facebook/page-body.js'
import { ownerOfEvent } from './thread-owner.js'

/** The apps that should receive `field` events of this page. */
export function recipientsOf(world: World, pageId: string, field: string): string[] {
  return world.subscriptions.ofPage(pageId)
    .filter((p) => p.fields.includes(field))
    .filter((p) => {
      const app = world.subscriptions.app(p.appId)
      return !!app && app.active && app.fields.some((f) => f.name === field)
    })
    .map((p) => p.appId)
}

/**
 * Queues `event` for every app that should receive it, as `{object: "page", entry: [{id, time, messaging: [event]}]}`
 * (docs §4.3), or `standby` for the apps that do not own its thread. Synchronous: call it inside the transaction that
 * records what happened.
 */
export function enqueuePageEvent(world: World, pageId: string, field: string, event: MessagingEvent): void {
  const owner = ownerOfEvent(world, pageId, event)
  const apps = recipientsOf(world, pageId, field)
  if (owner === undefined) {
    enqueue(world, pageId, field, event, apps, 'messaging')
    return
  }
  enqueue(world, pageId, field, event, apps.filter((a) => a === owner), 'messaging')
  enqueue(world, pageId, 'standby', event, recipientsOf(world, pageId, 'standby').filter((a) => a !== owner), 'standby')
}

/** Queues `event` for those of `apps` subscribed to `field` (a handover event told to the apps it concerns). */
export function enqueueForApps(world: World, pageId: string, field: string, event: object, apps: string[]): void {
  const subscribed = recipientsOf(world, pageId, field)
  enqueue(world, pageId, field, event, apps.filter((a) => subscribed.includes(a)), 'messaging')
}

function enqueue(world: World, pageId: string, field: string, event: object, apps: string[], key: EntryKey): void {
  if (apps.length === 0) return
  const body = pageEventBody(pageId, world.clock.now(), [JSON.stringify(event)], key)
  const enqueueAll = () => {
    for (const appId of apps) world.outbox.enqueue({ appId, pageId, field, body })
  }
  // Inside the caller's transaction (the Send API's commit) that transaction makes the rows all-or-nothing; a
  // savepoint of their own cost two more statements per event.
  if (world.db.inTransaction) enqueueAll()
  else world.tx(enqueueAll)
}
