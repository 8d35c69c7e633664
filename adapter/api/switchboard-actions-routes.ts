/**
 * Switchboard actions on a conversation (conversations-api.md §14.3; Sunshine's spec,
 * `paths/v2@apps@{appId}@conversations@{conversationId}@{passControl,offerControl,acceptControl}.yaml`, and
 * releaseControl of SwitchboardActionsApi): each answers 200 `{}` once the control change and its webhook are
 * committed (messenger/control.ts does the work, Messenger's handover protocol included).
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { controlAnswer, controlTransfer } from '../conversations/switchboard.js'
import { changeControl, type ControlAction } from '../messenger/control.js'
import type { ApiEnv } from './env.js'
import { conversationOf } from './lookups.js'
import { parseBody } from './validate.js'

const ACTIONS = {
  passControl: controlTransfer, offerControl: controlTransfer, acceptControl: controlAnswer, releaseControl: controlAnswer,
} as const satisfies Record<ControlAction, unknown>

export function switchboardActionsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  for (const [action, schema] of Object.entries(ACTIONS) as [ControlAction, typeof controlTransfer | typeof controlAnswer][]) {
    r.post(`/:conversationId/${action}`, async (c) => {
      const app = c.var.app
      const { conversation, user } = conversationOf(ctx, app, c.req.param('conversationId'))
      // The 14.1.0 client calls releaseControl without a body: no body is no metadata.
      const empty = action === 'releaseControl' && (await c.req.raw.clone().text()).trim() === ''
      await changeControl(ctx, { app, conversation, user }, action, empty ? {} : await parseBody(c, schema))
      return c.json({})
    })
  }
  return r
}
