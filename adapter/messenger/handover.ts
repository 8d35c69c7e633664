/**
 * Messenger's handovers → the switchboard (messenger-platform.md §9, §13; conversations-api.md §14.3). The page's
 * `messaging_handovers` events say which Facebook app now owns a thread; the conversation's control follows:
 * - `pass_thread_control` / `take_thread_control` to another app (the Page Inbox when the page owner answers) →
 *   its switchboard integration (`facebookApp:{id}`) becomes active, `switchboard:passControl`;
 * - back to the adapter's own app (the Page Inbox marked the thread done) → the switchboard integration named by the
 *   losing one's `nextSwitchboardIntegrationId`, else the default, else the first served by the adapter's app;
 * - `request_thread_control` from another app → its switchboard integration is offered control,
 *   `switchboard:offerControl`; the business answers with acceptControl (messenger/control.ts passes the thread).
 * An event that matches the control already recorded (the echo of the adapter's own pass or take) changes nothing.
 * The webhook's `metadata` tells where the change came from: `{ handover, newOwnerAppId, previousOwnerAppId?,
 * metadata? }` (Facebook's metadata is a string).
 */
import type { AdapterContext } from '../runtime/context.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import type { SwitchboardIntegrationRow } from '../store/switchboards.js'
import { facebookAppOf } from '../conversations/switchboard.js'
import type { Metadata } from '../conversations/types.js'
import type { MessagingEvent } from '../facebook/graph-types.js'
import { emit } from '../webhooks/dispatcher.js'
import type { Contact } from './contacts.js'

export const isHandover = (e: MessagingEvent) =>
  Boolean(e.pass_thread_control ?? e.take_thread_control ?? e.request_thread_control)

/** Call inside the event's transaction. */
export function onHandover(ctx: AdapterContext, integration: MessengerIntegrationRow, contact: Contact, e: MessagingEvent): void {
  const { store } = ctx
  const switchboard = store.switchboards.ofApp(contact.app.id)
  if (!switchboard?.enabled) {
    ctx.log.info(`a Messenger handover on page ${integration.config.pageId} is not mapped: the app has no enabled switchboard`)
    return
  }
  const members = store.switchboards.integrationsOf(switchboard.id)
  const ours = integration.config.fbAppId
  const c = contact.conversation
  const byId = (id: string | null | undefined) => members.find((m) => m.id === id)
  const servedByUs = (m: SwitchboardIntegrationRow | undefined) => m !== undefined && facebookAppOf(m.integrationType) === undefined
  const forApp = (appId: string): SwitchboardIntegrationRow | undefined => {
    if (appId !== ours) return members.find((m) => facebookAppOf(m.integrationType) === appId)
    const losing = byId(c.activeSwitchboardIntegrationId)
    if (servedByUs(losing)) return losing
    return [byId(losing?.nextSwitchboardIntegrationId), byId(switchboard.defaultSwitchboardIntegrationId)].find(servedByUs)
      ?? members.find(servedByUs)
  }
  const meta = (handover: string, newOwner: string, previous: string | null | undefined, metadata: string | undefined): Metadata => ({
    handover, newOwnerAppId: newOwner, ...(previous ? { previousOwnerAppId: previous } : {}), ...(metadata ? { metadata } : {}),
  })

  const moved = e.pass_thread_control ?? e.take_thread_control
  if (moved) {
    const kind = e.pass_thread_control ? 'pass_thread_control' : 'take_thread_control'
    // A take without new_owner_app_id: the thread went to whoever took it, which is not the one that lost it.
    const newOwner = String(moved.new_owner_app_id ?? '')
    const target = newOwner ? forApp(newOwner) : undefined
    if (!target) {
      ctx.log.info(`${kind} to app ${newOwner || '(unknown)'} on page ${integration.config.pageId}: no switchboard integration answers for it`)
      return
    }
    if (target.id === c.activeSwitchboardIntegrationId) return
    contact.conversation = store.conversations.setControl(c, target.id, null)
    emit(ctx, contact, { type: 'switchboard:passControl', metadata: meta(kind, newOwner, moved.previous_owner_app_id && String(moved.previous_owner_app_id), moved.metadata) })
    return
  }
  const request = e.request_thread_control
  if (!request) return
  const requester = String(request.requested_owner_app_id)
  const target = forApp(requester)
  if (!target || target.id === c.activeSwitchboardIntegrationId || target.id === c.pendingSwitchboardIntegrationId) return
  contact.conversation = store.conversations.setControl(c, c.activeSwitchboardIntegrationId, target.id)
  emit(ctx, contact, { type: 'switchboard:offerControl', metadata: meta('request_thread_control', requester, undefined, request.metadata) })
}
