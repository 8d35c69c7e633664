/**
 * The OAuth login dialog, `GET /dialog/oauth` and `/{version}/dialog/oauth` (docs §1.1), in two steps:
 *   1. log in: pick one of the world's accounts; an HttpOnly signed cookie keeps the login, so the next dialog goes
 *      straight to step 2 (`auth_type=reauthenticate` forces step 1 again);
 *   2. consent: "Continue as {name}", "Cancel", or "Choose what you allow" (untick pages and permissions).
 * The answer is merged into the stored consent (graph/consent-dialog.ts decides what is asked and what remains) and
 * the person is sent back to `redirect_uri` with a code or token, or with the denial.
 *
 * Routes, relative to where the dialog is mounted:
 *   GET  /         the dialog: login step or consent screen
 *   POST /login    step 1 → back to the dialog, logged in
 *   GET  /choose   "Choose what you allow"
 *   POST /confirm  the answer (decision=all|choose|cancel), CSRF-checked → 302 to redirect_uri
 */
import { Hono, type Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { World } from '../world/world.js'
import { LIMITS } from '../facebook/limits.js'
import { issueUserToken } from '../login/token-issuer.js'
import { applyChoices, planDialog, type DialogAnswer, type DialogPlan } from '../login/consent-dialog.js'
import {
  deniedRedirect, dialogUrl, grantedRedirect, readDialogRequest, type DialogRequest, type Grant,
} from './dialog-request.js'
import { dialogProblem, type DialogProblem } from '../facebook/dialog-errors.js'
import { LoginSessions, type LoginSession } from './login-session.js'
import { ChoosePage, ConsentPage, CSRF_FIELD, ErrorPage, LoginPage } from './oauth-pages.js'

type Form = Record<string, string | File | (string | File)[]>

async function page(c: Context, node: JSX.Element, status: 200 | 400 | 403 = 200): Promise<Response> {
  return c.html(`<!DOCTYPE html>${await node.toString()}`, status)
}

const showProblem = (c: Context, problem: DialogProblem) => page(c, <ErrorPage problem={problem} />, problem.status)

function one(form: Form, name: string): string | undefined {
  const v = form[name]
  const first = Array.isArray(v) ? v[0] : v
  return typeof first === 'string' ? first : undefined
}

function all(form: Form, name: string): string[] {
  const v = form[name]
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
}

export function createOAuthDialogApp(world: World): Hono {
  const sessions = new LoginSessions(world)
  const app = new Hono()

  const base = (c: Context) => {
    const version = c.req.param('version')
    return version ? `/${version}/dialog/oauth` : '/dialog/oauth'
  }

  const readRequest = (c: Context, get: (name: string) => string | undefined) =>
    readDialogRequest(world, get, new URL(c.req.url).origin)

  const plan = (req: DialogRequest, session: LoginSession): DialogPlan => planDialog({
    requested: req.scopes,
    consent: world.consents.get(req.app.id, session.account.id),
    accountPageIds: world.pages.ofAccount(session.account.id).map((p) => p.id),
    rerequest: req.rerequest,
  })

  const pageNames = (session: LoginSession) =>
    Object.fromEntries(world.pages.ofAccount(session.account.id).map((p) => [p.id, p.name]))

  app.get('/', async (c) => {
    const read = readRequest(c, (n) => c.req.query(n))
    if (!read.ok) return showProblem(c, read.problem)
    const req = read.request
    const session = sessions.read(c)
    if (!session || req.reauthenticate) {
      return page(c, <LoginPage app={req.app} accounts={world.accounts.list()} query={req.query}
        action={`${base(c)}/login`} reauthenticate={req.reauthenticate} />)
    }
    return page(c, <ConsentPage app={req.app} account={session.account} plan={plan(req, session)}
      pageNames={pageNames(session)} query={req.query} csrf={sessions.csrfToken(session)}
      action={`${base(c)}/confirm`} chooseHref={dialogUrl(`${base(c)}/choose`, req.query)}
      notYouHref={dialogUrl(base(c), { ...req.query, auth_type: 'reauthenticate' })} />)
  })

  app.post('/login', async (c) => {
    const form: Form = await c.req.parseBody({ all: true })
    const read = readRequest(c, (n) => one(form, n))
    if (!read.ok) return showProblem(c, read.problem)
    const account = world.accounts.get(one(form, 'account_id') ?? '')
    if (!account) return showProblem(c, dialogProblem('unknownAccount'))
    sessions.logIn(c, account)
    // Logging in is what reauthenticate asked for: the dialog continues without it, or it would ask again.
    const { auth_type, ...rest } = read.request.query
    return c.redirect(dialogUrl(base(c), auth_type === 'reauthenticate' ? rest : read.request.query), 303)
  })

  app.get('/choose', async (c) => {
    const read = readRequest(c, (n) => c.req.query(n))
    if (!read.ok) return showProblem(c, read.problem)
    const req = read.request
    const session = sessions.read(c)
    if (!session) return c.redirect(dialogUrl(base(c), req.query), 303)
    return page(c, <ChoosePage app={req.app} account={session.account} plan={plan(req, session)}
      pageNames={pageNames(session)} query={req.query} csrf={sessions.csrfToken(session)}
      action={`${base(c)}/confirm`} backHref={dialogUrl(base(c), req.query)} />)
  })

  app.post('/confirm', async (c) => {
    const form: Form = await c.req.parseBody({ all: true })
    const read = readRequest(c, (n) => one(form, n))
    if (!read.ok) return showProblem(c, read.problem)
    const req = read.request
    const session = sessions.read(c)
    if (!session) return showProblem(c, dialogProblem('sessionExpired'))
    if (!sessions.checkCsrf(session, one(form, CSRF_FIELD))) return showProblem(c, dialogProblem('forgedForm'))

    const decision = one(form, 'decision')
    if (decision === 'cancel') return c.redirect(deniedRedirect(req), 302)
    let answer: DialogAnswer
    if (decision === 'all') answer = { kind: 'all' }
    else if (decision === 'choose') {
      answer = { kind: 'choose', permissions: all(form, 'permission'), pageIds: all(form, 'page') }
    } else return showProblem(c, dialogProblem('choiceRefused', '', `Unknown decision "${decision ?? ''}".`))

    const appId = req.app.id
    const accountId = session.account.id
    const previous = world.consents.get(appId, accountId)
    const applied = applyChoices(plan(req, session), previous, answer)
    if (!applied.ok) return showProblem(c, dialogProblem('choiceRefused', '', applied.problem))
    const grant = world.tx((): Grant => {
      world.consents.save({ appId, accountId, ...applied.consent })
      const now = world.clock.nowSeconds()
      const out: Grant = { granted: applied.consent.granted, declined: applied.consent.declined }
      if (req.responseTypes.code) {
        out.code = world.ids.authCode()
        world.tokens.insertCode({
          code: out.code, appId, accountId, redirectUri: req.redirectUri, expiresAt: now + LIMITS.authCodeSeconds.value,
          usedAt: null,
        })
      }
      if (req.responseTypes.token) {
        // The client-side flow hands out what the JS SDK gets: a short-lived user token (docs §1.2).
        const token = issueUserToken(world, appId, accountId, 'sdk', 'short')
        out.accessToken = {
          token: token.token, expiresIn: token.expiresAt! - token.issuedAt,
          dataAccessExpirationTime: now + LIMITS.dataAccessSeconds.value,
        }
      }
      return out
    })
    return c.redirect(grantedRedirect(req, grant), 302)
  })

  return app
}
