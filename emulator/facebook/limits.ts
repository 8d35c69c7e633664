/**
 * Facebook's limits and durations, each with its value, its source and what happens past it. Handlers use these
 * names, never the numbers.
 *
 * "Past it" is what production does, which is not always what the docs say (docs §21): Facebook refuses an over-long
 * `message[text]` but accepts an over-long quick-reply title and shows it cut with "…". The emulator does what
 * production does and, where that breaks the written contract, adds a warning to the call (facebook/warnings.ts);
 * `--strict` (or the app's `strict` fault switch) refuses every documented limit instead (facebook/leniency.ts).
 * Where the evidence is missing, `decision` says what was chosen and why: what a bot's author would rather meet.
 */

import { JSON_NESTING_MAX } from '../../lib/json-depth.js'
import { REACH_LIMITS } from './reach-limits.js'

/** What Facebook does with a value past the limit, and so what the emulator does. */
export type Beyond =
  /** Refused with Facebook's error (`(#100) Length of param … must be less than or equal to …`, `(#105) …`). */
  | 'refuse'
  /** Accepted and stored whole; people see it cut with "…"; the call carries a warning; `--strict` refuses it. */
  | 'cut'
  /** A larger value is taken as this one. */
  | 'clamp'
  /** A lifetime or a window: past it the thing no longer works (a token, a code, the 24-hour window). */
  | 'expire'
  /** The value used when the caller gives none. */
  | 'default'
  /** Not a Facebook contract but how the emulator itself behaves (a bound, a delivery setting). */
  | 'emulator'

export interface Limit {
  value: number
  /** Where the number and the behaviour past it come from: a Facebook page, a public report, docs §N. */
  source: string
  beyond: Beyond
  /** Why this behaviour was chosen, where the evidence is thin or absent. */
  decision?: string
}

const limit = <B extends Beyond>(value: number, beyond: B, source: string, decision?: string): Limit & { beyond: B } =>
  ({ value, beyond, source, ...(decision ? { decision } : {}) })

/** The Messenger Platform's pages most limits come from (each entry's `source` starts with its page). */
const MESSENGER = 'https://developers.facebook.com/docs/messenger-platform'
const PAGE = {
  sendApi: `${MESSENGER}/reference/send-api/`,
  quickReplies: `${MESSENGER}/send-messages/quick-replies`,
  buttons: `${MESSENGER}/reference/buttons`,
  generic: `${MESSENGER}/send-messages/template/generic`,
  buttonTemplate: `${MESSENGER}/send-messages/template/button`,
  profile: `${MESSENGER}/reference/messenger-profile-api`,
  menu: `${MESSENGER}/send-messages/persistent-menu`,
}

/** Counts are refused wherever a report shows one (`(#105) … has too many elements`); the others follow them. */
const COUNTS_REFUSED = 'every count with a public report is refused ((#105), microsoft/botframework-sdk#3331 for ' +
  'quick replies, botman/botman#694 for buttons, guidone/node-red-contrib-chatbot#65 for menu items); this one is ' +
  'refused like them'
/** A payload or metadata comes back to the bot: cutting it would corrupt data, so it is refused like `payload`. */
const DATA_REFUSED = 'unverified; refused like the button payload, which is evidenced: a payload or metadata comes ' +
  'back to the bot, and a cut one would be corrupt data it cannot notice'
/** A label is display text: cut like quick-reply and button titles, the evidenced labels. */
const LABEL_CUT = 'unverified; cut like quick-reply, button and card titles, the labels with evidence: a label is ' +
  'only display text, and a bot that works on Facebook should not fail here. --strict refuses it'

export const LIMITS = {
  // ── Tokens and login (docs §1) ─────────────────────────────────────────────────────────────────────────────────
  /** Short-lived user tokens (JS SDK, Graph API Explorer) last "about 1–2 hours" (docs §1.2). */
  shortLivedUserTokenSeconds: limit(2 * 60 * 60, 'expire',
    'https://developers.facebook.com/docs/facebook-login/guides/access-tokens'),
  /** Long-lived user tokens last about 60 days; Graph answers `expires_in: 5183944` (docs §1.2, §1.3). */
  longLivedUserTokenSeconds: limit(5183944, 'expire',
    'https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived'),
  /** "The code … expires after 10 minutes" (manual login flow). */
  authCodeSeconds: limit(10 * 60, 'expire',
    'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow'),
  /** `/me/accounts` page size when no `limit` is given (docs §1.5, unverified) and the largest one taken. */
  accountsDefaultLimit: limit(25, 'default', 'https://developers.facebook.com/docs/graph-api/results'),
  accountsMaxLimit: limit(500, 'clamp',
    'https://developers.facebook.com/docs/graph-api/reference/user/accounts/ (the seed uses limit=500)'),
  /** Facebook's data-access window for user data: 90 days (docs §1.7). */
  dataAccessSeconds: limit(90 * 24 * 60 * 60, 'expire',
    'https://developers.facebook.com/docs/graph-api/reference/debug_token'),

  // ── Send API (docs §3.2–§3.7, §8, §21) ─────────────────────────────────────────────────────────────────────────
  messageTextMax: limit(2000, 'refuse',
    `${PAGE.sendApi} (docs §3.8, §21: client code handling real answers "(#100) Length of param message[text] ` +
    'must be less than or equal to 2000")'),
  metadataMax: limit(1000, 'refuse', `${PAGE.sendApi} (docs §3.2)`, DATA_REFUSED),
  quickRepliesMax: limit(13, 'refuse',
    `${PAGE.quickReplies} (docs §3.2; "(#105) param message[quick_replies] has too many elements", ` +
    'microsoft/botframework-sdk#3331)'),
  quickReplyTitleMax: limit(20, 'cut',
    `${PAGE.quickReplies} (docs §21: refused in 2016, "(#100) Length of param message[quick_replies][1][title] ` +
    'must be less than or equal to 20", microsoft/botframework-sdk#1335; accepted and shown cut with "..." since 2017, ' +
    'Charca/bootbot#2 "does not fail anymore", restfb/restfb#913)'),
  payloadMax: limit(1000, 'refuse',
    `${PAGE.buttons} (docs §3.5; "(#100) Length of param [buttons][1][payload] must be less than or equal to 1000", ` +
    'Charca/bootbot#23, 2017; microsoft/botframework-sdk#2507)'),
  buttonTitleMax: limit(20, 'cut',
    `${PAGE.buttons}/url ("Button title. 20 character limit"; docs §21: exceeding it shows three dots, ` +
    'microsoft/BotFramework-Services#112, microsoft/botframework-sdk#1431)'),
  buttonsMax: limit(3, 'refuse',
    `${PAGE.buttonTemplate} (docs §3.4; "(#105) param …[buttons] has too many elements", botman/botman#694)`),
  buttonTemplateTextMax: limit(640, 'refuse', `${PAGE.buttonTemplate} (docs §3.4)`,
    'unverified; refused like message[text], the body text with evidence: this text is the message itself, and ' +
    'cutting it would hide part of what the person must read'),
  genericElementsMax: limit(10, 'refuse', `${PAGE.generic} (docs §3.4)`, COUNTS_REFUSED),
  elementTitleMax: limit(80, 'cut',
    `${PAGE.generic} (docs §3.4; shown with "..." past the limit: microsoft/botframework-sdk#1076, 2016)`),
  elementSubtitleMax: limit(80, 'cut', `${PAGE.generic} (docs §3.4)`,
    'unverified; cut like the card title beside it (microsoft/botframework-sdk#1076)'),
  mediaElementsMax: limit(1, 'refuse',
    'https://developers.facebook.com/docs/messenger-platform/send-messages/template/media ("Maximum of 1 element")',
    COUNTS_REFUSED),
  receiptElementsMax: limit(100, 'refuse',
    'https://developers.facebook.com/docs/messenger-platform/reference/templates/receipt', COUNTS_REFUSED),
  attachmentBytesMax: limit(25 * 1024 * 1024, 'refuse',
    'https://developers.facebook.com/docs/messenger-platform/reference/attachment-upload-api (docs §3.9: 100/2018109)'),
  /** A multipart body (an attachment upload): the 25 MB file plus the form around it. */
  multipartBodyBytesMax: limit(26 * 1024 * 1024, 'emulator',
    'docs §3.2: attachments up to 25 MB (https://developers.facebook.com/docs/messenger-platform/reference/' +
    'attachment-upload-api), plus the multipart envelope'),
  /** Any other body (JSON, form): the emulator's own bound; the largest valid Send API body is a few kilobytes. */
  bodyBytesMax: limit(1024 * 1024, 'emulator',
    "the emulator's own limit (Facebook documents none for JSON bodies): refused before it is read"),
  /**
   * JSON nesting in a body or a parameter: the emulator's own bound (Graph documents none). The deepest valid body,
   * a generic template's button, nests 8 levels.
   */
  paramNestingMax: limit(JSON_NESTING_MAX, 'emulator',
    "the emulator's own bound (Facebook documents none): deeper JSON is refused before it is parsed"),
  /** The standard messaging window, and HUMAN_AGENT's (docs §8). */
  standardWindowMs: limit(24 * 60 * 60 * 1000, 'expire',
    'https://developers.facebook.com/docs/messenger-platform/policy/policy-overview (docs §8)'),
  humanAgentWindowMs: limit(7 * 24 * 60 * 60 * 1000, 'expire',
    'https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags (docs §8)'),
  /** typing_on "auto-expires after ~20 s" (docs §3.7). */
  typingIndicatorMs: limit(20 * 1000, 'expire',
    'https://developers.facebook.com/docs/messenger-platform/send-messages/sender-actions'),

  // ── Webhooks (docs §4.2) ───────────────────────────────────────────────────────────────────────────────────────
  /** A webhook POST must be answered within 20 s, else it counts as failed and is retried. */
  webhookTimeoutMs: limit(20 * 1000, 'expire', `${MESSENGER}/webhooks (docs §4.2)`),
  /** Failing continuously for 8 hours disables the webhook (the emulator then marks the delivery failed). */
  webhookFailureWindowMs: limit(8 * 60 * 60 * 1000, 'expire',
    'https://developers.facebook.com/docs/messenger-platform/webhooks (docs §4.2)'),

  // ── Messenger Profile (docs §6.1) ──────────────────────────────────────────────────────────────────────────────
  /** The version an unversioned call is served as: the app's default version (docs §10); apps here default to it. */
  defaultGraphVersion: limit(21.0, 'default',
    'https://developers.facebook.com/docs/graph-api/guides/versioning (docs §10; the lead chose v21.0)'),
  /** Nested menu items are refused from this version on, and the top level grows from 3 to 20 items. */
  nestedMenuRemovedInVersion: limit(8.0, 'refuse',
    `${PAGE.menu} ("Support for nested menus will be removed … in v8.0 … we allow up to 20 buttons")`),
  greetingTextMax: limit(160, 'cut', `${PAGE.profile}/greeting (docs §6.1)`,
    'unverified (docs §21: refused or cut?); cut, because the greeting is display text like the labels Facebook ' +
    'cuts, and a refusal would fail the whole profile POST (Get Started and the menu sent with it included), which ' +
    'leaves a bot without its Get Started button over a welcome line. --strict refuses it, as documented'),
  getStartedPayloadMax: limit(1000, 'refuse', `${PAGE.profile}/get-started-button`, DATA_REFUSED),
  menuItemTitleMax: limit(30, 'cut', `${PAGE.profile}/persistent-menu`, LABEL_CUT),
  menuItemPayloadMax: limit(1000, 'refuse', `${PAGE.profile}/persistent-menu`, DATA_REFUSED),
  menuTopLevelMax: limit(20, 'refuse',
    `${PAGE.menu} (docs §6.1; "(#105) Number of call to actions exceeds the maximum allowed number", ` +
    'guidone/node-red-contrib-chatbot#65)'),
  /** Below v8.0: 3 top-level items, 5 per submenu, 3 levels in all (seed guide "Persistent Menu"). */
  legacyMenuTopLevelMax: limit(3, 'refuse',
    'seed guide "Persistent Menu": "1 to 3 menu items at its first level" (docs §6.1 "older reference said 3"; ' +
    'messaging-apis PERSISTENT_MENU_TOP_LEVEL_CTA_LIMIT = 3)'),
  legacyMenuNestedMax: limit(5, 'refuse',
    'seed guide "Persistent Menu": "1 to 5 menu items for submenus" (messaging-apis ' +
    'PERSISTENT_MENU_SUB_LEVEL_CTA_LIMIT = 5)'),
  legacyMenuLevelsMax: limit(3, 'refuse', 'seed guide "Persistent Menu": "up to three levels of menu hierarchy"'),
  iceBreakersMax: limit(4, 'refuse', `${PAGE.profile}/ice-breakers/ ("max 4 questions", docs §6.1)`, COUNTS_REFUSED),
  whitelistedDomainsMax: limit(50, 'refuse', `${PAGE.profile}/domain-whitelisting`, COUNTS_REFUSED),
  // Private replies, user_ref, recurring notifications (docs §15–§17).
  ...REACH_LIMITS,
} as const satisfies Record<string, Limit>

export type LimitName = keyof typeof LIMITS

/** The limits that production cuts rather than refuses: display labels (see `Beyond`). */
export type CutLimitName = { [K in LimitName]: (typeof LIMITS)[K]['beyond'] extends 'cut' ? K : never }[LimitName]

/** Characters as people count them: a code point, so an emoji is one (and is never split by a cut). */
export const characters = (text: string): string[] => Array.from(text)

/**
 * What people see of a label past its limit: its first characters up to the limit, then "…" (restfb/restfb#913: a
 * 26-character quick reply shown as "abcdefghijklmnopqrst..."). The value itself is stored and sent back whole.
 */
export function shownCut(name: CutLimitName, text: string): string {
  const chars = characters(text)
  const max = LIMITS[name].value
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text
}
