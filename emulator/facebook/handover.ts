/**
 * The handover protocol as data (docs §9, §13): the Page Inbox's app id, the roles, and the errors Graph answers.
 * Sources: https://developers.facebook.com/docs/messenger-platform/handover-protocol/ ,
 * https://developers.facebook.com/docs/graph-api/reference/page/take_thread_control/ (error codes 551, 100, 190, 200),
 * https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messaging_handovers
 */
/**
 * Facebook's Page Inbox, a secondary receiver of every page: passing a thread to it hands the person to humans
 * (docs §9; bottenderjs/messaging-apis MessengerClient.ts names the same id).
 */
export const PAGE_INBOX = { id: '263902037430900', name: 'Page Inbox' } as const

export const APP_ROLES = ['primary_receiver', 'secondary_receiver'] as const
export type AppRole = (typeof APP_ROLES)[number]

const HANDOVER_DOC = 'https://developers.facebook.com/docs/messenger-platform/handover-protocol/'
const TAKE_REFERENCE = 'https://developers.facebook.com/docs/graph-api/reference/page/take_thread_control/'

/** Spread into the Graph error catalogue (errors.ts), which checks each entry's shape. */
export const HANDOVER_ERRORS = {
  threadControlledByAnotherApp: {
    code: 10, subcode: 2018300, type: 'OAuthException', status: 400,
    message: '(#10) Message failed to send because another app is controlling this thread now.',
    source: `${HANDOVER_DOC} (docs §13; captured: davidchua/pymessenger#93)`,
  },
  notThreadOwner: {
    code: 10, type: 'OAuthException', status: 400,
    message: '(#10) Application does not have permission for this action',
    // Graph's code-10 wording; which code a non-owner's pass or release gets is not published (docs §13).
    source: 'https://developers.facebook.com/docs/graph-api/guides/error-handling (code 10; for a pass or release ' +
      'by an app that does not own the thread, unverified)',
  },
  notPrimaryReceiver: {
    code: 200, type: 'OAuthException', status: 403,
    message: '(#200) Permissions error',
    source: `${TAKE_REFERENCE} ("If the app is a Primary Receiver, the app can take control"; error 200 listed)`,
  },
  handoverTargetInvalid: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) Invalid parameter',
    source: `${TAKE_REFERENCE} (error 100 listed; for a target_app_id without a role on the page, unverified)`,
  },
} as const
