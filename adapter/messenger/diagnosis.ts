/**
 * Diagnosis of a Messenger integration (beyond Sunshine): asks Facebook what state the integration is in and names the
 * seed's troubleshooting case it finds, with the seed's remedy.
 * - token: GET /debug_token with the app token (messenger-platform.md §1.7). `is_valid: false` with subcode 460 is the
 *   seed's "Facebook User Password Reset".
 * - permissions: the page token's `scopes` from debug_token (GET /me/permissions is for user tokens). Missing
 *   pages_messaging / pages_manage_metadata is the seed's "Missing OAuth Permissions".
 * - app webhook: GET /{app-id}/subscriptions; an object=page subscription without the five required fields is the
 *   seed's "Webhook Events Workaround" (the webhook-fields bug).
 * - page subscription: GET /{page-id}/subscribed_apps must list the app.
 * - EEA: GET /me/messenger_profile?fields=subject_to_new_eu_privacy_rules (§7).
 * - content: what the channel left out of messages it delivered (store/delivery-notes.ts), e.g. location requests,
 *   which Messenger no longer takes.
 * - reach: checkbox plugin opt-ins and page feed changes (comments) that arrived in the last 24 hours, which the
 *   channel does not carry to the business (Sunshine documents neither), with what to do instead.
 * - webhook events: Messenger events the adapter answered 200 but rejected as malformed in the last 24 hours
 *   (webhook-route.ts), with the newest few and why; Facebook never sees them fail, so only this shows them.
 */
import type { AdapterContext } from '../runtime/context.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import { facebook, REQUIRED_FIELDS } from './facebook.js'
import { GRAPH_ERRORS, isGraphError } from '../facebook/graph-errors.js'
import { webhookUrl } from './integration.js'
import { REQUIRED_PERMISSIONS } from '../facebook/login.js'

export type CheckStatus = 'ok' | 'problem' | 'unknown'
export interface Check { name: string; status: CheckStatus; detail: string }
export interface Finding { case: string; title: string; remedy: string; source: string }

const SEED = 'Sunshine Conversations guide to Facebook Messenger, Troubleshooting'
/** Rejections this recent make the webhook_events check a problem; older ones are only listed. */
const REJECTIONS_WINDOW_MS = 24 * 3600_000
/** How many of the newest rejections the diagnosis lists. */
const REJECTIONS_LISTED = 10

export const CASES = {
  passwordReset: {
    case: 'password_reset', title: 'Facebook User Password Reset',
    remedy: 'The page owner changed their Facebook password, which invalidated the page access token: messages from ' +
      'people still arrive, but the business cannot answer. Facebook offers no way to refresh the token: obtain a new ' +
      'page access token (the owner logs in again) and give it to the integration with PATCH ' +
      '/v2/apps/{appId}/integrations/{integrationId} {"pageAccessToken": "…"}, or recreate the integration (DELETE it, ' +
      'then POST /v2/apps/{appId}/integrations).',
    source: `${SEED}, Facebook User Password Reset`,
  },
  missingPermissions: {
    case: 'missing_oauth_permissions', title: 'Missing OAuth Permissions',
    remedy: 'The page owner reduced the granted permissions ("Choose what you allow"). Deleting and recreating the ' +
      'integration is not enough because Facebook remembers the choice: first fully revoke the app from the Facebook ' +
      'Business Integrations settings page, then authorise again granting every permission, then recreate the integration.',
    source: `${SEED}, Missing OAuth Permissions`,
  },
  webhookFieldsBug: {
    case: 'webhook_fields_bug', title: 'Webhook Events Workaround',
    remedy: 'Facebook did not add the required events to the app\'s webhook. In the Facebook developer dashboard: your ' +
      'app → Messenger → Settings → Webhooks → Edit Events, select messages, messaging_postbacks, messaging_optins, ' +
      'message_reads and messaging_referrals, and save. Then subscribe the page (as page admin, in the same section; ' +
      'otherwise delete and recreate the integration).',
    source: `${SEED}, Webhook Events Workaround`,
  },
  pageNotSubscribed: {
    case: 'page_not_subscribed', title: 'Webhook Events Workaround (page not subscribed)',
    remedy: 'The app is not subscribed to the page\'s events. As a page admin, subscribe the page in the developer ' +
      'dashboard (Messenger → Settings → Webhooks → select a page), or delete and recreate the integration.',
    source: `${SEED}, Webhook Events Workaround`,
  },
  eea: {
    case: 'eea_restrictions', title: 'Impact of Messenger API Updates for Europe',
    remedy: 'Facebook\'s European privacy rules apply to this page: no persistent menu, typing indicators, read and ' +
      'channel delivery events; file/audio/video render as links; limited profile data. Nothing to fix on the ' +
      'integration; design the experience for these limits.',
    source: 'Sunshine Conversations guide to Facebook Messenger, Impact of Messenger API Updates for Europe',
  },
  unsupportedContent: {
    case: 'unsupported_content', title: 'Content Messenger no longer supports',
    remedy: 'The business sends locationRequest actions, whose Messenger form (the location quick reply) Facebook ' +
      'removed: they are left out and the rest of each message is delivered. Ask for the location in words instead ' +
      '(people can share it from Messenger\'s composer), and stop sending locationRequest actions to Messenger.',
    source: 'Facebook Messenger Platform, Quick Replies reference (content_type: text, user_phone_number, user_email); ' +
      'messenger-platform.md §3.2',
  },
  unreachedPeople: {
    case: 'unreached_people', title: 'People Messenger reached outside a conversation',
    remedy: 'Sunshine\'s Messenger channel carries conversations with a PSID: it subscribes to messages, ' +
      'messaging_postbacks, messaging_optins, message_reads and messaging_referrals. Comments on the page (the feed ' +
      'field) never reach the business, and a checkbox plugin opt-in names the person by your website\'s user_ref ' +
      'only, so no Sunshine user exists for it. Answer either with your own Send API call and the page access token: ' +
      'recipient {"comment_id": …} once per comment within 7 days (a private reply), or recipient {"user_ref": …} ' +
      'once within 24 hours of the opt-in. When the person answers in Messenger, their messages reach the business ' +
      'here as an ordinary conversation.',
    source: 'Sunshine Conversations guide to Facebook Messenger (Webhook Events Workaround: the five fields); ' +
      'messenger-platform.md §15 (private replies), §16 (checkbox plugin)',
  },
} as const satisfies Record<string, Finding>

/** Events skipped this recent make the reach check a problem. */
const SKIPPED_WINDOW_MS = 24 * 3600_000
const SKIPPED_WORDS = { user_ref_optin: 'checkbox plugin opt-in', feed: 'page feed change' } as const

export async function diagnose(ctx: AdapterContext, row: MessengerIntegrationRow) {
  const fb = facebook(ctx.graph, row.config)
  const checks: Check[] = []
  const findings: Finding[] = []
  const describe = (err: unknown) => err instanceof Error ? err.message : String(err)

  try {
    const { data } = await fb.debugPageToken()
    if (!data.is_valid) {
      const e = data.error
      checks.push({ name: 'token', status: 'problem', detail: `page access token is not valid: ${e?.message ?? 'no reason given'}` })
      if (e?.code === GRAPH_ERRORS.passwordChanged.code && e.subcode === GRAPH_ERRORS.passwordChanged.subcode) {
        findings.push(CASES.passwordReset)
      }
    } else {
      checks.push({ name: 'token', status: 'ok', detail: `valid ${data.type ?? ''} token for app ${data.app_id ?? '?'}`.trim() })
      const scopes = data.scopes ?? []
      const missing = REQUIRED_PERMISSIONS.filter((p) => !scopes.includes(p))
      if (missing.length) {
        checks.push({ name: 'permissions', status: 'problem', detail: `not granted: ${missing.join(', ')}` })
        findings.push(CASES.missingPermissions)
      } else {
        checks.push({ name: 'permissions', status: 'ok', detail: `granted: ${scopes.join(', ')}` })
      }
    }
  } catch (err) {
    checks.push({ name: 'token', status: 'unknown', detail: `GET /debug_token failed: ${describe(err)}` })
  }

  try {
    const { data } = await fb.appSubscriptions()
    const page = data.find((s) => s.object === 'page')
    const fields = (page?.fields ?? []).map((f) => typeof f === 'string' ? f : f.name)
    const missing = REQUIRED_FIELDS.filter((f) => !fields.includes(f))
    if (!page) {
      checks.push({ name: 'app_webhook', status: 'problem', detail: 'the Facebook app has no webhook for object "page"' })
      findings.push(CASES.webhookFieldsBug)
    } else if (missing.length) {
      checks.push({ name: 'app_webhook', status: 'problem', detail: `webhook fields missing: ${missing.join(', ')}` })
      findings.push(CASES.webhookFieldsBug)
    } else {
      const expected = webhookUrl(ctx, row.id)
      const note = page.callback_url === expected ? '' : ` (callback ${page.callback_url}, this integration's is ${expected})`
      checks.push({ name: 'app_webhook', status: 'ok', detail: `fields: ${fields.join(', ')}${note}` })
    }
  } catch (err) {
    checks.push({ name: 'app_webhook', status: 'unknown', detail: `GET /${row.config.fbAppId}/subscriptions failed: ${describe(err)}` })
  }

  try {
    const { data } = await fb.pageSubscriptions(row.config.pageId)
    const sub = data.find((a) => String(a.id) === row.config.fbAppId)
    if (!sub) {
      checks.push({ name: 'page_subscription', status: 'problem', detail: `page ${row.config.pageId} is not subscribed to app ${row.config.fbAppId}` })
      findings.push(CASES.pageNotSubscribed)
    } else {
      checks.push({ name: 'page_subscription', status: 'ok', detail: `fields: ${(sub.subscribed_fields ?? []).join(', ')}` })
    }
  } catch (err) {
    checks.push({ name: 'page_subscription', status: 'unknown', detail: `GET /${row.config.pageId}/subscribed_apps failed: ${describe(err)}` })
    if (isGraphError(err, GRAPH_ERRORS.passwordChanged) && !findings.includes(CASES.passwordReset)) {
      findings.push(CASES.passwordReset)
    }
  }

  try {
    const eea = await fb.euPrivacy()
    checks.push({ name: 'eea', status: eea ? 'problem' : 'ok', detail: eea ? 'subject to the European privacy rules' : eea === null ? 'not reported' : 'not subject to the European privacy rules' })
    if (eea) findings.push(CASES.eea)
  } catch (err) {
    checks.push({ name: 'eea', status: 'unknown', detail: `GET /me/messenger_profile failed: ${describe(err)}` })
  }

  const notes = ctx.store.deliveryNotes.summary(row.id)
  if (notes.length) {
    checks.push({
      name: 'content', status: 'problem',
      detail: notes.map((n) => `${n.count} message(s) delivered without what Messenger no longer takes (${n.latest.code}; ` +
        `last: message ${n.latest.messageId} at ${n.latest.at}): ${n.latest.detail}`).join(' '),
    })
    findings.push(CASES.unsupportedContent)
  } else {
    checks.push({ name: 'content', status: 'ok', detail: 'no message was delivered with parts left out' })
  }

  const skipped = ctx.store.skippedEvents.countsSince(row.id, ctx.clock.now() - SKIPPED_WINDOW_MS)
  if (skipped.length) {
    checks.push({ name: 'reach', status: 'problem', detail: skipped.map((k) =>
      `${k.n} ${SKIPPED_WORDS[k.kind]}${k.n === 1 ? '' : 's'} in the last 24 hours not carried (e.g. ${k.example})`)
      .join('; ') })
    findings.push(CASES.unreachedPeople)
  } else {
    checks.push({ name: 'reach', status: 'ok', detail: 'no comment or checkbox plugin opt-in arrived in the last 24 hours' })
  }

  const rejectedEvents = rejections(ctx, row, checks)
  return { integrationId: row.id, healthy: findings.length === 0 && checks.every((c) => c.status === 'ok'), checks,
    findings, rejectedEvents }
}

/** The webhook_events check, and the newest rejected events to list with it. */
function rejections(ctx: AdapterContext, row: MessengerIntegrationRow, checks: Check[]) {
  const { rejectedEvents } = ctx.store
  const recent = rejectedEvents.countSince(row.id, ctx.clock.now() - REJECTIONS_WINDOW_MS)
  const listed = rejectedEvents.recent(row.id, REJECTIONS_LISTED)
  checks.push(recent > 0
    ? { name: 'webhook_events', status: 'problem',
      detail: `${recent} Messenger event${recent === 1 ? '' : 's'} rejected in the last 24 hours; the last: ${listed[0]!.reason}` }
    : { name: 'webhook_events', status: 'ok', detail: 'no Messenger event rejected in the last 24 hours' })
  return listed.map((e) => ({ at: new Date(e.receivedAt).toISOString(), reason: e.reason, excerpt: e.excerpt }))
}
