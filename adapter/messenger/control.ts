/**
 * Switchboard actions on a conversation (conversations-api.md §14.3; Sunshine's SwitchboardActionsApi): passControl,
 * offerControl, acceptControl, releaseControl; each changes who controls the conversation and fires its
 * `switchboard:*` webhook, in one transaction.
 *
 * On Messenger, control is also the page's handover protocol (messenger-platform.md §9, §13) when a switchboard
 * integration is another Facebook app on the page (`integrationType: "facebookApp:{id}"`, e.g. the Page Inbox): every
 * other switchboard integration answers through the adapter's own Facebook app. Control moving to another app is
 * `POST /me/pass_thread_control` with its `target_app_id`; control coming back is `POST /me/take_thread_control`.
 * Facebook is asked first: when it refuses (the page has no handover roles, the adapter's app is not the primary
 * receiver), the API answers Facebook's reason and nothing changes.
 */
import type { AdapterContext } from '../runtime/context.js'
import type { AppRow } from '../store/apps.js'
import type { ConversationRow } from '../store/conversations.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import type { SwitchboardIntegrationRow, SwitchboardRow } from '../store/switchboards.js'
import type { UserRow } from '../store/users.js'
import { facebookAppOf, NEXT, type ControlAnswer, type ControlTransfer } from '../conversations/switchboard.js'
import type { Metadata } from '../conversations/types.js'
import { emit } from '../webhooks/dispatcher.js'
import type { EventContext } from '../webhooks/events.js'
import { facebook } from './facebook.js'
import { graphFailure } from './integration.js'

export type ControlAction = 'passControl' | 'offerControl' | 'acceptControl' | 'releaseControl'

/** Why a switchboard action cannot be done; api/ maps each onto the Conversations API's error. */
export class ControlError extends Error {
  constructor(readonly kind: 'noSwitchboard' | 'unknownTarget' | 'refused', message: string) {
    super(message)
    this.name = 'ControlError'
  }
}

export interface ControlContext { app: AppRow; conversation: ConversationRow; user: UserRow }

/** The Messenger side of a conversation: the user's Messenger client and its integration, if it has one. */
function messengerSide(ctx: AdapterContext, user: UserRow) {
  const client = ctx.store.users.clientsOfUser(user.id).find((c) => c.type === 'messenger')
  const integration = client && ctx.store.integrations.get(user.appId, client.integrationId)
  return client && integration?.type === 'messenger' ? { client, integration } : undefined
}

/** The Facebook app that answers for a switchboard integration: another app on the page, or the adapter's own. */
const ownerOf = (si: SwitchboardIntegrationRow | undefined, integration: MessengerIntegrationRow) =>
  (si && facebookAppOf(si.integrationType)) ?? integration.config.fbAppId

/** Facebook's `metadata` is a string (§9): Sunshine's flat object travels as its JSON text. */
const handoverMetadata = (metadata: Metadata | undefined) => (metadata ? { metadata: JSON.stringify(metadata) } : {})

function enabledSwitchboard(ctx: AdapterContext, appId: string): SwitchboardRow {
  const switchboard = ctx.store.switchboards.ofApp(appId)
  if (!switchboard) throw new ControlError('noSwitchboard', 'Switchboard not found')
  if (!switchboard.enabled) throw new ControlError('refused', 'The switchboard is disabled: enable it first (PATCH …/switchboards/{id} {"enabled":true})')
  return switchboard
}

/** By id, by name, or `next`: the `nextSwitchboardIntegrationId` of the one in control (or of the default). */
function targetOf(ctx: AdapterContext, switchboard: SwitchboardRow, c: ConversationRow, named: string): SwitchboardIntegrationRow {
  const all = ctx.store.switchboards.integrationsOf(switchboard.id)
  if (named === NEXT) {
    const current = all.find((si) => si.id === (c.activeSwitchboardIntegrationId ?? switchboard.defaultSwitchboardIntegrationId))
    const next = current && all.find((si) => si.id === current.nextSwitchboardIntegrationId)
    if (!next) throw new ControlError('refused', `No next switchboard integration: ${current ? `${current.name} has no nextSwitchboardIntegrationId` : 'nobody is in control'}`)
    return next
  }
  const target = all.find((si) => si.id === named || si.name === named)
  if (!target) throw new ControlError('unknownTarget', `Switchboard integration not found: ${named}`)
  return target
}

/** Asks Facebook to move the thread from the app answering for `from` to the one answering for `to`, if they differ. */
async function moveThread(ctx: AdapterContext, user: UserRow, from: SwitchboardIntegrationRow | undefined,
  to: SwitchboardIntegrationRow | undefined, metadata: Metadata | undefined): Promise<void> {
  const side = messengerSide(ctx, user)
  if (!side) return
  const { client, integration } = side
  const [was, will] = [ownerOf(from, integration), ownerOf(to, integration)]
  if (was === will) return
  const ours = will === integration.config.fbAppId
  const body = { recipient: { id: client.externalId }, ...(ours ? {} : { target_app_id: will }), ...handoverMetadata(metadata) }
  const action = ours ? 'take_thread_control' : 'pass_thread_control'
  try {
    await facebook(ctx.graph, integration.config).handover(action, body)
  } catch (err) {
    throw graphFailure(action, err)
  }
}

export async function changeControl(ctx: AdapterContext, cc: ControlContext, action: ControlAction,
  body: ControlTransfer | ControlAnswer): Promise<ConversationRow> {
  const { store } = ctx
  const switchboard = enabledSwitchboard(ctx, cc.app.id)
  const c = cc.conversation
  const si = (id: string | null) => store.switchboards.integration(cc.app.id, id)
  const active = si(c.activeSwitchboardIntegrationId ?? switchboard.defaultSwitchboardIntegrationId)
  let next: { active: string | null; pending: string | null }
  switch (action) {
    case 'passControl': {
      const target = targetOf(ctx, switchboard, c, (body as ControlTransfer).switchboardIntegration)
      await moveThread(ctx, cc.user, active, target, body.metadata)
      next = { active: target.id, pending: null }
      break
    }
    case 'offerControl': {
      const target = targetOf(ctx, switchboard, c, (body as ControlTransfer).switchboardIntegration)
      // "This cannot match the active switchboard integration." (OfferControlBody)
      if (target.id === c.activeSwitchboardIntegrationId) throw new ControlError('refused', `${target.name} already has control`)
      next = { active: c.activeSwitchboardIntegrationId, pending: target.id }
      break
    }
    case 'acceptControl': {
      const pending = si(c.pendingSwitchboardIntegrationId)
      if (!pending) throw new ControlError('refused', 'No switchboard integration was offered control of this conversation')
      await moveThread(ctx, cc.user, active, pending, body.metadata)
      next = { active: pending.id, pending: null }
      break
    }
    case 'releaseControl':
      // "releases the control of the conversation by nullifying its switchboard state" (SwitchboardActionsApi); on
      // Messenger the adapter's app takes the thread back, so the default integration can answer the next message.
      await moveThread(ctx, cc.user, active, undefined, body.metadata)
      next = { active: null, pending: null }
      break
  }
  return store.tx(() => {
    const now = store.conversations.get(cc.app.id, c.id) ?? c
    const ec: EventContext = { ...cc, conversation: store.conversations.setControl(now, next.active, next.pending) }
    const side = messengerSide(ctx, cc.user)
    if (side) Object.assign(ec, { client: side.client, integrationId: side.integration.id })
    emit(ctx, ec, {
      type: `switchboard:${action}`, ...(body.metadata ? { metadata: body.metadata } : {}), ...(body.reason ? { reason: body.reason } : {}),
    })
    return ec.conversation
  })
}
