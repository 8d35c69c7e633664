/**
 * The adapter's error catalogue: every error the Conversations API answers, with Sunshine's code and HTTP status
 * (conversations-api.md §2). Routes throw `apiError('name', title?)`; one `onError` funnel serialises
 * `{"errors":[{"code","title"}]}`. Unexpected throws become a logged 500 in the same shape, never a stack trace.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorBody } from '../conversations/types.js'
import { ChannelError, type ChannelFailure } from '../messenger/errors.js'
import { ControlError } from '../messenger/control.js'
import { JSON_NESTING_MAX } from '../../lib/json-depth.js'

interface Entry { status: ContentfulStatusCode; code: string; title: string }

export const API_ERRORS = {
  unauthorized: { status: 401, code: 'unauthorized', title: 'Authorization is required' },
  forbidden: { status: 403, code: 'forbidden', title: 'The API key does not give access to this app' },
  /** Creating, listing, updating and deleting apps and app keys needs the account scope (spec: `basicAuth: [account]`). */
  accountScopeRequired: {
    status: 403, code: 'forbidden',
    title: 'This operation needs an account-scoped API key (act_…); app-scoped keys reach only their own app\'s resources',
  },
  /**
   * v1.1: the paths without `/apps/{appId}` take the app from an app-scoped key or JWT; "All of the existing core APIs
   * such as /v1/appusers and /v1/webhooks are accessible using an account JWT, provided the appId is included in the
   * path" (Smooch v1 reference, Managed Accounts, curiouslychris/smooch-docs slate/source/includes/rest/_managed.md).
   * The status is the adapter's choice: the reference names none.
   */
  appIdRequired: {
    status: 400, code: 'bad_request',
    title: 'An account-scoped key reaches every app: name one in the path, /v1.1/apps/{appId}/…',
  },
  /** v1.1: what an appUser JWT may reach (conversations-api.md §1.4, §18: SDK user auth). */
  appUserScope: {
    status: 403, code: 'forbidden',
    title: 'An appUser-scoped JWT reaches only its own appUser (GET, PUT) and its messages (GET, POST as appUser)',
  },
  badRequest: { status: 400, code: 'bad_request', title: 'Bad request' },
  invalidJson: { status: 400, code: 'bad_request', title: 'The request body must be a JSON object' },
  /** The adapter's own bound (lib/json-depth.ts): no Conversations body nests more than a few levels. */
  nestedTooDeep: { status: 400, code: 'bad_request', title: `The request body nests deeper than ${JSON_NESTING_MAX} levels` },
  invalidIntegrationType: { status: 400, code: 'bad_request', title: 'Invalid integration type' },
  invalidPage: { status: 400, code: 'bad_request', title: 'Invalid page query parameters' },
  notFound: { status: 404, code: 'not_found', title: 'Resource not found' },
  appNotFound: { status: 404, code: 'app_not_found', title: 'App not found' },
  userNotFound: { status: 404, code: 'user_not_found', title: 'User not found' },
  conversationNotFound: { status: 404, code: 'conversation_not_found', title: 'Conversation not found' },
  integrationNotFound: { status: 404, code: 'integration_not_found', title: 'Integration not found' },
  clientNotFound: { status: 404, code: 'client_not_found', title: 'Client not found' },
  messageNotFound: { status: 404, code: 'not_found', title: 'Message not found' },
  webhookNotFound: { status: 404, code: 'not_found', title: 'Webhook not found' },
  keyNotFound: { status: 404, code: 'not_found', title: 'API key not found' },
  attachmentNotFound: { status: 404, code: 'not_found', title: 'Attachment not found' },
  /** Switchboard codes (conversations-api.md §2). */
  switchboardNotFound: { status: 404, code: 'switchboard_not_found', title: 'Switchboard not found' },
  switchboardIntegrationNotFound: { status: 404, code: 'switchboard_integration_not_found', title: 'Switchboard integration not found' },
  tooManySwitchboardIntegrations: { status: 400, code: 'too_many_switchboard_integrations', title: 'A switchboard has at most 10 switchboard integrations' },
  /** "Only one switchboard per app can be created" (spec, paths/…switchboardIntegrations.yaml, 400). */
  switchboardExists: { status: 400, code: 'bad_request', title: 'Only one switchboard per app can be created' },
  conflict: { status: 409, code: 'conflict', title: 'Conflict' },
  userExists: { status: 409, code: 'conflict', title: 'User already exists' },
  payloadTooLarge: { status: 413, code: 'payload_too_large', title: 'The request body is larger than 100 KB' },
  fileTooLarge: { status: 413, code: 'payload_too_large', title: 'The file is larger than 50 MB' },
  /** §0: "Message limit of 30000 per conversation reached." */
  locked: { status: 423, code: 'locked', title: 'Message limit of 30000 per conversation reached.' },
  /** Facebook refused what the adapter asked on the integration's behalf (the title carries Facebook's reason). */
  facebookRefused: { status: 400, code: 'bad_request', title: 'Facebook refused the request' },
  /** Facebook's Graph API could not be reached; nothing was stored. */
  graphUnreachable: { status: 502, code: 'bad_gateway', title: 'The Facebook Graph API could not be reached' },
  internal: { status: 500, code: 'internal_error', title: 'An unexpected error occurred' },
} as const satisfies Record<string, Entry>

export type ApiErrorName = keyof typeof API_ERRORS

export class ApiError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly errors: ErrorBody['errors']) {
    super(errors.map((e) => e.title).join('; '))
    this.name = 'ApiError'
  }
}

export function apiError(name: ApiErrorName, title?: string): ApiError {
  const e: Entry = API_ERRORS[name]
  return new ApiError(e.status, [{ code: e.code, title: title ?? e.title }])
}

/** The channel's domain errors (messenger/errors.ts) as the Conversations API answers them. */
const CHANNEL_FAILURES: Record<ChannelFailure, ApiErrorName> = {
  facebookRefused: 'facebookRefused',
  graphUnreachable: 'graphUnreachable',
  unsupported: 'badRequest',
  mismatch: 'badRequest',
}

/** Switchboard actions that cannot be done (messenger/control.ts). */
const CONTROL_FAILURES: Record<ControlError['kind'], ApiErrorName> = {
  noSwitchboard: 'switchboardNotFound', unknownTarget: 'switchboardIntegrationNotFound', refused: 'badRequest',
}

/** Any throw as the catalogue error it answers: a domain failure by its kind, anything unexpected as a logged 500. */
export function asApiError(err: Error): ApiError {
  if (err instanceof ChannelError) return apiError(CHANNEL_FAILURES[err.kind], err.message)
  if (err instanceof ControlError) return apiError(CONTROL_FAILURES[err.kind], err.message)
  if (err instanceof ApiError) return err
  console.error('[adapter] unexpected error:', err)
  return apiError('internal')
}

/** The one funnel (STYLE §7.2); the v1.1 API has its own envelope (v1-1/errors.ts). */
export function onApiError(err: Error, c: Context): Response {
  const e = asApiError(err)
  return c.json({ errors: e.errors } satisfies ErrorBody, e.status)
}

export function notFoundHandler(c: Context): Response {
  const e = API_ERRORS.notFound
  return c.json({ errors: [{ code: e.code, title: `${e.title}: ${c.req.method} ${c.req.path}` }] } satisfies ErrorBody, 404)
}
