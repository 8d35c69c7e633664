/**
 * The one registry of fault switches (DESIGN principle 4): named, documented failures that can be switched on per
 * app, page or person from the world document, the control API and the dashboard. Each switch says where it may be
 * set and which Graph answer it produces. Where they are stored is world/fault-switches.ts; where they act:
 *
 * - Pipeline-level (every Graph call of the app / for the page): `rateLimit`, `latencyMs` → `applyCallFaults()`
 *   (messenger/faults.ts), applied once in emulator/graph/app.ts.
 * - Send API: `rateLimit` (person scope too), `temporarySendFailure`, `personUnavailable` → `checkSendFaults()`.
 * - Webhook delivery: `webhookOutage`, `webhookFieldsBug` → `webhookFaults()`, asked by the delivery worker.
 * - The written contract: `strict` → `contractIsStrict()`, asked by the Graph pipeline for each call of the app.
 */
import * as z from 'zod'

/** Where a switch may be set. */
export type FaultScope = 'app' | 'page' | 'person'

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
  strict: spec({
    schema: z.boolean(), scopes: ['app'],
    description: "The app's Graph calls are judged by Facebook's written contract, as --strict does for every app: " +
      'every documented limit and required field is refused with Facebook\'s error (a missing messaging_type, a ' +
      'quick-reply title over 20 characters) instead of being accepted as production does, with a warning.',
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
