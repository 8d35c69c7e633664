/**
 * The catalogue of warnings: what the emulator says, beyond Facebook, when Facebook silently alters or tolerates
 * something that breaks its documented contract (a missing `messaging_type` sent as RESPONSE, a title shown cut, a
 * deprecated format still accepted, a parameter it ignores). Facebook says nothing in those cases; a bot author
 * finds out later, in production or at the next version upgrade. The emulator says it in the request journal entry
 * (`warnings: [{code, message, docs}]`) and in one `X-Emulator-Warning` header per warning. Under `--strict` most of
 * these are refusals instead (facebook/leniency.ts).
 *
 * Each entry: the message (or a template filled with the handler's arguments) and `docs`, the page that explains it.
 */
import { BUILT_IN_NLP_DOC } from './nlp.js'

export interface Warning {
  /** The catalogue name, e.g. `messagingTypeMissing`. */
  code: WarningName
  message: string
  /** Facebook's page (or this project's docs) that explains what the warning is about. */
  docs: string
}

interface WarningEntry {
  message: string | ((...args: string[]) => string)
  docs: string | ((...args: string[]) => string)
}

const MESSAGING_TYPES = 'https://developers.facebook.com/docs/messenger-platform/send-messages#messaging_types'
const PERMISSIONS = 'https://developers.facebook.com/docs/permissions/reference'

export const WARNINGS = {
  messagingTypeMissing: {
    message: (sentAs: string) => `messaging_type is missing: sent as ${sentAs}, as Facebook does, though its docs ` +
      'require messaging_type on every message since 7 May 2018. --strict refuses such a send.',
    docs: MESSAGING_TYPES,
  },
  labelCut: {
    message: (param: string, max: string) => `${param} is longer than ${max} characters: accepted and stored whole, ` +
      `but people see its first ${max} characters and "…". --strict refuses it.`,
    /** The page that documents the limit (the catalogue entry's source). */
    docs: (_param: string, _max: string, page: string) => page,
  },
  iceBreakersFlatFormat: {
    message: 'ice_breakers in the flat format [{question, payload}]: Facebook still accepts it, but documents the ' +
      'localized format [{locale: "default", call_to_actions: [...]}] since 19 April 2022.',
    docs: 'https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api/ice-breakers/',
  },
  nestedMenuDeprecated: {
    message: (version: string) => `persistent_menu has nested items: ${version} still accepts them, but Facebook ` +
      'removed them from v8.0 on, so the app breaks when its Graph version is upgraded.',
    docs: 'https://developers.facebook.com/docs/messenger-platform/send-messages/persistent-menu',
  },
  ignoredParameter: {
    message: (name: string) => `Graph ignored the parameter ${name}: this endpoint does not read it (a typo, or a ` +
      'parameter of another endpoint?).',
    docs: 'https://developers.facebook.com/docs/graph-api/overview',
  },
  userFieldWithheld: {
    message: (field: string, needs: string) => `${field} was left out of the answer, as Facebook does without an ` +
      `error: ${needs}.`,
    docs: PERMISSIONS,
  },
  nlpEnabledMissing: {
    message: 'nlp_enabled is missing: the other settings are stored and NLP stays as it was, though Facebook\'s ' +
      'docs say every nlp_configs call must carry it. --strict refuses such a call.',
    docs: BUILT_IN_NLP_DOC,
  },
  witAppOffline: {
    message: 'A custom Wit.ai app (custom_token or model CUSTOM) is stored, but the emulator is offline and never ' +
      'calls Wit.ai: messages carry what its built-in recognizer finds (docs/emulation.md, "Built-in NLP").',
    docs: BUILT_IN_NLP_DOC,
  },
} satisfies Record<string, WarningEntry>

export type WarningName = keyof typeof WARNINGS

/** The arguments a warning's templates take. */
export type WarningArgs<N extends WarningName> = (typeof WARNINGS)[N]['message'] extends (...a: infer A) => string
  ? (typeof WARNINGS)[N]['docs'] extends (...d: infer D) => string ? D : A
  : (typeof WARNINGS)[N]['docs'] extends (...d: infer D) => string ? D : []

/** Builds the catalogue warning `name` with the handler's arguments. */
export function warning<N extends WarningName>(name: N, ...args: WarningArgs<N>): Warning {
  const entry: WarningEntry = WARNINGS[name]
  const fill = (t: WarningEntry['message']) => (typeof t === 'function' ? t(...(args as string[])) : t)
  return { code: name, message: fill(entry.message), docs: fill(entry.docs) }
}

/** A header value is printable ASCII; a warning's header is also short (its full text is in the journal). */
const HEADER_MAX = 200

/**
 * `X-Emulator-Warning: labelCut: message[quick_replies][0][title] is longer than 20 …`. Without commas: clients join
 * repeated headers with ", " (fetch's `headers.get`), and each warning must stay one item of that list.
 */
export function warningHeader(w: Warning): string {
  const text = `${w.code}: ${w.message}`.replace(/…/g, '...').replace(/,/g, ';').replace(/[^\x20-\x7e]/g, '?')
  return text.length > HEADER_MAX ? `${text.slice(0, HEADER_MAX - 3)}...` : text
}
