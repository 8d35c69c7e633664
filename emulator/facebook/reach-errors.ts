/**
 * The Send API's errors for the other ways of reaching a person (docs §15–§17): private replies to comments and
 * visitor posts, the checkbox plugin's `user_ref`, recurring notifications' `notification_messages_token`. Spread into
 * the catalogue (errors.ts), so handlers throw them by name like every other Graph error.
 *
 * Source of the codes and messages: Facebook's "Common Error Codes" of the Messenger Platform
 * (https://developers.facebook.com/docs/messenger-platform/error-codes , updated 25 Jun 2026), and for 2018292 the
 * error captured in restfb/restfb#1165. Where Facebook publishes no error, `source` says which was chosen and why.
 * Checked as `GraphErrorEntry`s where errors.ts spreads them in (importing the type here would close a circle).
 */
const ERROR_CODES_DOC = 'https://developers.facebook.com/docs/messenger-platform/error-codes (Common Error Codes)'
const PRIVATE_REPLIES_DOC = 'https://developers.facebook.com/docs/messenger-platform/discovery/private-replies'

export const REACH_ERRORS = {
  /**
   * A comment or post that cannot be answered privately: unknown, of another page, already answered, or older than
   * 7 days. Facebook publishes one error for all of them (captured for an unknown id); "already replied" and "too
   * old" have no published error of their own, so they answer the same (docs §15).
   */
  privateReplyInvalid: {
    code: 100, subcode: 2018292, type: 'OAuthException', status: 400,
    message: (param: string) => `(#100) Invalid ${param} parameter`,
    ownArgs: [0],
    source: `${PRIVATE_REPLIES_DOC} (docs §15; captured: restfb/restfb#1165, "(#100) Invalid comment_id parameter" ` +
      'code 100 subcode 2018292); one reply per comment and the 7 days are the page\'s rules, their error unpublished',
  },
  /** A `user_ref` never opted in, already used for its one message, or past its 24 hours (docs §16). */
  userRefUnknown: {
    code: 100, subcode: 2018001, type: 'OAuthException', status: 400,
    message: '(#100) No matching user found',
    source: `${ERROR_CODES_DOC} ("100 – 2018001 No matching user found"); the error for a used or expired user_ref ` +
      'is unpublished (docs §16), so it is the unknown recipient\'s',
  },
  notificationTokenInvalid: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) notification_messages_token is invalid',
    source: `${ERROR_CODES_DOC} ("100: … notification_messages_token is invalid")`,
  },
  notificationTokenExpired: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) notification_messages_token has expired',
    source: `${ERROR_CODES_DOC} ("100: … notification_messages_token has expired")`,
  },
  /** The person tapped "Stop these messages". */
  notificationsStopped: {
    code: 10, subcode: 1893015, type: 'OAuthException', status: 400,
    message: '(#10) This user has currently stopped notification messages for this topic',
    source: `${ERROR_CODES_DOC} ("10 – 1893015"; 10 → 400 per docs §2.3)`,
  },
  /** A second message within the token's frequency (one a day, a week or a month). */
  notificationTooSoon: {
    code: 4, subcode: 2018354, type: 'OAuthException', status: 400,
    message: '(#4) There has to be a minimum delay between 2 notifications for the given notification',
    source: `${ERROR_CODES_DOC} ("4 – 2018354 … bypasses the frequency set in notification_messages_frequency"; ` +
      'throttling → 400 per docs §2.3)',
  },
  /** A second opt-in request on a topic the person already opted in to. */
  notificationOptinRepeated: {
    code: 613, subcode: 1893016, type: 'OAuthException', status: 400,
    message: '(#613) Scope of service exceeded: You may not send multiple opt-in requests with the same topic to a ' +
      'user.',
    source: `${ERROR_CODES_DOC} ("613 – 1893016"; status 400 as for the other throttling codes, docs §2.3)`,
  },
} as const
