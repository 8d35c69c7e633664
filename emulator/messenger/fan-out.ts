/**
 * Who hears a Messenger event: where every event enters webhook delivery. An event reaches an app only when both
 * halves of the subscription hold (docs §5): the app's `page` subscription is active and has the field, and the page
 * is subscribed to the app with that field. Each such app gets one outbox row, written in the caller's transaction,
 * so the event and its deliveries are committed together (DESIGN principle 5); the delivery worker
 * (webhooks/delivery.ts), told by the outbox that rows were queued, sends them afterwards.
 */
import type { World } from '../world/world.js'
import type { MessagingEvent, MessengerField, PageChange, PageField } from '../facebook/webhook-types.js'
import { pageChangeBody, pageEventBody } from '../facebook/page-body.js'

/** The apps that should receive `field` events of this page. */
export function recipientsOf(world: World, pageId: string, field: PageField): string[] {
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
 * (docs §4.3). Synchronous: call it inside the transaction that records what happened.
 */
export function enqueuePageEvent(world: World, pageId: string, field: MessengerField, event: MessagingEvent): void {
  enqueue(world, pageId, field, () => pageEventBody(pageId, world.clock.now(), [JSON.stringify(event)]))
}

/** Queues a `changes` entry (`feed`, docs §15) for every app that should receive it; its `time` is in seconds. */
export function enqueuePageChange(world: World, pageId: string, change: PageChange): void {
  enqueue(world, pageId, change.field,
    () => pageChangeBody(pageId, Math.floor(world.clock.now() / 1000), JSON.stringify(change)))
}

function enqueue(world: World, pageId: string, field: PageField, bodyOf: () => string): void {
  const apps = recipientsOf(world, pageId, field)
  if (apps.length === 0) return
  const body = bodyOf()
  const enqueueAll = () => {
    for (const appId of apps) world.outbox.enqueue({ appId, pageId, field, body })
  }
  // Inside the caller's transaction (the Send API's commit) that transaction makes the rows all-or-nothing; a
  // savepoint of their own cost two more statements per event.
  if (world.db.inTransaction) enqueueAll()
  else world.tx(enqueueAll)
}
