/**
 * The catalogue of Graph API errors the emulator answers with: code, subcode, type, HTTP status and message, each
 * with the page it comes from. Handlers throw `graphError('name', …args)`; the Graph pipeline serialises it as
 * `{"error":{message,type,code,error_subcode,fbtrace_id}}` with the entry's status.
 *
 * Sources: the project's docs §0, §2, §3.8, §3.9 and the URLs below.
 * HTTP statuses (docs §2.3): 190 → 400, 10 → 400, 200-family → 403, 100/2500/803/104 → 400, throttling → 400,
 * transient 1/2 → 500.
 */
import { shortQuote } from '../../lib/quote.js'
import { HANDOVER_ERRORS } from './handover.js'
import { PERSONA_ERRORS } from './personas.js'

export type GraphErrorType = 'OAuthException' | 'GraphMethodException' | 'FacebookApiException'

export interface GraphErrorEntry {
  code: number
  subcode?: number
  type: GraphErrorType
  status: number
  /** The message, or a template filled with the arguments the handler gives. */
  message: string | ((...args: string[]) => string)
  /** Whether a retry may succeed; Graph adds `is_transient` on some errors (docs §0). */
  transient?: boolean
  /**
   * The message arguments the emulator writes itself (a list of allowed values, sentences about validated names).
   * Every other argument may carry client input and is quoted short (`graphError`).
   */
  ownArgs?: readonly number[]
  source: string
}

const ERRORS_DOC = 'https://developers.facebook.com/docs/graph-api/guides/error-handling'
const TOKENS_DOC = 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens/debugging-and-error-handling'
const LOGIN_DOC = 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow'
const SECURING_DOC = 'https://developers.facebook.com/docs/graph-api/securing-requests'
const SEND_API_DOC = 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/'
const SEND_ERRORS_DOC = 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes'

/** `Error validating access token: ` is how every 190 with a subcode begins (docs §2.2). */
const validating = (detail: string) => `Error validating access token: ${detail}`

/**
 * Facebook's date format in 463 messages: `Monday, 23-Nov-15 14:00:00 PST` (docs §2.2). Facebook prints its own
 * Pacific time (PST, or PDT in summer), so clients that parse the message see the same shape here.
 */
let pacific: Intl.DateTimeFormat | undefined
// Made on first use: building it loads ICU's time zone data, 17 ms of every start otherwise (bench/cold-start.ts).
const PACIFIC = () => pacific ??= new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles', weekday: 'long', day: '2-digit', month: 'short', year: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
})

export function facebookSessionDate(epochSeconds: number): string {
  const parts = Object.fromEntries(PACIFIC().formatToParts(new Date(epochSeconds * 1000)).map((p) => [p.type, p.value]))
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ` +
    `${parts.timeZoneName}`
}

export const GRAPH_ERRORS = {
  // ── Tokens (code 190 and friends) ─────────────────────────────────────────────────────────────────────────────
  accessTokenRequired: {
    code: 104, type: 'OAuthException', status: 400,
    message: 'An access token is required to request this resource.',
    source: `${ERRORS_DOC} (captured: node-facebook/facebook-node-sdk#105)`,
  },
  tokenMalformed: {
    code: 190, type: 'OAuthException', status: 400,
    message: 'Invalid OAuth access token - Cannot parse access token',
    source: `${TOKENS_DOC} (docs §2.2)`,
  },
  tokenInvalid: {
    code: 190, type: 'OAuthException', status: 400,
    message: 'Invalid OAuth access token.',
    source: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes (docs §3.9)',
  },
  tokenAppNotAuthorized: {
    code: 190, subcode: 458, type: 'OAuthException', status: 400,
    message: (appId: string) => validating(`The user has not authorized application ${appId}.`),
    source: `${TOKENS_DOC} (docs §2.2)`,
  },
  tokenPasswordChanged: {
    code: 190, subcode: 460, type: 'OAuthException', status: 400,
    message: validating('The session has been invalidated because the user changed their password or Facebook has ' +
      'changed the session for security reasons.'),
    source: `${TOKENS_DOC} (docs §2.2; quoted identically in the Sunshine Conversations guide)`,
  },
  tokenExpired: {
    code: 190, subcode: 463, type: 'OAuthException', status: 400,
    message: (expiredAt: string, now: string) =>
      validating(`Session has expired on ${expiredAt}. The current time is ${now}.`),
    source: `${TOKENS_DOC} (docs §2.2)`,
  },
  activeTokenForMe: {
    code: 2500, type: 'OAuthException', status: 400,
    message: 'An active access token must be used to query information about the current user.',
    source: `${ERRORS_DOC} (docs §1.4; captured: fbsamples/messenger-platform-samples#125)`,
  },
  appSecretProofInvalid: {
    code: 100, type: 'GraphMethodException', status: 400,
    message: 'Invalid appsecret_proof provided in the API argument',
    source: `${SECURING_DOC} (docs §11)`,
  },
  appSecretProofMissing: {
    code: 100, type: 'GraphMethodException', status: 400,
    message: 'API calls from the server require an appsecret_proof argument',
    source: `${SECURING_DOC} (docs §11)`,
  },

  // ── OAuth code exchange (docs §1.2) ───────────────────────────────────────────────────────────────────────────
  codeUsed: {
    code: 100, subcode: 36009, type: 'OAuthException', status: 400,
    message: 'This authorization code has been used.',
    source: `${LOGIN_DOC} (docs §1.2)`,
  },
  codeExpired: {
    code: 100, subcode: 36007, type: 'OAuthException', status: 400,
    message: 'This authorization code has expired.',
    source: `${LOGIN_DOC} (docs §1.2; subcode 36007 unverified)`,
  },
  codeMalformed: {
    code: 100, type: 'OAuthException', status: 400,
    message: 'Invalid verification code format.',
    source: `${LOGIN_DOC} (docs §1.2)`,
  },
  redirectUriMismatch: {
    code: 100, type: 'OAuthException', status: 400,
    message: 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used ' +
      'in the OAuth dialog request',
    source: `${LOGIN_DOC} (docs §1.2: "redirect_uri must be identical")`,
  },
  clientSecretInvalid: {
    code: 1, type: 'OAuthException', status: 400,
    message: 'Error validating client secret.',
    source: `${LOGIN_DOC} (wording as Graph answers a wrong client_secret)`,
  },
  clientIdInvalid: {
    code: 101, type: 'OAuthException', status: 400,
    message: 'Error validating application. Invalid application ID.',
    source: `${LOGIN_DOC} (wording as Graph answers an unknown client_id)`,
  },
  unsupportedGrantType: {
    code: 100, type: 'OAuthException', status: 400,
    message: (grant: string) => `(#100) Unsupported grant_type: ${grant}`,
    source: LOGIN_DOC,
  },

  // ── Parameters and paths (code 100, 803, 2500) ────────────────────────────────────────────────────────────────
  paramRequired: {
    code: 100, type: 'OAuthException', status: 400,
    message: (param: string) => `(#100) The parameter ${param} is required`,
    source: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/ (docs §3.8)',
  },
  paramInvalid: {
    code: 100, type: 'OAuthException', status: 400,
    message: (detail: string) => `(#100) ${detail}`,
    source: `${ERRORS_DOC} (docs §2.1)`,
  },
  nonexistingField: {
    code: 100, type: 'OAuthException', status: 400,
    message: (field: string, nodeType: string) =>
      `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`,
    source: `${ERRORS_DOC} (docs §2.1)`,
  },
  unsupportedRequest: {
    code: 100, subcode: 33, type: 'GraphMethodException', status: 400,
    message: (method: string, id: string) =>
      `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing ` +
      'permissions, or does not support this operation. Please read the Graph API documentation at ' +
      'https://developers.facebook.com/docs/graph-api',
    source: `${ERRORS_DOC} (docs §2.1)`,
  },
  unknownAlias: {
    code: 803, type: 'OAuthException', status: 400,
    message: (alias: string) => `(#803) Some of the aliases you requested do not exist: ${alias}`,
    source: `${ERRORS_DOC} (docs §2.1)`,
  },
  unknownPath: {
    code: 2500, type: 'OAuthException', status: 400,
    message: (segment: string) => `Unknown path components: /${segment}`,
    source: `${ERRORS_DOC} (docs §2.1)`,
  },
  unknownMethod: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) Unknown method',
    source: `${ERRORS_DOC} (method= override with a value Graph does not know)`,
  },

  debugTokenAppMismatch: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) The App_id in the input_token did not match the Viewing App',
    source: 'https://developers.facebook.com/docs/graph-api/reference/debug_token (wording as Graph answers it)',
  },

  // ── Permissions (docs §2.1) ───────────────────────────────────────────────────────────────────────────────────
  permissionsError: {
    code: 200, type: 'OAuthException', status: 403,
    message: '(#200) Permissions error',
    source: `${ERRORS_DOC} (docs §2.1, §2.3)`,
  },
  requiresPermission: {
    code: 200, type: 'OAuthException', status: 403,
    message: (permission: string) => `(#200) Requires ${permission} permission to manage the object`,
    source: `${ERRORS_DOC} (docs §2.1)`,
  },
  requiresPagesMessaging: {
    code: 230, type: 'OAuthException', status: 403,
    message: '(#230) Requires pages_messaging permission to manage the object',
    source: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes (docs §3.9)',
  },
  appTokenRequired: {
    code: 15, type: 'OAuthException', status: 400,
    message: '(#15) This method must be called with an app access_token.',
    source: 'https://developers.facebook.com/docs/graph-api/reference/app/subscriptions/',
  },

  // ── Webhook subscriptions (docs §4.1, §5) ─────────────────────────────────────────────────────────────────────
  callbackVerificationFailed: {
    code: 2200, type: 'OAuthException', status: 400,
    message: (detail: string) => `(#2200) callback verification failed: ${detail}`,
    source: 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started (docs §4.1; prefix as quoted ' +
      'by developers, the curl-style detail after it unverified)',
  },
  challengeMismatch: {
    code: 2201, type: 'OAuthException', status: 400,
    message: (expected: string, received: string) =>
      `(#2201) response does not match challenge, expected value="${expected}", received="${received}"`,
    source: 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started (docs §4.1; wording unverified)',
  },
  paramOneOf: {
    code: 100, type: 'OAuthException', status: 400,
    message: (param: string, allowed: string, got: string) => `(#100) Param ${param} must be one of {${allowed}} - got "${got}"`,
    ownArgs: [1],
    source: 'https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/ (docs §5.3; captured: ' +
      'restfb/restfb#1210 "(#100) Param subscribed_fields[2] must be one of {feed, mention, …")',
  },
  subscribedFieldsRequired: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) The parameter subscribed_fields is required.',
    source: 'https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/ (docs §5.2; captured: ' +
      'LiveHelperChat/fbmessenger#9, note the trailing period)',
  },
  fieldPermissionNeeded: {
    code: 200, type: 'OAuthException', status: 403,
    message: (detail: string) => `(#200) ${detail}`,
    // One sentence per refused field, every field a known name (graph/subscribed-apps.ts).
    ownArgs: [0],
    source: 'https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/ (captured: ' +
      'jgorset/facebook-messenger#280 "To subscribe to the feed field, one of these permissions is needed: …")',
  },
  pageTokenRequired: {
    code: 210, type: 'OAuthException', status: 400,
    message: '(#210) A page access token is required to request this resource.',
    source: 'https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/ (docs §5.2; wording as ' +
      'Graph answers a user token on a page edge, unverified)',
  },

  // ── Fault switches (emulator/messenger/faults.ts) ─────────────────────────────────────────────────────────────
  rateLimited: {
    code: 613, type: 'OAuthException', status: 400,
    message: '(#613) Calls to this api have exceeded the rate limit.',
    source: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes ' +
      '(docs §2.3: 613 → 400; §3.9)',
  },
  temporarySendFailure: {
    code: 1200, type: 'OAuthException', status: 400, transient: true,
    message: '(#1200) Temporary send message failure. Please try again later.',
    source: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes ' +
      '(docs §3.9; captured: remixz/messenger-bot#61)',
  },
  personUnavailable: {
    code: 551, subcode: 1545041, type: 'OAuthException', status: 400,
    message: "(#551) This person isn't available right now.",
    source: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes ' +
      '(docs §3.9; captured: microsoft/botframework-sdk#4556)',
  },

  // ── Send API: recipients, the 24-hour window, tags (docs §3.9, §8) ─────────────────────────────────────────────
  noMatchingUser: {
    code: 100, subcode: 2018001, type: 'OAuthException', status: 400,
    message: '(#100) No matching user found',
    source: `${SEND_ERRORS_DOC} (docs §3.9; captured: pastebin.com/1Tm5FJs8)`,
  },
  outsideWindow: {
    code: 10, subcode: 2018278, type: 'OAuthException', status: 400,
    message: '(#10) This message is sent outside of allowed window.',
    source: `${SEND_ERRORS_DOC} (docs §3.9, §8; 10 → 400 per docs §2.3)`,
  },
  humanAgentNotApproved: {
    code: 100, subcode: 2018276, type: 'OAuthException', status: 400,
    message: "(#100) Cannot tag messages with 'HUMAN_AGENT' without prior approval.",
    source: 'https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags (docs §8, as observed)',
  },
  messageOrState: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) Must send either message or state',
    source: `${SEND_API_DOC} (captured: howdyai/botkit#306)`,
  },
  messageAndState: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) Cannot send both message and state at the same time.',
    source: `${SEND_ERRORS_DOC} (docs §3.9)`,
  },
  paramTooLong: {
    code: 100, type: 'OAuthException', status: 400,
    message: (param: string, max: string) => `(#100) Length of param ${param} must be less than or equal to ${max}`,
    source: `${SEND_API_DOC} (docs §3.8, verified for message[text])`,
  },
  paramTooManyElements: {
    code: 105, type: 'OAuthException', status: 400,
    message: (param: string) => `(#105) param ${param} has too many elements`,
    source: `${ERRORS_DOC} (captured for quick_replies: microsoft/botframework-sdk#3331)`,
  },
  paramInvalidKeys: {
    code: 100, type: 'OAuthException', status: 400,
    message: (keys: string, param: string) => `(#100) Invalid keys "${keys}" were found in param "${param}".`,
    source: `${SEND_API_DOC} (docs §3.8; captured: restfb/restfb#541)`,
  },
  /** A request body over LIMITS.bodyBytesMax (or multipartBodyBytesMax): refused before it is read or parsed. */
  requestBodyTooLarge: {
    code: 100, type: 'OAuthException', status: 400,
    message: (limit: string) => `(#100) The request body is larger than ${limit}`,
    source: `${ERRORS_DOC} (docs §2.1: parameter errors are code 100 at HTTP 400; the limit is the emulator's, limits.ts)`,
  },
  /** JSON nested deeper than LIMITS.paramNestingMax, in the body or in one parameter (graph/params.ts). */
  paramNestedTooDeep: {
    code: 100, type: 'OAuthException', status: 400,
    message: (what: string, max: string) => `(#100) ${what} nests deeper than ${max} levels`,
    source: `${ERRORS_DOC} (docs §2.1: parameter errors are code 100 at HTTP 400). Graph documents no nesting limit ` +
      'and its answer to absurdly nested JSON is unknown: the bound and the wording are the emulator\'s own, in the ' +
      'style of its Messenger Profile refusal "Param persistent_menu nests deeper than 3 levels"',
  },
  /** A credential given twice with different values (graph/params.ts). */
  paramRepeated: {
    code: 100, type: 'OAuthException', status: 400,
    message: (param: string) => `(#100) Param ${param} was given more than once with different values`,
    source: `${ERRORS_DOC} (docs §2.1, §11). Graph takes the last of repeated values (huandu/facebook#182: a page ` +
      'token followed by a user token answers (#210)) and accepts the same value twice (facebook-python-business-sdk' +
      '#641: paging URLs collect one access_token per page). The emulator refuses differing values, so a wrong ' +
      'appsecret_proof cannot pass beside a right one; the wording is its own',
  },
  attachmentTooLarge: {
    code: 100, subcode: 2018109, type: 'OAuthException', status: 400,
    message: '(#100) Attachment size exceeds allowable limit',
    source: `${SEND_ERRORS_DOC} (docs §3.9 "Limit errors")`,
  },

  // ── Messenger Profile and User Profile (docs §6, §7) ──────────────────────────────────────────────────────────
  getStartedRequiredForMenu: {
    code: 100, subcode: 2018145, type: 'OAuthException', status: 400,
    message: '(#100) You must set a Get Started button if you also wish to use persistent menu.',
    source: 'https://developers.facebook.com/docs/messenger-platform/send-messages/persistent-menu (docs §6.1; ' +
      'captured: pimax/fb-messenger-php#90, CasperLaiTW/laravel-fb-messenger#96)',
  },
  nestedMenuDeprecated: {
    code: 11, type: 'OAuthException', status: 400,
    message: '(#11) Setting of Nested Persistent Menu has been deprecated for v8.0 and higher',
    source: 'https://developers.facebook.com/docs/messenger-platform/send-messages/persistent-menu ("removed … in ' +
      'v8.0"; captured: fbsamples/original-coast-clothing#65, #66)',
  },
  /** Refused by the December 2020 rules for Europe: a persistent menu, profile_pic/gender/locale/timezone. */
  eeaPrivacyRules: {
    code: 10, subcode: 2018336, type: 'OAuthException', status: 400,
    message: '(#10) This action was not submitted due to new privacy rules in Europe. See developer documentation ' +
      'for more info.',
    source: 'https://developers.facebook.com/docs/messenger-platform/europe-updates (docs §7: "API calls with ' +
      'profile_pic field will return an error message"; captured: botman/driver-facebook#113, ' +
      'fbsamples/original-coast-clothing#78 with subcode 2018336, botpress/botpress#4361 at HTTP 400)',
  },

  // ── The emulator's own guards (lib/http-guard.ts, emulator/app.ts) ───────────────────────────────────────────────
  /** A request for a Host the emulator does not answer (DNS rebinding); the detail names the flag that allows it. */
  hostNotAllowed: {
    code: 100, type: 'OAuthException', status: 403,
    message: (detail: string) => `(#100) ${detail}`,
    // Built by the guard, which quotes the host short itself.
    ownArgs: [0],
    source: "the emulator's own: graph.facebook.com is reached by one name only, so Graph has no such error; code " +
      '100 in its error shape, with 403 as the guard answers on every surface',
  },

  // ── Transient (docs §0) ───────────────────────────────────────────────────────────────────────────────────────
  unexpected: {
    code: 2, type: 'OAuthException', status: 500, transient: true,
    message: 'An unexpected error has occurred. Please retry your request later.',
    source: `${ERRORS_DOC} (docs §0, §2.1)`,
  },
  // Areas with catalogues of their own, each beside its other facts.
  ...HANDOVER_ERRORS,
  ...PERSONA_ERRORS,
} satisfies Record<string, GraphErrorEntry>

export type GraphErrorName = keyof typeof GRAPH_ERRORS

/** A catalogue entry raised by a handler; the Graph pipeline turns it into Facebook's error body. */
export class GraphError extends Error {
  constructor(
    readonly entry: GraphErrorEntry,
    message: string,
    /** Why the emulator answered this, for the request journal (never sent to the client). */
    public reason?: string,
  ) {
    super(message)
  }

  /** Headers the answer carries besides its own (the usage headers of a throttled call). */
  headers: Record<string, string> = {}

  /** Replaces the catalogue name with the specific cause (`fault switch rateLimit on app 123`), for the journal. */
  because(reason: string): this {
    this.reason = reason
    return this
  }

  withHeaders(headers: Record<string, string>): this {
    this.headers = { ...this.headers, ...headers }
    return this
  }

  get status(): number {
    return this.entry.status
  }

  body(fbtraceId: string): GraphErrorBody {
    const e = this.entry
    return {
      error: {
        message: this.message,
        type: e.type,
        code: e.code,
        ...(e.subcode !== undefined ? { error_subcode: e.subcode } : {}),
        ...(e.transient !== undefined ? { is_transient: e.transient } : {}),
        fbtrace_id: fbtraceId,
      },
    }
  }

  /** Token errors carry `WWW-Authenticate: OAuth "Facebook Platform" "invalid_token" "<message>"` (docs §2.3). */
  wwwAuthenticate(): string | undefined {
    if (this.entry.type !== 'OAuthException') return undefined
    const kind = this.entry.code === 190 ? 'invalid_token' : this.entry.code === 100 && this.entry.subcode === 36009
      ? 'invalid_code' : 'invalid_request'
    // Messages may echo client input (a field name, an alias); a header value must stay printable ASCII, or the
    // response itself would fail.
    const quoted = this.message.replace(/"/g, "'").replace(/[^\x20-\x7e]/g, '?')
    return `OAuth "Facebook Platform" "${kind}" "${quoted}"`
  }
}

export interface GraphErrorBody {
  error: {
    message: string
    type: GraphErrorType
    code: number
    error_subcode?: number
    is_transient?: boolean
    fbtrace_id: string
  }
}

type ArgsOf<N extends GraphErrorName> = (typeof GRAPH_ERRORS)[N]['message'] extends (...a: infer A) => string ? A : []

/**
 * Builds the catalogue error `name`; `reason` explains it in the request journal. Arguments that may carry client
 * input are quoted short (lib/quote.ts), here once rather than at every call site, so neither the body nor the
 * `WWW-Authenticate` header can grow with what a client sent.
 */
export function graphError<N extends GraphErrorName>(name: N, ...args: ArgsOf<N>): GraphError {
  const entry: GraphErrorEntry = GRAPH_ERRORS[name]
  const quoted = (args as string[]).map((a, i) => (entry.ownArgs?.includes(i) ? a : shortQuote(a)))
  const message = typeof entry.message === 'function' ? entry.message(...quoted) : entry.message
  return new GraphError(entry, message, name)
}
