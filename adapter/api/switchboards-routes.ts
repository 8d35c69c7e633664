/**
 * Switchboards and switchboard integrations (conversations-api.md §14.3; Sunshine's spec,
 * `paths/v2@apps@{appId}@switchboards*.yaml`): one switchboard per app, created disabled; at most 10 switchboard
 * integrations, each linked to one of the app's custom integrations (the business system whose webhooks receive the
 * conversation's events) or to another Facebook app on the page (`integrationType: "facebookApp:{id}"`, the Page
 * Inbox). Deleting follows the spec's rules: not the default, not one another's `nextSwitchboardIntegrationId` names;
 * conversations it controlled go to the default.
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import {
  facebookAppOf, SWITCHBOARD_LIMITS, switchboardIntegrationPatch, switchboardIntegrationPost, switchboardPatch,
} from '../conversations/switchboard.js'
import type { SwitchboardIntegrationRow, SwitchboardRow } from '../store/switchboards.js'
import { switchboardIntegrationJson, switchboardJson } from '../store/serialize.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { integrationOf } from './lookups.js'
import { parseBody } from './validate.js'

/** A Messenger integration is the channel itself, not a business system control can pass to. */
const CHANNEL_NOT_LINKABLE = 'A switchboard integration links a custom integration (a business system receiving webhooks) ' +
  'or another Facebook app on the page (integrationType "facebookApp:{app id}", e.g. facebookApp:263902037430900 for the ' +
  'Page Inbox); a messenger integration is the channel the conversation travels on'

export function switchboardsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const now = () => new Date(ctx.clock.now()).toISOString()

  const switchboardOf = (appId: string, id: string): SwitchboardRow => {
    const s = store.switchboards.ofApp(appId)
    if (!s || s.id !== id) throw apiError('switchboardNotFound')
    return s
  }
  const memberOf = (s: SwitchboardRow, id: string): SwitchboardIntegrationRow => {
    const si = store.switchboards.integrationsOf(s.id).find((i) => i.id === id)
    if (!si) throw apiError('switchboardIntegrationNotFound')
    return si
  }
  /** What `integrationId` / `integrationType` link to, checked against the app. */
  const link = (appId: string, b: { integrationId?: string | undefined; integrationType?: string | undefined }) => {
    if (b.integrationId !== undefined) {
      const integration = integrationOf(ctx, appId, b.integrationId)
      if (integration.type !== 'custom') throw apiError('badRequest', CHANNEL_NOT_LINKABLE)
      return { integrationId: integration.id, integrationType: integration.type }
    }
    if (b.integrationType !== undefined && facebookAppOf(b.integrationType) === undefined) {
      throw apiError('badRequest', `integrationType ${b.integrationType} is not known here. ${CHANNEL_NOT_LINKABLE}`)
    }
    return b.integrationType === undefined ? {} : { integrationId: null, integrationType: b.integrationType }
  }

  r.post('/', (c) => {
    const app = c.var.app
    if (store.switchboards.ofApp(app.id)) throw apiError('switchboardExists')
    // Created disabled (spec example `switchboardCreateResponse.yaml`), "so that messages don't get lost or misrouted
    // during switchboard configuration" (Switchboard.enabled).
    const created = store.switchboards.create({ id: ctx.ids.record(), appId: app.id, enabled: false, defaultSwitchboardIntegrationId: null, createdAt: now() })
    return c.json({ switchboard: switchboardJson(created) }, 201)
  })

  r.get('/', (c) => {
    const s = store.switchboards.ofApp(c.var.app.id)
    return c.json({ switchboards: s ? [switchboardJson(s)] : [] })
  })

  r.patch('/:switchboardId', async (c) => {
    const s = switchboardOf(c.var.app.id, c.req.param('switchboardId'))
    const body = await parseBody(c, switchboardPatch)
    const defaultId = body.defaultSwitchboardIntegrationId ?? s.defaultSwitchboardIntegrationId
    if (body.defaultSwitchboardIntegrationId !== undefined) memberOf(s, body.defaultSwitchboardIntegrationId)
    const enabled = body.enabled ?? s.enabled
    if (enabled && !defaultId) {
      throw apiError('badRequest', 'Enabled switchboard must have an associated default switchboardIntegration')
    }
    return c.json({ switchboard: switchboardJson(store.switchboards.update({ ...s, enabled, defaultSwitchboardIntegrationId: defaultId })) })
  })

  r.delete('/:switchboardId', (c) => {
    const s = switchboardOf(c.var.app.id, c.req.param('switchboardId'))
    store.tx(() => store.switchboards.delete(s))
    return c.json({})
  })

  r.post('/:switchboardId/switchboardIntegrations', async (c) => {
    const app = c.var.app
    const s = switchboardOf(app.id, c.req.param('switchboardId'))
    const body = await parseBody(c, switchboardIntegrationPost)
    const members = store.switchboards.integrationsOf(s.id)
    if (members.length >= SWITCHBOARD_LIMITS.integrations) throw apiError('tooManySwitchboardIntegrations')
    if (members.some((m) => m.name === body.name)) throw apiError('conflict', `A switchboard integration named ${body.name} already exists`)
    if (body.nextSwitchboardIntegrationId) memberOf(s, body.nextSwitchboardIntegrationId)
    const linked = link(app.id, body) as { integrationId: string | null; integrationType: string }
    const created = store.switchboards.createIntegration({
      id: ctx.ids.record(), switchboardId: s.id, name: body.name, ...linked,
      deliverStandbyEvents: body.deliverStandbyEvents ?? false,
      nextSwitchboardIntegrationId: body.nextSwitchboardIntegrationId ?? null,
      messageHistoryCount: body.messageHistoryCount ?? null, createdAt: now(),
    })
    return c.json({ switchboardIntegration: switchboardIntegrationJson(created) }, 201)
  })

  r.get('/:switchboardId/switchboardIntegrations', (c) => {
    const s = switchboardOf(c.var.app.id, c.req.param('switchboardId'))
    return c.json({ switchboardIntegrations: store.switchboards.integrationsOf(s.id).map(switchboardIntegrationJson) })
  })

  r.patch('/:switchboardId/switchboardIntegrations/:switchboardIntegrationId', async (c) => {
    const app = c.var.app
    const s = switchboardOf(app.id, c.req.param('switchboardId'))
    const si = memberOf(s, c.req.param('switchboardIntegrationId'))
    const body = await parseBody(c, switchboardIntegrationPatch)
    if (body.name !== undefined && body.name !== si.name && store.switchboards.integrationsOf(s.id).some((m) => m.name === body.name)) {
      throw apiError('conflict', `A switchboard integration named ${body.name} already exists`)
    }
    if (body.nextSwitchboardIntegrationId) memberOf(s, body.nextSwitchboardIntegrationId)
    const updated = store.switchboards.updateIntegration({
      ...si, ...link(app.id, body),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.deliverStandbyEvents !== undefined ? { deliverStandbyEvents: body.deliverStandbyEvents } : {}),
      ...(body.nextSwitchboardIntegrationId !== undefined ? { nextSwitchboardIntegrationId: body.nextSwitchboardIntegrationId } : {}),
      ...(body.messageHistoryCount !== undefined ? { messageHistoryCount: body.messageHistoryCount } : {}),
    })
    return c.json({ switchboardIntegration: switchboardIntegrationJson(updated) })
  })

  r.delete('/:switchboardId/switchboardIntegrations/:switchboardIntegrationId', (c) => {
    const app = c.var.app
    const s = switchboardOf(app.id, c.req.param('switchboardId'))
    const si = memberOf(s, c.req.param('switchboardIntegrationId'))
    // "it is forbidden to delete a switchboard integration if it's the default one (a new one must be chosen first) or
    // if another switchboard integration's `nextSwitchboardIntegrationId` refers to it" (deleteSwitchboardIntegration).
    if (s.defaultSwitchboardIntegrationId === si.id) {
      throw apiError('badRequest', `${si.name} is the switchboard's default: choose another default first`)
    }
    const referrer = store.switchboards.integrationsOf(s.id).find((m) => m.nextSwitchboardIntegrationId === si.id)
    if (referrer) throw apiError('badRequest', `${referrer.name}'s nextSwitchboardIntegrationId refers to ${si.name}`)
    store.tx(() => {
      store.switchboards.deleteIntegration(si.id)
      store.conversations.replaceControl(app.id, si.id, s.defaultSwitchboardIntegrationId)
    })
    return c.json({})
  })
  return r
}
