/**
 * What every page of the adapter's dashboard is handed, and how its forms act: each POST runs the channel's own
 * function (the same the Conversations API calls), then redirects back with a notice, or with what Facebook or the
 * channel refused (Post/Redirect/Get: a reload never repeats the action).
 */
import type { Context } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import type { FacebookApp } from '../messenger/facebook-login.js'
import { ChannelError } from '../messenger/errors.js'
import { GraphApiError, GraphUnreachableError } from '../facebook/graph-client.js'
import { withFlash } from '../../lib/forms.js'
import type { DashboardSessions } from './session.js'
import type { LoginFlows } from './login-flows.js'

export interface DashboardDeps {
  ctx: AdapterContext
  sessions: DashboardSessions
  flows: LoginFlows
  /** The platform's own Facebook app (`--facebook-app-id`, `--facebook-app-secret`); Authenticate needs it. */
  facebookApp: FacebookApp | undefined
}

export const appPath = (appId: string) => `/dashboard/apps/${encodeURIComponent(appId)}`

/** Facebook's or the channel's refusal, in words; undefined for anything else (a bug, which propagates). */
export function refusalOf(err: unknown): string | undefined {
  if (err instanceof ChannelError) return err.message
  if (err instanceof GraphApiError) return `Facebook answered (#${err.code}${err.subcode ? `/${err.subcode}` : ''}) ${err.message}`
  if (err instanceof GraphUnreachableError) return err.message
  return undefined
}

/** Runs a form's action and redirects: to where it says with its notice, or back to `back` with the refusal. */
export async function act(c: Context, back: string, run: () => Promise<{ to?: string; notice: string }>): Promise<Response> {
  try {
    const { to, notice } = await run()
    return c.redirect(withFlash(to ?? back, { notice }), 303)
  } catch (err) {
    const refusal = refusalOf(err)
    if (refusal === undefined) throw err
    return c.redirect(withFlash(back, { error: refusal }), 303)
  }
}
