/**
 * Limits of the other ways of reaching a person (docs §15–§17), spread into the limits (limits.ts), which checks them
 * as `Limit`s (importing the type here would close a circle).
 */

const DAY_MS = 24 * 60 * 60 * 1000
const RECURRING = 'https://developers.facebook.com/docs/messenger-platform/send-messages/recurring-notifications/'
const TOKEN_LIFETIMES = `${RECURRING} (docs §17; the 6/9/12 months from docs.todook.io/broadcast/` +
  'messenger-recurrent-notification, Meta publishes only that tokens expire)'

const expire = (value: number, source: string, decision?: string) =>
  ({ value, beyond: 'expire' as const, source, ...(decision ? { decision } : {}) })

export const REACH_LIMITS = {
  /** An opt-in request's title (the topic people opt in to). */
  notificationTitleMax: { value: 65, beyond: 'refuse' as const,
    source: `${RECURRING} (docs §17; the 65 characters from docs.kogno.io/replies-notifications/` +
      'recurring_notification_request)' },
  /** A comment or visitor post can be answered privately within 7 days of its creation. */
  privateReplyWindowMs: expire(7 * DAY_MS,
    'https://developers.facebook.com/docs/messenger-platform/discovery/private-replies (docs §15)'),
  /** The page's one message to a checkbox plugin's `user_ref` must go within 24 hours of the opt-in. */
  userRefWindowMs: expire(DAY_MS,
    'https://developers.facebook.com/docs/facebook-login/login-connect/faq (docs §16)',
    'Facebook states "one message within 24 hours" for Login Connect opt-ins; the checkbox plugin is taken to follow ' +
    'the same rule, as a bot written against the stricter reading works under either'),
  notificationTokenDailyMs: expire(182 * DAY_MS, TOKEN_LIFETIMES),
  notificationTokenWeeklyMs: expire(273 * DAY_MS, TOKEN_LIFETIMES),
  notificationTokenMonthlyMs: expire(365 * DAY_MS, TOKEN_LIFETIMES),
} as const
