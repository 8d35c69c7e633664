/**
 * Creating, updating and deleting a Messenger integration (seed, "Using the Integration API"; conversations-api.md
 * §10.2, §17):
 * 1. GET /me with the page token (+ appsecret_proof): the token is valid, the app secret matches, and /me is the page.
 * 2. POST /{fb-app-id}/subscriptions with the app token: the app's webhook points at the adapter (Facebook verifies it
 *    with a GET to the callback before answering, which the webhook route answers from `pendingVerifications`).
 * 3. POST /{page-id}/subscribed_apps with the seed's fields plus deliveries and echoes.
 * 4. POST /me/messenger_profile get_started (Get Started is what makes a persistent menu show; §6.1).
 * Any failure answers a Conversations-shaped error and stores nothing (what was done on Facebook is undone).
 * A new page access token (PATCH, the seed's fix after the owner's password reset, conversations-api.md §10.2) is
 * checked the same way (GET /me: valid, same app secret, and the same page), then the page is subscribed again with it.
 */
import type { AdapterContext } from '../runtime/context.js'
import { ChannelError } from './errors.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import { facebook } from './facebook.js'
import { GraphApiError, GraphUnreachableError } from '../facebook/graph-client.js'
import { GRAPH_ERRORS, isGraphError, PERMISSION_ERROR_CODES, TOKEN_ERROR_CODES } from '../facebook/graph-errors.js'

export interface MessengerIntegrationInput {
  pageAccessToken: string
  appId: string
  appSecret: string
  displayName?: string | undefined
}

/** Facebook's answer in words a developer can act on. */
export function graphFailure(step: string, err: unknown): ChannelError | unknown {
  if (err instanceof GraphUnreachableError) return new ChannelError('graphUnreachable', `${step}: ${err.message}`)
  if (!(err instanceof GraphApiError)) return err
  let hint = ''
  if (/appsecret_proof/i.test(err.message)) hint = ' (appSecret does not belong to the Facebook app that issued the page token)'
  else if (isGraphError(err, GRAPH_ERRORS.passwordChanged)) hint = ' (the page owner changed their password: generate a new page token)'
  else if (TOKEN_ERROR_CODES.includes(err.code)) hint = ' (pageAccessToken or appId/appSecret is not valid)'
  else if (PERMISSION_ERROR_CODES.includes(err.code)) hint = ' (the token lacks a permission: pages_messaging and pages_manage_metadata are required)'
  const sub = err.subcode !== undefined ? `/${err.subcode}` : ''
  return new ChannelError('facebookRefused', `${step}: Facebook answered (#${err.code}${sub}) ${err.message}${hint}`)
}

export function webhookUrl(ctx: AdapterContext, integrationId: string): string {
  return `${ctx.publicUrl()}/webhooks/messenger/${integrationId}`
}

export interface CreateOptions {
  /**
   * The dashboard's Save (seed, Missing OAuth Permissions: "the integration may be in a broken state"): when Facebook
   * refuses a setup step after the page token was checked, the integration is kept with status `error` instead of
   * refused, so its status page can show what is wrong and how to fix it. The Integration API never sets this.
   */
  keepBroken?: boolean
}

export async function createMessengerIntegration(ctx: AdapterContext, appId: string, input: MessengerIntegrationInput,
  options: CreateOptions = {}): Promise<MessengerIntegrationRow> {
  const creds = { pageAccessToken: input.pageAccessToken, fbAppId: input.appId, fbAppSecret: input.appSecret }
  const fb = facebook(ctx.graph, creds)
  const id = ctx.ids.record()
  const verifyToken = ctx.ids.secret()

  let page: { id: string; name?: string }
  try {
    page = await fb.me()
  } catch (err) {
    throw graphFailure('Checking the page access token (GET /me)', err)
  }
  ctx.pendingVerifications.set(id, verifyToken)
  let pageSubscribed = false
  let setupError: unknown
  try {
    await fb.subscribeApp(webhookUrl(ctx, id), verifyToken).catch((err: unknown) => {
      throw graphFailure(`Subscribing the Facebook app's webhook (POST /${input.appId}/subscriptions)`, err)
    })
    await fb.subscribePage(page.id).catch((err: unknown) => {
      throw graphFailure(`Subscribing the app to the page (POST /${page.id}/subscribed_apps)`, err)
    })
    pageSubscribed = true
    await fb.setGetStarted().catch((err: unknown) => {
      throw graphFailure('Setting the Get Started button (POST /me/messenger_profile)', err)
    })
  } catch (err) {
    ctx.pendingVerifications.delete(id)
    if (!options.keepBroken || !(err instanceof ChannelError && err.kind === 'facebookRefused')) {
      if (pageSubscribed) await fb.unsubscribePage(page.id).catch(() => undefined)
      throw err
    }
    setupError = err
  }
  // EEA status is informative (menu, diagnosis); not knowing it does not block the integration.
  const eea = await fb.euPrivacy().catch(() => null)
  const row: MessengerIntegrationRow = {
    id, appId, type: 'messenger', status: setupError ? 'error' : 'active', displayName: input.displayName ?? null,
    createdAt: new Date(ctx.clock.now()).toISOString(),
    config: {
      pageId: page.id, pageName: page.name ?? '', pageAccessToken: input.pageAccessToken, fbAppId: input.appId,
      fbAppSecret: input.appSecret, verifyToken, eea,
    },
  }
  ctx.store.integrations.create(row)
  ctx.pendingVerifications.delete(id)
  return row
}

export interface MessengerIntegrationUpdate {
  displayName?: string | null | undefined
  pageAccessToken?: string | undefined
}

export async function updateMessengerIntegration(ctx: AdapterContext, row: MessengerIntegrationRow,
  update: MessengerIntegrationUpdate): Promise<MessengerIntegrationRow> {
  let config = row.config
  if (update.pageAccessToken !== undefined) {
    const fb = facebook(ctx.graph, { ...row.config, pageAccessToken: update.pageAccessToken })
    let page: { id: string; name?: string }
    try {
      page = await fb.me()
    } catch (err) {
      throw graphFailure('Checking the new page access token (GET /me)', err)
    }
    if (page.id !== row.config.pageId) {
      throw new ChannelError('mismatch', `The new page access token is for page ${page.id}${page.name ? ` (${page.name})` : ''}, ` +
        `not page ${row.config.pageId} (${row.config.pageName}) of this integration: create an integration for that page instead`)
    }
    await fb.subscribePage(page.id).catch((err: unknown) => {
      throw graphFailure(`Subscribing the app to the page again (POST /${page.id}/subscribed_apps)`, err)
    })
    // An integration left broken at creation (status error) gets the setup steps it missed, with this token.
    if (row.status !== 'active') await completeSetup(ctx, row, fb)
    const eea = await fb.euPrivacy().catch(() => row.config.eea)
    config = { ...row.config, pageAccessToken: update.pageAccessToken, pageName: page.name ?? row.config.pageName, eea }
  }
  const updated: MessengerIntegrationRow = {
    ...row, status: 'active', config,
    ...(update.displayName !== undefined ? { displayName: update.displayName } : {}),
  }
  ctx.store.integrations.update(updated)
  return updated
}

async function completeSetup(ctx: AdapterContext, row: MessengerIntegrationRow, fb: ReturnType<typeof facebook>) {
  ctx.pendingVerifications.set(row.id, row.config.verifyToken)
  try {
    await fb.subscribeApp(webhookUrl(ctx, row.id), row.config.verifyToken).catch((err: unknown) => {
      throw graphFailure(`Subscribing the Facebook app's webhook (POST /${row.config.fbAppId}/subscriptions)`, err)
    })
  } finally {
    ctx.pendingVerifications.delete(row.id)
  }
  await fb.setGetStarted().catch((err: unknown) => {
    throw graphFailure('Setting the Get Started button (POST /me/messenger_profile)', err)
  })
}

/** Undoes what it can on Facebook's side (the page's subscription), then forgets the integration. */
export async function deleteMessengerIntegration(ctx: AdapterContext, row: MessengerIntegrationRow): Promise<void> {
  const fb = facebook(ctx.graph, row.config)
  const samePage = ctx.store.integrations.listMessenger()
    .filter((i) => i.id !== row.id && i.config.pageId === row.config.pageId && i.config.fbAppId === row.config.fbAppId)
  if (samePage.length === 0) {
    await fb.unsubscribePage(row.config.pageId).catch((err: unknown) =>
      ctx.log.warn(`could not unsubscribe page ${row.config.pageId}: ${err instanceof Error ? err.message : String(err)}`))
  }
  ctx.store.tx(() => {
    ctx.store.integrations.delete(row.appId, row.id)
    ctx.store.menus.delete(`integration:${row.id}`)
  })
}
