/**
 * Sunshine Conversations' own rules for content and menus as the seed states them (the guide's Action Buttons,
 * Carousel and Persistent Menu sections), each with its source. Messenger's limits are in facebook/limits.ts.
 */
export const CONTENT_LIMITS = {
  /** "For actions of type reply, the limit is eleven." (seed, Action Buttons) */
  replyActions: 11,
  /**
   * "For all other action types, the limit is three." (seed, Action Buttons). Messenger's button template and generic
   * template elements take at most 3 buttons in total (docs/messenger-platform.md §3.4), so link, webview and postback
   * actions share those three places.
   */
  otherActions: 3,
  /** "You can send carousels containing up to 10 items" (seed, Carousel); generic template: 10 elements (§3.4). */
  carouselItems: 10,
  /** Persistent menu: 3 levels, 1–3 items at the top, 1–5 in submenus (seed, Persistent Menu). */
  menuLevels: 3,
  menuTopItems: 3,
  menuSubmenuItems: 5,
} as const
