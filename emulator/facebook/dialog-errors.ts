/**
 * The error pages of the login dialog: what Facebook shows instead of redirecting when the request itself is wrong
 * (unknown app, blocked redirect URI, invalid scopes), and the emulator's own pages for a stale or forged form. Each
 * entry has its HTTP status, the title and text shown, a hint for the developer (the emulator talks to humans, like
 * firebase's `/emulator` pages) and its source. Facebook's wording is taken from the dialog as people see it
 * (unverified against a doc page; the manual flow doc describes only the parameters).
 */
const MANUAL_FLOW = 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow (docs §1.1)'
const PERMISSIONS_DOC = 'https://developers.facebook.com/docs/facebook-login/permissions'

export interface DialogProblem {
  status: 400 | 403
  title: string
  message: string
  hint?: string
}

/** Facebook's page for a redirect_uri the app does not allow; two entries below differ only in their hint. */
const URL_BLOCKED = {
  status: 400, title: 'URL Blocked',
  message: "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. " +
    'Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.',
  source: MANUAL_FLOW,
} as const

/** Where the emulator's own problem pages send people. */
const START_AGAIN = () => 'Go back to the app and start the login again.'

interface DialogErrorEntry {
  status: 400 | 403
  title: string | ((...args: string[]) => string)
  message: string
  hint?: (...args: string[]) => string
  source: string
}

export const DIALOG_ERRORS = {
  invalidAppId: {
    status: 400, title: 'Invalid App ID',
    message: 'The provided app ID does not look like a valid app ID.',
    hint: (id: string) => `No app with client_id "${id}" exists in this emulated world. Add it to the world ` +
      '(POST /_emulator/world) or pass the id of one that does.',
    source: MANUAL_FLOW,
  },
  urlBlocked: {
    ...URL_BLOCKED,
    hint: (uri: string) => `An app without Valid OAuth Redirect URIs accepts any absolute http:// or https:// ` +
      `redirect_uri; "${uri}" is not one.`,
  },
  redirectUriNotListed: {
    ...URL_BLOCKED,
    hint: (uri: string, allowed: string) => `"${uri}" is not one of the app's Valid OAuth Redirect URIs ` +
      `(${allowed}). Use one of them, or add it to the app's oauthRedirectUris in the world document.`,
  },
  invalidScopes: {
    status: 400, title: (scopes: string) => `Invalid Scopes: ${scopes}`,
    message: 'This message is only shown to developers. Users of your app will ignore these permissions if present. ' +
      `Please read the documentation for valid permissions at: ${PERMISSIONS_DOC}`,
    source: `${PERMISSIONS_DOC} (docs §1.8)`,
  },
  invalidResponseType: {
    status: 400, title: (value: string) => `Invalid response_type: ${value}`,
    message: 'response_type must be code, token, "code token" or granted_scopes (alone or combined).',
    source: MANUAL_FLOW,
  },
  unknownAccount: {
    status: 400, title: 'Log in failed',
    message: 'The account you chose does not exist (any more).',
    hint: START_AGAIN,
    source: 'emulator',
  },
  sessionExpired: {
    status: 403, title: 'Your session has expired',
    message: 'You are no longer logged in, or your password was changed. Please log in again.',
    hint: START_AGAIN,
    source: 'emulator (a password change invalidates every session: docs §2.2 subcode 460)',
  },
  forgedForm: {
    status: 403, title: 'Sorry, something went wrong.',
    message: 'This form was not sent from your login session, so it was not accepted. Nothing was changed.',
    hint: () => 'The fb_dtsg field must be the one the consent page rendered for this browser session.',
    source: 'emulator (CSRF protection; Facebook calls its form token fb_dtsg)',
  },
  choiceRefused: {
    status: 400, title: 'Sorry, something went wrong.',
    message: 'Your choices could not be saved. Nothing was changed.',
    source: 'emulator',
  },
} satisfies Record<string, DialogErrorEntry>

export type DialogErrorName = keyof typeof DIALOG_ERRORS

/** A catalogue entry made concrete: `args` fill the title and the hint templates; `hint` replaces the entry's. */
export function dialogProblem(name: DialogErrorName, args: string | readonly string[] = '', hint?: string):
  DialogProblem {
  const e: DialogErrorEntry = DIALOG_ERRORS[name]
  const values = typeof args === 'string' ? [args] : args
  const title = typeof e.title === 'function' ? e.title(...values) : e.title
  const h = hint ?? e.hint?.(...values)
  return { status: e.status, title, message: e.message, ...(h ? { hint: h } : {}) }
}
