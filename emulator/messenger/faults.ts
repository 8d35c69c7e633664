/**
 * Where fault switches act (their registry is facebook/faults.ts): the Graph pipeline, the Send API and webhook
 * delivery each ask here, at one spot, and get the catalogue error a switched-on fault gives.
 */
import type { World } from '../world/world.js'
import { graphError } from '../facebook/errors.js'
import { throttledUsageHeaders } from '../facebook/usage-headers.js'

/** 613 with the usage headers of the token's limit (facebook/usage-headers.ts); `pageId` is a page token's page. */
function rateLimited(pageId: string | undefined, reason: string) {
  return graphError('rateLimited').because(reason).withHeaders(throttledUsageHeaders(pageId))
}

/**
 * What the Graph pipeline applies to every authenticated call, at one spot (emulator/graph/app.ts): the token's app
 * or page rate limited → 613; otherwise the larger of their `latencyMs` passes before the call is handled.
 * `pageId` is the page of a page token.
 */
export async function applyCallFaults(world: World, who: { appId: string; pageId?: string | undefined }):
  Promise<void> {
  const app = world.faultSwitches.read('app', who.appId)
  const page = world.faultSwitches.read('page', who.pageId)
  if (app.rateLimit) throw rateLimited(who.pageId, `fault switch rateLimit on app ${who.appId}`)
  if (page.rateLimit) throw rateLimited(who.pageId, `fault switch rateLimit on page ${who.pageId}`)
  const latencyMs = Math.max(app.latencyMs ?? 0, page.latencyMs ?? 0)
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
}

/** The one spot the Send API asks: throws the catalogue error a switched-on send fault gives. */
export function checkSendFaults(world: World, who: { appId: string; pageId: string; personId: string }): void {
  const scoped = [
    ['app', who.appId, world.faultSwitches.read('app', who.appId)],
    ['page', who.pageId, world.faultSwitches.read('page', who.pageId)],
    ['person', who.personId, world.faultSwitches.read('person', who.personId)],
  ] as const
  const person = scoped[2][2]
  if (person.rateLimit) throw rateLimited(who.pageId, `fault switch rateLimit on person ${who.personId}`)
  if (person.personUnavailable) {
    throw graphError('personUnavailable').because(`fault switch personUnavailable on person ${who.personId}`)
  }
  for (const [scope, id, switches] of scoped) {
    if (switches.temporarySendFailure) {
      throw graphError('temporarySendFailure').because(`fault switch temporarySendFailure on ${scope} ${id}`)
    }
  }
}

/** Whether the app's calls are judged by the written contract (its `strict` switch; `--strict` covers every app). */
export function contractIsStrict(world: World, appId: string): boolean {
  return world.faultSwitches.read('app', appId).strict === true
}

/** What the webhook delivery worker asks before each attempt to an app. */
export function webhookFaults(world: World, appId: string): { outage: boolean; fieldsBug: boolean } {
  const app = world.faultSwitches.read('app', appId)
  return { outage: app.webhookOutage === true, fieldsBug: app.webhookFieldsBug === true }
}


