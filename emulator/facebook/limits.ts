/**
 * Facebook's limits and durations, each with its source. Handlers use these names, never the numbers.
 */
import { JSON_NESTING_MAX } from '../../lib/json-depth.js'

export const LIMITS = {
  /** Short-lived user tokens (JS SDK, Graph API Explorer) last "about 1–2 hours" (docs §1.2). */
  shortLivedUserTokenSeconds: 2 * 60 * 60,
  /** Long-lived user tokens last about 60 days; Graph answers `expires_in: 5183944` (docs §1.2, §1.3). */
  longLivedUserTokenSeconds: 5183944,
  /** "The code … expires after 10 minutes" (manual login flow). */
  authCodeSeconds: 10 * 60,
  /** `/me/accounts` page size when no `limit` is given (docs §1.5, unverified) and the largest one accepted. */
  accountsDefaultLimit: 25,
  accountsMaxLimit: 500,
  /** Facebook's data-access window for user data: 90 days (docs §1.7). */
  dataAccessSeconds: 90 * 24 * 60 * 60,

  // ── Send API (docs §3.2–§3.7, §8) ──────────────────────────────────────────────────────────────────────────────
  messageTextMax: 2000,
  metadataMax: 1000,
  quickRepliesMax: 13,
  quickReplyTitleMax: 20,
  payloadMax: 1000,
  buttonTitleMax: 20,
  buttonsMax: 3,
  buttonTemplateTextMax: 640,
  genericElementsMax: 10,
  elementTitleMax: 80,
  elementSubtitleMax: 80,
  mediaElementsMax: 1,
  receiptElementsMax: 100,
  attachmentBytesMax: 25 * 1024 * 1024,
  /** A multipart body (an attachment upload): the 25 MB file plus the form around it. */
  multipartBodyBytesMax: 26 * 1024 * 1024,
  /** Any other body (JSON, form): the emulator's own bound; the largest valid Send API body is a few kilobytes. */
  bodyBytesMax: 1024 * 1024,
  /**
   * JSON nesting in a body or a parameter: the emulator's own bound (Graph documents none). The deepest valid body,
   * a generic template's button, nests 8 levels.
   */
  paramNestingMax: JSON_NESTING_MAX,
  /** The standard messaging window, and HUMAN_AGENT's (docs §8). */
  standardWindowMs: 24 * 60 * 60 * 1000,
  humanAgentWindowMs: 7 * 24 * 60 * 60 * 1000,
  /** typing_on "auto-expires after ~20 s" (docs §3.7). */
  typingIndicatorMs: 20 * 1000,

  // ── Webhooks (docs §4.2) ───────────────────────────────────────────────────────────────────────────────────────
  /** A webhook POST must be answered within 20 s, else it counts as failed and is retried. */
  webhookTimeoutMs: 20 * 1000,
  /** Failing continuously for 8 hours disables the webhook (the emulator then marks the delivery failed). */
  webhookFailureWindowMs: 8 * 60 * 60 * 1000,

  // ── Messenger Profile (docs §6.1) ──────────────────────────────────────────────────────────────────────────────
  /** The version an unversioned call is served as: the app's default version (docs §10); apps here default to it. */
  defaultGraphVersion: 21.0,
  /** Nested menu items are refused from this version on, and the top level grows from 3 to 20 items. */
  nestedMenuRemovedInVersion: 8.0,
  greetingTextMax: 160,
  getStartedPayloadMax: 1000,
  menuItemTitleMax: 30,
  menuItemPayloadMax: 1000,
  menuTopLevelMax: 20,
  /** Below v8.0: 3 top-level items, 5 per submenu, 3 levels in all (seed guide "Persistent Menu"). */
  legacyMenuTopLevelMax: 3,
  legacyMenuNestedMax: 5,
  legacyMenuLevelsMax: 3,
  iceBreakersMax: 4,
  whitelistedDomainsMax: 50,
} as const

export const LIMIT_SOURCES: Record<keyof typeof LIMITS, string> = {
  shortLivedUserTokenSeconds: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
  longLivedUserTokenSeconds: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived',
  authCodeSeconds: 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow',
  accountsDefaultLimit: 'https://developers.facebook.com/docs/graph-api/results',
  accountsMaxLimit: 'https://developers.facebook.com/docs/graph-api/reference/user/accounts/ (the seed uses limit=500)',
  dataAccessSeconds: 'https://developers.facebook.com/docs/graph-api/reference/debug_token',
  messageTextMax: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/ (docs §3.2)',
  metadataMax: 'https://developers.facebook.com/docs/messenger-platform/reference/send-api/ (docs §3.2)',
  quickRepliesMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/quick-replies (docs §3.2)',
  quickReplyTitleMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/quick-replies (docs §3.2)',
  payloadMax: 'https://developers.facebook.com/docs/messenger-platform/reference/buttons (docs §3.2, §3.5)',
  buttonTitleMax: 'https://developers.facebook.com/docs/messenger-platform/reference/buttons (docs §3.5)',
  buttonsMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/template/button (docs §3.4)',
  multipartBodyBytesMax: 'docs §3.2: attachments up to 25 MB (https://developers.facebook.com/docs/messenger-platform/' +
    'reference/attachment-upload-api), plus the multipart envelope',
  bodyBytesMax: "the emulator's own limit (Facebook documents none for JSON bodies): refused before it is read",
  paramNestingMax: "the emulator's own bound (Facebook documents none): deeper JSON is refused before it is parsed",
  buttonTemplateTextMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/template/button',
  genericElementsMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/template/generic',
  elementTitleMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/template/generic',
  elementSubtitleMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/template/generic',
  mediaElementsMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/template/media',
  receiptElementsMax: 'https://developers.facebook.com/docs/messenger-platform/reference/templates/receipt',
  attachmentBytesMax: 'https://developers.facebook.com/docs/messenger-platform/reference/attachment-upload-api',
  standardWindowMs: 'https://developers.facebook.com/docs/messenger-platform/policy/policy-overview (docs §8)',
  humanAgentWindowMs: 'https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags (docs §8)',
  typingIndicatorMs: 'https://developers.facebook.com/docs/messenger-platform/send-messages/sender-actions',
  webhookTimeoutMs: 'https://developers.facebook.com/docs/messenger-platform/webhooks (docs §4.2)',
  webhookFailureWindowMs: 'https://developers.facebook.com/docs/messenger-platform/webhooks (docs §4.2)',
  defaultGraphVersion: 'https://developers.facebook.com/docs/graph-api/guides/versioning (docs §10; the lead chose v21.0)',
  nestedMenuRemovedInVersion: 'https://developers.facebook.com/docs/messenger-platform/send-messages/persistent-menu ' +
    '("Support for nested menus will be removed … in v8.0 … we allow up to 20 buttons")',
  greetingTextMax: 'https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api/greeting',
  getStartedPayloadMax: 'https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api/get-started-button',
  menuItemTitleMax: 'https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api/persistent-menu',
  menuItemPayloadMax: 'https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api/persistent-menu',
  menuTopLevelMax: 'https://developers.facebook.com/docs/messenger-platform/send-messages/persistent-menu (docs §6.1)',
  legacyMenuTopLevelMax: 'seed guide "Persistent Menu": "1 to 3 menu items at its first level" (docs §6.1 "older ' +
    'reference said 3"; messaging-apis PERSISTENT_MENU_TOP_LEVEL_CTA_LIMIT = 3)',
  legacyMenuNestedMax: 'seed guide "Persistent Menu": "1 to 5 menu items for submenus" (messaging-apis ' +
    'PERSISTENT_MENU_SUB_LEVEL_CTA_LIMIT = 5)',
  legacyMenuLevelsMax: 'seed guide "Persistent Menu": "up to three levels of menu hierarchy"',
  iceBreakersMax: 'https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api/ice-breakers/',
  whitelistedDomainsMax: 'https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api/domain-whitelisting',
}
