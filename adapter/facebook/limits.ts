/**
 * Messenger's limits as the adapter applies them, each with its source (docs/messenger-platform.md). Code refers to
 * these names, never numbers. Sunshine's own content rules are in conversations/limits.ts.
 */
export const LIMITS = {
  /** Quick reply and button titles: 20 characters (messenger-platform.md §3.2, §3.5). */
  buttonTitle: 20,
  /** Generic template element title and subtitle: 80 characters (§3.4). */
  elementTitle: 80,
  /** Button template text: 640 characters (§3.4). */
  buttonTemplateText: 640,
  /** Send API text: 2000 characters (§3.2); longer Sunshine texts (≤4096) are sent as several messages. */
  text: 2000,
  /** Menu item titles: 30 characters (messenger-platform.md §6.1). */
  menuTitle: 30,
  /** From Graph v8.0 a flat menu takes up to 20 items (messenger-platform.md §6.1). */
  flatMenuItems: 20,
  /**
   * How long Facebook may redeliver a webhook event the adapter did not acknowledge: Graph webhooks are retried "for
   * up to 36 hours" (messenger-platform.md §4.2, https://developers.facebook.com/docs/graph-api/webhooks/getting-started;
   * unverified for Messenger). Seen-event ids are kept at least this long, so a redelivery is still recognised.
   */
  redeliveryWindowMs: 36 * 3600_000,
} as const
