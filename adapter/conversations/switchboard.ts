/**
 * Sunshine's switchboard as data: request bodies, response shapes and limits (conversations-api.md §14.3; Sunshine's
 * OpenAPI spec zendesk/sunshine-conversations-api-spec, `components/schemas/switchboard*.yaml`,
 * `components/requestBodies/*ControlBody.yaml`; the official client sunshine-conversations-client 14.1.0,
 * `SwitchboardsApi`, `SwitchboardIntegrationsApi`, `SwitchboardActionsApi`).
 */
import * as z from 'zod'
import { metadata } from './schemas.js'

export const SWITCHBOARD_LIMITS = {
  /** "`.../switchboards/{switchboardId}/switchboardIntegrations` (≤10)" (conversations-api.md §14.3). */
  integrations: 10,
  /** `name`: "Restricted to alphanumeric characters, `-` and `_`", maxLength 128 (spec `switchboardIntegration/name.yaml`). */
  nameChars: 128,
  /** `messageHistoryCount`: minimum 1, maximum 10 (spec `switchboardIntegration/messageHistoryCount.yaml`). */
  messageHistoryMin: 1,
  messageHistoryMax: 10,
} as const

/** The `switchboardIntegration` of passControl/offerControl that names the current one's `nextSwitchboardIntegrationId`. */
export const NEXT = 'next'

/**
 * Beyond Sunshine: the `integrationType` of a switchboard integration that is another Facebook app on the page, whose
 * control is Messenger's handover protocol (`facebookApp:263902037430900` is the Page Inbox). Sunshine uses
 * `integrationType` for integrations outside the app (an OAuth client id, `zd:agentWorkspace`); a Facebook app
 * answering on the page is such a system.
 */
export const FACEBOOK_APP_TYPE_PREFIX = 'facebookApp:'
export const facebookAppOf = (integrationType: string): string | undefined =>
  integrationType.startsWith(FACEBOOK_APP_TYPE_PREFIX) ? integrationType.slice(FACEBOOK_APP_TYPE_PREFIX.length) : undefined

const name = z.string().min(1).max(SWITCHBOARD_LIMITS.nameChars)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Restricted to alphanumeric characters, `-` and `_`' })
  .refine((n) => n !== NEXT, { message: `\`${NEXT}\` is the keyword of passControl and offerControl` })
const integrationType = z.string().min(1).max(128)
  .refine((t) => facebookAppOf(t) === undefined || /^\d+$/.test(facebookAppOf(t)!),
    { message: `${FACEBOOK_APP_TYPE_PREFIX} is followed by a Facebook app id (digits)` })
const messageHistoryCount = z.int().min(SWITCHBOARD_LIMITS.messageHistoryMin).max(SWITCHBOARD_LIMITS.messageHistoryMax).nullable()

export const switchboardPatch = z.object({
  enabled: z.boolean().optional(),
  defaultSwitchboardIntegrationId: z.string().min(1).optional(),
}).strict()

const integrationFields = {
  deliverStandbyEvents: z.boolean().optional(),
  nextSwitchboardIntegrationId: z.string().min(1).nullable().optional(),
  messageHistoryCount: messageHistoryCount.optional(),
}

/** "One of `integrationId` or `integrationType` must be provided" (SwitchboardIntegrationCreateBody). */
export const switchboardIntegrationPost = z.object({
  name, integrationId: z.string().min(1).optional(), integrationType: integrationType.optional(), ...integrationFields,
}).strict().refine((b) => (b.integrationId === undefined) !== (b.integrationType === undefined),
  { message: 'One of `integrationId` or `integrationType` must be provided' })

/** "Can't provide both `integrationId` and `integrationType`" (SwitchboardIntegrationUpdateBody). */
export const switchboardIntegrationPatch = z.object({
  name: name.optional(), integrationId: z.string().min(1).optional(), integrationType: integrationType.optional(),
  ...integrationFields,
}).strict().refine((b) => b.integrationId === undefined || b.integrationType === undefined,
  { message: 'Can\'t provide both `integrationId` and `integrationType`' })

/** PassControlBody / OfferControlBody: the target by id, name or `next`; `metadata` goes into the webhook. */
export const controlTransfer = z.object({
  switchboardIntegration: z.string().min(1),
  metadata: metadata.optional(),
  reason: z.string().min(1).max(128).optional(),
})
/** AcceptControlBody; releaseControl's body (newer clients: `reason`, `metadata`; 14.1.0 sends none). */
export const controlAnswer = z.object({ metadata: metadata.optional(), reason: z.string().min(1).max(128).optional() })

export type ControlTransfer = z.infer<typeof controlTransfer>
export type ControlAnswer = z.infer<typeof controlAnswer>

export interface SwitchboardJson { id: string; enabled: boolean; defaultSwitchboardIntegrationId?: string }

export interface SwitchboardIntegrationJson {
  id: string
  name: string
  integrationId?: string
  integrationType: string
  deliverStandbyEvents: boolean
  nextSwitchboardIntegrationId?: string
  messageHistoryCount?: number
}

/** `activeSwitchboardIntegration` / `pendingSwitchboardIntegration` of a conversation (spec `switchboardIntegrationWebhook.yaml`). */
export interface SwitchboardIntegrationRef { id: string; name: string; integrationId?: string; integrationType: string }

/**
 * The switchboard's webhook triggers (conversations-api.md §14.3). The `:failure` variants are not produced: an action
 * the adapter cannot carry out is answered with an error and changes nothing.
 */
export type SwitchboardTrigger =
  | 'switchboard:passControl' | 'switchboard:offerControl' | 'switchboard:acceptControl' | 'switchboard:releaseControl'
