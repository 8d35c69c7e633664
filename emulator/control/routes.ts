/**
 * The control API under `/_emulator` (DESIGN "Control API"): health, reset, import/export of the world, the clock,
 * and what people outside the Graph API do: log in to Graph API Explorer, press Token Generation, change a password,
 * remove an app in Business Integrations. Reads have no side effects.
 */
import { boundedJsonBodies, readBody } from './body.js'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import * as z from 'zod'
import type { World } from '../world/world.js'
import type { Runtime } from '../runtime/runtime.js'
import { exportWorld, importWorld, WorldDocumentSchema } from '../world/document.js'
import { generatePageToken, issueUserToken } from '../login/token-issuer.js'
import { grant, removeApp } from '../login/grants.js'
import { normalizeScopes, unknownScopes } from '../login/permissions.js'
import { ControlError, controlErrorResponse, notFound } from './errors.js'
import { createWebhookControlApp } from './webhooks.js'
import { createFaultsControlApp } from './faults.js'
import { createJournalControlApp } from './journal.js'
import { createPicturesControlApp } from './pictures.js'
import { createPeopleApp } from './people.js'
import { createAppReviewApp } from './app-review.js'
import { createPagesControlApp } from './pages.js'
import { createHandoverControlApp } from './handover.js'
import type { ClockState, PageTokenResponse, UserTokenResponse } from './types.js'

const UserTokenBody = z.object({ appId: z.string().min(1), scopes: z.array(z.string()).optional() }).strict()
const PageTokenBody = z.object({ pageId: z.string().min(1), accountId: z.string().min(1).optional() }).strict()
const ClockBody = z.object({ advanceSeconds: z.number().finite() }).strict()
/** The largest control body: a world document of thousands of people fits; anything larger is refused unread. */
const CONTROL_BODY_BYTES_MAX = 5 * 1024 * 1024


function clockState(world: World): ClockState {
  return { now: new Date(world.clock.now()).toISOString(), offsetSeconds: world.clock.offsetMs() / 1000 }
}

export function createControlApp(runtime: Runtime): Hono {
  const { world } = runtime
  const app = new Hono()
  app.onError(controlErrorResponse)
  app.use('*', bodyLimit({
    maxSize: CONTROL_BODY_BYTES_MAX,
    onError: () => {
      throw new ControlError(413, `The request body is larger than ${CONTROL_BODY_BYTES_MAX / 1024 / 1024} MB`,
        'Split a large world document into several POST /_emulator/world calls.')
    },
  }))
  app.use('*', boundedJsonBodies)

  app.get('/health', (c) => c.json({ status: 'ok' }))

  app.post('/reset', (c) => {
    world.reset()
    return c.json({ status: 'reset' })
  })

  app.get('/world', (c) => c.json(exportWorld(world)))
  app.post('/world', async (c) => c.json(importWorld(world, await readBody(c, WorldDocumentSchema)), 201))

  app.get('/clock', (c) => c.json(clockState(world)))
  app.post('/clock', async (c) => {
    const { advanceSeconds } = await readBody(c, ClockBody)
    // Refused before anything moves: a clock outside 1970–9999 would break every date the emulator prints.
    const target = world.clock.now() + advanceSeconds * 1000
    if (!(target >= 0 && target < Date.UTC(10000, 0))) {
      throw new ControlError(400, `advanceSeconds ${advanceSeconds} would move the clock outside the years 1970–9999`,
        'Advance by a smaller amount; GET /_emulator/clock shows the current time.')
    }
    world.clock.advance(advanceSeconds)
    return c.json(clockState(world))
  })

  // Graph API Explorer: a short-lived user token for an app with the scopes ticked (docs §1.2).
  app.post('/accounts/:accountId/user-tokens', async (c) => {
    const { appId, scopes = ['public_profile'] } = await readBody(c, UserTokenBody)
    const account = world.accounts.get(c.req.param('accountId'))
    if (!account) throw notFound('account', c.req.param('accountId'))
    if (!world.apps.get(appId)) throw notFound('app', appId)
    const unknown = unknownScopes(scopes)
    if (unknown.length) throw new ControlError(400, `Unknown permission(s): ${unknown.join(', ')}`)
    const token = world.tx(() => {
      // Explorer lets the person pick pages too; it picks every page they have a role on.
      grant(world, appId, account.id, normalizeScopes(scopes), world.pages.ofAccount(account.id).map((p) => p.id))
      return issueUserToken(world, appId, account.id, 'explorer', 'short')
    })
    return c.json<UserTokenResponse>({
      access_token: token.token, token_type: 'bearer', expires_in: token.expiresAt! - token.issuedAt,
    }, 201)
  })

  // The app dashboard's Messenger › Settings › Token Generation (the seed's Quick Start).
  app.post('/apps/:appId/page-tokens', async (c) => {
    const appId = c.req.param('appId')
    const { pageId, accountId } = await readBody(c, PageTokenBody)
    if (!world.apps.get(appId)) throw notFound('app', appId)
    if (!world.pages.get(pageId)) throw notFound('page', pageId)
    const admin = accountId ?? world.pages.admins(pageId)[0]
    if (!admin) {
      throw new ControlError(409, `Page ${pageId} has no admin to generate a token`,
        'Give the page an admin in the world document ("admins": ["<account id>"]).')
    }
    if (!world.pages.isAdmin(pageId, admin)) {
      throw new ControlError(409, `Account ${admin} has no role on page ${pageId}`,
        'Token Generation lists only pages the developer administers.')
    }
    const token = generatePageToken(world, appId, admin, pageId)
    return c.json<PageTokenResponse>({ access_token: token.token }, 201)
  })

  // The owner changes their Facebook password: every session, user token and page token of theirs dies (190/460).
  app.post('/accounts/:accountId/password', (c) => {
    const id = c.req.param('accountId')
    if (!world.accounts.get(id)) throw notFound('account', id)
    world.accounts.invalidateSessions(id)
    return c.json({ status: 'sessions invalidated' })
  })

  // Settings › Business Integrations › Remove: the app loses access and forgets every choice made in the dialog.
  app.delete('/accounts/:accountId/business-integrations/:appId', (c) => {
    const { accountId, appId } = c.req.param()
    if (!world.accounts.get(accountId)) throw notFound('account', accountId)
    if (!world.consents.get(appId, accountId)) {
      throw new ControlError(404, `Account ${accountId} has not given app ${appId} access`)
    }
    removeApp(world, appId, accountId)
    return c.json({ status: 'removed' })
  })

  app.get('/accounts/:accountId/business-integrations', (c) => {
    const id = c.req.param('accountId')
    if (!world.accounts.get(id)) throw notFound('account', id)
    return c.json({ data: world.consents.list().filter((x) => x.accountId === id) })
  })

  app.route('/', createWebhookControlApp(world, runtime.delivery))
  app.route('/', createFaultsControlApp(world))
  app.route('/', createJournalControlApp(world))
  app.route('/', createPicturesControlApp(world))
  app.route('/', createPeopleApp(world))
  app.route('/', createAppReviewApp(world))
  app.route('/', createPagesControlApp(world))
  app.route('/', createHandoverControlApp(world))
  app.all('*', (c) => {
    throw new ControlError(404, `No control endpoint ${c.req.method} ${c.req.path}`,
      'See the control API table in the README.')
  })
  return app
}
