/**
 * Messenger's limits as the adapter applies them, each with its source. Code refers to these names, never numbers.
 */
export const LIMITS = {
  /** "For actions of type reply, the limit is eleven." (seed, Action Buttons) */
  replyActions: 11,
  /**
   * "For all other action types, the limit is three." (seed, Action Buttons). Messenger's button template and generic
   * template elements take at most 3 buttons in total (messenger-platform.md §3.4), so link, webview and postback
   * actions share those three places.
   */
  otherActions: 3,
  /** "You can send carousels containing up to 10 items" (seed, Carousel); generic template: 10 elements (§3.4). */
  carouselItems: 10,
  /** Quick reply and button titles: 20 characters (messenger-platform.md §3.2, §3.5). */
  buttonTitle: 20,
  /** Generic template element title and subtitle: 80 characters (§3.4). */
  elementTitle: 80,
  /** Button template text: 640 characters (§3.4). */
  buttonTemplateText: 640,
  /** Send API text: 2000 characters (§3.2); longer Sunshine texts (≤4096) are sent as several messages. */
  text: 2000,
  /** Persistent menu: 3 levels, 1–3 items at the top, 1–5 in submenus (seed, Persistent Menu). */
  menuLevels: 3,
  menuTopItems: 3,
  menuSubmenuItems: 5,
  /** Menu item titles: 30 characters (messenger-platform.md §6.1). */
  menuTitle: 30,
  /** From Graph v8.0 a flat menu takes up to 20 items (messenger-platform.md §6.1). */
  flatMenuItems: 20,
} as const
