/**
 * The catalogue of Graph API errors the emulator answers with: code, subcode, type, HTTP status and message, each
 * with the page it comes from. Handlers throw `graphError('name', …args)`; the Graph pipeline serialises it as
 * `{"error":{message,type,code,error_subcode,fbtrace_id}}` with the entry's status.
 *
 * Sources: ../shared/docs/messenger-platform.md §0, §2, §3.8, §3.9 and the URLs below.
 * HTTP statuses (docs §2.3): 190 → 400, 10 → 400, 200-family → 403, 100/2500/803/104 → 400, throttling → 400,
 * transient 1/2 → 500.
 */

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
  source: string
}

const ERRORS_DOC = 'https://developers.facebook.com/docs/graph-api/guides/error-handling'
const TOKENS_DOC = 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens/debugging-and-error-handling'
const LOGIN_DOC = 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow'
const SECURING_DOC = 'https://developers.facebook.com/docs/graph-api/securing-requests'

/** `Error validating access token: ` is how every 190 with a subcode begins (docs §2.2). */
const validating = (detail: string) => `Error validating access token: ${detail}`

/** Facebook's date format in 463 messages: `Monday, 23-Nov-15 14:00:00 PST` (docs §2.2). We print UTC. */
export function facebookSessionDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000)
  const day = d.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' })
  const mon = d.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' })
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${day}, ${pad(d.getUTCDate())}-${mon}-${pad(d.getUTCFullYear() % 100)} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`
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

  // ── Transient (docs §0) ───────────────────────────────────────────────────────────────────────────────────────
  unexpected: {
    code: 2, type: 'OAuthException', status: 500, transient: true,
    message: 'An unexpected error has occurred. Please retry your request later.',
    source: `${ERRORS_DOC} (docs §0, §2.1)`,
  },
} satisfies Record<string, GraphErrorEntry>

export type GraphErrorName = keyof typeof GRAPH_ERRORS

/** A catalogue entry raised by a handler; the Graph pipeline turns it into Facebook's error body. */
export class GraphError extends Error {
  constructor(
    readonly entry: GraphErrorEntry,
    message: string,
    /** Why the emulator answered this, for the request journal (never sent to the client). */
    readonly reason?: string,
  ) {
    super(message)
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
    return `OAuth "Facebook Platform" "${kind}" "${this.message.replace(/"/g, "'")}"`
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

/** Builds the catalogue error `name`; `reason` explains it in the request journal. */
export function graphError<N extends GraphErrorName>(name: N, ...args: ArgsOf<N>): GraphError {
  const entry: GraphErrorEntry = GRAPH_ERRORS[name]
  const message = typeof entry.message === 'function' ? entry.message(...(args as string[])) : entry.message
  return new GraphError(entry, message, name)
}
