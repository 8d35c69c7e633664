/**
 * Messenger's built-in NLP as data (docs §18): the `nlp_configs` edge a page turns it on with, and the wire types of
 * what a `messages` webhook then carries in `message.nlpv2`. The recognizer that fills them is
 * emulator/messenger/nlp.ts; the edge is emulator/graph/nlp-configs.ts.
 *
 * Sources:
 * - The reference, https://developers.facebook.com/docs/graph-api/reference/page/nlp_configs/: the parameters
 *   (`nlp_enabled`, `model`, `custom_token`, `verbose`, `n_best`, `other_language_support`), the `{success: bool}`
 *   answer, error codes 200 and 80006; no read, update or delete.
 * - BUILT_IN_NLP_DOC (updated 22 May 2024): the permissions (MESSAGING task, `pages_messaging`,
 *   `pages_manage_metadata`), parameters in the query string, default model English, the entity and trait names,
 *   and that webhooks carried `nlp` (legacy `wit$` names) and `nlpv2` (plain names) until `nlp` was removed on
 *   18 June 2024.
 * - A `messages` webhook captured in production in December 2025 (timestamp 1766337130900, public code comment):
 *   only `nlpv2`, with `detected_locales` (`en_XX`) and `traits` whose values are single objects
 *   (`{"greetings": {"id", "value": "true", "confidence"}}`), no `intents` and no `entities` when none were found.
 * - Wit.ai's built-in ids, captured in webhooks: greetings `5900cc2d-…`, bye `5900cc2e-…` (2023, v16.0), sentiment
 *   `5ac2b50a-…` (BUILT_IN_NLP_DOC), location `624173841772436` (docs §18), datetime `340464963587159`
 *   (BUILT_IN_NLP_DOC). The others were not found published: those ids are the emulator's own, marked below.
 * - https://github.com/amuramoto/messenger-node (a Messenger Platform Node SDK), setNlpConfigs doc comment: `n_best`
 *   1 to 8; `verbose` adds positions.
 */

export const BUILT_IN_NLP_DOC = 'https://developers.facebook.com/documentation/business-messaging/messenger-platform/built-in-nlp'

/** `model`: the enum of the reference, ENGLISH by default (BUILT_IN_NLP_DOC). */
export const NLP_MODELS = [
  'ARABIC', 'CHINESE', 'CROATIAN', 'CUSTOM', 'DANISH', 'DUTCH', 'ENGLISH', 'FRENCH_STANDARD', 'GEORGIAN',
  'GERMAN_STANDARD', 'GREEK', 'HEBREW', 'HUNGARIAN', 'IRISH', 'ITALIAN_STANDARD', 'KOREAN', 'NORWEGIAN_BOKMAL',
  'POLISH', 'PORTUGUESE', 'ROMANIAN', 'SPANISH', 'SWEDISH', 'VIETNAMESE',
] as const
export type NlpModel = (typeof NLP_MODELS)[number]

export const NLP_DEFAULTS = { enabled: false, model: 'ENGLISH', verbose: false, nBest: 1 } as const

/** `n_best`: "Minimum 1. Maximum 8." (amuramoto/messenger-node); the reference only says int64. */
export const N_BEST_RANGE = { min: 1, max: 8 } as const

/**
 * The details of the (#100) refusals of bad `nlp_configs` values (facebook/errors.ts `paramInvalid`). Graph answers
 * parameter errors with code 100 at HTTP 400 (docs §2.1); these wordings were not found published and are the
 * emulator's own, in the style of Graph's "Param n_best must be an integer". A bad `model` gets Graph's enum form
 * (`paramOneOf`).
 */
export const NLP_PARAM_ERRORS = {
  notBoolean: (param: string) => `Param ${param} must be a boolean`,
  nBestOutOfRange: () => `Param n_best must be between ${N_BEST_RANGE.min} and ${N_BEST_RANGE.max}`,
  notAnObject: (param: string) => `Param ${param} must be a JSON object`,
}

/** Both are needed with a page token of the page (BUILT_IN_NLP_DOC, "Requirements"). */
export const NLP_CONFIG_SCOPES = ['pages_messaging', 'pages_manage_metadata'] as const

/** A page's built-in NLP settings, as stored and as the world document gives them. */
export interface NlpConfig {
  enabled: boolean
  model: NlpModel
  /** A Wit.ai server token; the emulator is offline and never calls Wit.ai with it. */
  customToken: string | null
  verbose: boolean
  nBest: number
  /** "A map of language to model type and Wit token", kept as given. */
  otherLanguageSupport: Record<string, unknown> | null
}

// ── What `message.nlpv2` carries ────────────────────────────────────────────────────────────────────────────────

/** The default traits, plain names (BUILT_IN_NLP_DOC): greetings, thanks and bye in English only, and sentiment. */
export type NlpTraitName = 'greetings' | 'thanks' | 'bye' | 'sentiment'
/** The default entities the emulator recognizes, plain names; keys of `entities` are `name:role`. */
export type NlpEntityName = 'datetime' | 'email' | 'phone_number' | 'amount_of_money' | 'location' | 'url'

/** One trait: Wit's id of the trait, its value (`"true"`, or `positive`/`neutral`/`negative`) and a confidence. */
export interface NlpTrait { id: string; value: string; confidence: number }

export interface NlpDatetimeValue { type: 'value'; grain: 'day' | 'hour' | 'minute'; value: string }

/** One entity as Wit.ai returns it: where in the text, what was found and its resolved value. */
export interface NlpEntity {
  id: string
  name: NlpEntityName
  role: NlpEntityName
  start: number
  end: number
  body: string
  confidence: number
  entities: NlpEntity[]
  type: 'value'
  value: string | number
  /** amount_of_money: `$`, `EUR`, `GBP`. */
  unit?: string
  /** datetime. */
  grain?: NlpDatetimeValue['grain']
  values?: NlpDatetimeValue[]
  /** location: Wit marks a guessed location (docs §18 capture). */
  suggested?: true
  /** url. */
  domain?: string
}

export interface DetectedLocale { locale: string; confidence: number }

/** `message.nlpv2`; `entities` and `traits` are left out when nothing was found (December 2025 capture). */
export interface MessageNlp {
  detected_locales: DetectedLocale[]
  entities?: Partial<Record<`${NlpEntityName}:${NlpEntityName}`, NlpEntity[]>>
  traits?: Partial<Record<NlpTraitName, NlpTrait>>
}

/** Wit's ids of the built-in traits and entities (see the sources above); `own` marks the emulator's. */
export const WIT_IDS: Record<NlpTraitName | NlpEntityName, { id: string; own?: true }> = {
  greetings: { id: '5900cc2d-41b7-45b2-b21f-b950d3ae3c5c' },
  bye: { id: '5900cc2e-09ed-4764-800c-11e7566acfac' },
  thanks: { id: '5900cc2e-6c8f-4d52-a4b4-0e0b5ad4a1f1', own: true },
  sentiment: { id: '5ac2b50a-44e4-466e-9d49-bad6bd40092c' },
  datetime: { id: '340464963587159' },
  location: { id: '624173841772436' },
  email: { id: '340464963587160', own: true },
  phone_number: { id: '340464963587161', own: true },
  amount_of_money: { id: '340464963587162', own: true },
  url: { id: '340464963587163', own: true },
}

/** The locale Wit detects English as (captured in 2019, 2023 and 2025 webhooks). */
export const ENGLISH_LOCALE = 'en_XX'
