/**
 * The seed's fix for each troubleshooting case the diagnosis names (messenger/diagnosis.ts `CASES`), as steps a
 * person follows, and which of them the dashboard can do itself:
 * - `reconnect`: a fresh Facebook Login run whose page token replaces the integration's (PATCH's `pageAccessToken`);
 * - `resubscribe`: `POST /{page-id}/subscribed_apps` again with the integration's page token;
 * - `recreate`: delete the integration and create it again with the same page token and Facebook app.
 * Sources: docs/sunshine-messenger-guide.md, Troubleshooting (the seed), each section named below.
 */
import type { CASES, Finding } from '../messenger/diagnosis.js'

export type FixAction = 'reconnect' | 'resubscribe' | 'recreate'
export type CaseId = (typeof CASES)[keyof typeof CASES]['case']

export interface Fix {
  steps: string[]
  actions: FixAction[]
  /** A case that is a fact to design for, not a fault (the European rules). */
  info?: boolean
}

const WORKAROUND_EVENTS = 'messages, messaging_postbacks, messaging_optins, message_reads and messaging_referrals'

export const FIXES: Record<CaseId, Fix> = {
  // Seed, "Facebook User Password Reset": "Facebook unfortunately offers no automated way to refresh the page access
  // token. The integration must be recreated".
  password_reset: {
    steps: [
      'The page owner changed their Facebook password, so the page access token no longer works: people\'s messages ' +
        'still arrive, but the business cannot answer.',
      'Reconnect: the page owner logs in to Facebook again and the new page access token replaces the old one.',
      'Or re-create the integration with a new page access token.',
    ],
    actions: ['reconnect'],
  },
  // Seed, "Missing OAuth Permissions": "access must first be fully revoked from the Facebook dashboard Business
  // Integration page".
  missing_oauth_permissions: {
    steps: [
      'The page owner unticked a permission under "Choose what you allow". Facebook remembers that choice, so ' +
        'connecting again or re-creating the integration does not help by itself.',
      'The page owner revokes the app first: Facebook › Settings › Business Integrations › this app › Remove.',
      'Then connect again (Reconnect below) and allow every permission asked for.',
    ],
    actions: ['reconnect'],
  },
  // Seed, "Webhook Events Workaround", steps 1–6 and the two ways to subscribe the page.
  webhook_fields_bug: {
    steps: [
      'Facebook did not add the required events to the app\'s webhook (a Facebook platform bug).',
      'In the Facebook developer dashboard, select the app, then Messenger › Settings › Webhooks › Edit Events.',
      `Select ${WORKAROUND_EVENTS}, and save.`,
      'Then subscribe the page to the app (below, with the integration\'s page token, as the page admin would), or ' +
        're-create the integration.',
    ],
    actions: ['resubscribe', 'recreate'],
  },
  page_not_subscribed: {
    steps: [
      'The app is not subscribed to the page\'s events, so nothing people send reaches the adapter.',
      'Subscribe the page (below, with the integration\'s page token), or re-create the integration.',
    ],
    actions: ['resubscribe', 'recreate'],
  },
  // Seed, "Impact of Messenger API Updates for Europe".
  eea_restrictions: {
    steps: [
      'Facebook\'s European privacy rules apply to this page: no persistent menu, typing indicators, read and channel ' +
        'delivery events; files, audio and video render as links; limited profile data.',
      'Nothing to repair: design the experience for these limits.',
    ],
    actions: [],
    info: true,
  },
  unsupported_content: {
    steps: [
      'The business sends locationRequest actions, which Messenger no longer takes: they are left out, the rest of ' +
        'each message is delivered.',
      'Ask for the location in words instead, and stop sending locationRequest actions to Messenger.',
    ],
    actions: [],
  },
  // Not a seed case: what Sunshine's channel does not carry (docs/emulation.md, private replies and the checkbox).
  unreached_people: {
    steps: [
      'People reached the page outside a Messenger conversation: a comment on a post, or a checkbox plugin opt-in. ' +
        'Sunshine\'s Messenger channel carries neither, so no conversation exists for them yet.',
      'Answer with your own Send API call and the page access token: recipient {"comment_id": …} once per comment ' +
        'within 7 days, or recipient {"user_ref": …} once within 24 hours of the opt-in.',
      'When the person answers in Messenger, the conversation reaches the business as usual.',
    ],
    actions: [],
    info: true,
  },
}

/** A finding's fix; a case added to the diagnosis later shows its remedy as one step until it gets its own. */
export function fixOf(finding: Finding): Fix {
  return (FIXES as Record<string, Fix | undefined>)[finding.case] ?? { steps: [finding.remedy], actions: [] }
}

/** What each button says and does. */
export const ACTION_LABELS: Record<FixAction, string> = {
  reconnect: 'Reconnect (log in to Facebook again)',
  resubscribe: 'Subscribe the page again',
  recreate: 'Re-create the integration',
}
