/**
 * The one registry of fault switches (DESIGN principle 4): named, documented failures that can be switched on per
 * app, page or person from the world document, the control API and the dashboard. Each switch says where it may be
 * set and which Graph answer it produces; code that honours a switch asks this module, never the stored JSON.
 *
 * - Pipeline-level (every Graph call of the app / for the page): `rateLimit`, `latencyMs` → `applyCallFaults()`,
 *   applied once in emulator/graph/app.ts.
 * - Send API: `rateLimit` (person scope too), `temporarySendFailure`, `personUnavailable` → `checkSendFaults()`.
 * - Webhook delivery: `webhookOutage`, `webhookFieldsBug` → `webhookFaults()`, asked by the delivery worker.
 */
import * as z from 'zod'
import type { World } from '../world/world.js'
import type { FaultScope } from '../world/fault-switches.js'
import { graphError } from '../graph/errors.js'
import { throttledUsageHeaders } from '../graph/usage-headers.js'

export type { FaultScope }

interface FaultSwitchSpec<T extends z.ZodType> {
  schema: T
  scopes: readonly FaultScope[]
  /** What switching it on does, as the control API and dashboard explain it. */
  description: string
}

const spec = <T extends z.ZodType>(s: FaultSwitchSpec<T>) => s

export const FAULT_SWITCHES = {
  rateLimit: spec({
    schema: z.boolean(), scopes: ['app', 'page', 'person'],
    description: 'Graph calls of the app, or for the page, answer (#613) Calls to this api have exceeded the rate ' +
      'limit. (HTTP 400, docs §2.3, §3.9), with the usage header of the token\'s limit at 100%; on a person, sends ' +
      'to that person do.',
  }),
  temporarySendFailure: spec({
    schema: z.boolean(), scopes: ['app', 'page', 'person'],
    description: 'Send API calls answer (#1200) Temporary send message failure. Please try again later. ' +
      '(is_transient, docs §3.9).',
  }),
  personUnavailable: spec({
    schema: z.boolean(), scopes: ['person'],
    description: "Sends to the person answer (#551) This person isn't available right now. (subcode 1545041, docs §3.9).",
  }),
  latencyMs: spec({
    schema: z.number().int().min(0).max(60_000), scopes: ['app', 'page'],
    description: 'Milliseconds added before answering every Graph call of the app, or for the page.',
  }),
  webhookOutage: spec({
    schema: z.boolean(), scopes: ['app'],
    description: "Webhook deliveries to the app fail as if its receiver were down, so the outbox's retries kick in.",
  }),
  webhookFieldsBug: spec({
    schema: z.boolean(), scopes: ['app'],
    description: "The webhook-fields bug of the seed guide's troubleshooting: the app's subscription loses fields " +
      'so events stop arriving until the fields are set again (behaviour in emulator/webhooks/).',
  }),
} as const

export type FaultSwitchName = keyof typeof FAULT_SWITCHES
export const FAULT_SWITCH_NAMES = Object.keys(FAULT_SWITCHES) as FaultSwitchName[]

export type FaultSwitches = { [K in FaultSwitchName]?: z.infer<(typeof FAULT_SWITCHES)[K]['schema']> }

const SCOPE_NAMES: Record<FaultScope, string> = { app: 'an app', page: 'a page', person: 'a person' }

/** The switches that may be set at a scope, by name. */
export function switchesAt(scope: FaultScope): FaultSwitchName[] {
  return FAULT_SWITCH_NAMES.filter((n) => (FAULT_SWITCHES[n].scopes as readonly FaultScope[]).includes(scope))
}

/** A strict schema of the switches settable at `scope`; an unknown name fails with the list of known ones. */
export function faultSwitchesSchema(scope: FaultScope): z.ZodType<FaultSwitches> {
  return SCHEMAS[scope]
}

function buildSchema(scope: FaultScope): z.ZodType<FaultSwitches> {
  const names = switchesAt(scope)
  const shape = Object.fromEntries(names.map((n) => [n, FAULT_SWITCHES[n].schema.optional()]))
  return z.strictObject(shape, {
    error: (issue) => issue.code === 'unrecognized_keys'
      ? `Unknown fault switch ${issue.keys.join(', ')} for ${SCOPE_NAMES[scope]}; known: ${names.join(', ')}`
      : undefined,
  }) as unknown as z.ZodType<FaultSwitches>
}

/**
 * Built once per scope: every Graph call reads the switches of its app and page, and building a zod schema costs more
 * than the rest of a Send API call (measured with `npm run bench`).
 */
const SCHEMAS: Record<FaultScope, z.ZodType<FaultSwitches>> = {
  app: buildSchema('app'), page: buildSchema('page'), person: buildSchema('person'),
}

/** The switches set on an app, page or person; empty when none (or no such row). Unknown stored names are dropped. */
export function readFaults(world: World, scope: FaultScope, id: string | undefined): FaultSwitches {
  if (id === undefined) return {}
  const stored = world.faultSwitches.get(scope, id)
  if (!stored || Object.keys(stored).length === 0) return {}
  const parsed = faultSwitchesSchema(scope).safeParse(stored)
  return parsed.success ? parsed.data : {}
}

/** Replaces the switches of an app, page or person (already validated); false when it does not exist. */
export function writeFaults(world: World, scope: FaultScope, id: string, switches: FaultSwitches): boolean {
  return world.faultSwitches.set(scope, id, switches)
}

/** 613 with the usage headers of the token's limit (graph/usage-headers.ts); `pageId` is a page token's page. */
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
  const app = readFaults(world, 'app', who.appId)
  const page = readFaults(world, 'page', who.pageId)
  if (app.rateLimit) throw rateLimited(who.pageId, `fault switch rateLimit on app ${who.appId}`)
  if (page.rateLimit) throw rateLimited(who.pageId, `fault switch rateLimit on page ${who.pageId}`)
  const latencyMs = Math.max(app.latencyMs ?? 0, page.latencyMs ?? 0)
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
}

/** The one spot the Send API asks: throws the catalogue error a switched-on send fault gives. */
export function checkSendFaults(world: World, who: { appId: string; pageId: string; personId: string }): void {
  const scoped = [
    ['app', who.appId, readFaults(world, 'app', who.appId)],
    ['page', who.pageId, readFaults(world, 'page', who.pageId)],
    ['person', who.personId, readFaults(world, 'person', who.personId)],
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

/** What the webhook delivery worker asks before each attempt to an app. */
export function webhookFaults(world: World, appId: string): { outage: boolean; fieldsBug: boolean } {
  const app = readFaults(world, 'app', appId)
  return { outage: app.webhookOutage === true, fieldsBug: app.webhookFieldsBug === true }
}

/** World document import: sets the switches given on a new app, page or person; answers them for the document. */
export function importFaults(world: World, scope: FaultScope, id: string, faults: FaultSwitches | undefined):
  { faults?: FaultSwitches } {
  if (!faults || Object.keys(faults).length === 0) return {}
  writeFaults(world, scope, id, faults)
  return { faults }
}

/** World document export: the switches set, or nothing when none is (so plain worlds export as before). */
export function faultsDoc(world: World, scope: FaultScope, id: string): { faults?: FaultSwitches } {
  const faults = readFaults(world, scope, id)
  return Object.keys(faults).length ? { faults } : {}
}
