/**
 * Which of the app's business webhooks an event reaches, by the app's switchboard (conversations-api.md §14.3;
 * Sunshine's spec and switchboard guide, https://docs.smooch.io/guide/switchboard/):
 * - without a switchboard, or with a disabled one ("integrations linked to the switchboard will receive all events"),
 *   every webhook whose triggers match;
 * - an integration that no switchboard integration links to receives all events;
 * - a linked integration receives a conversation's events while its switchboard integration is the conversation's
 *   active one, and in standby only when it has `deliverStandbyEvents`;
 * - `switchboard:*` events reach every linked integration that subscribes to them: the one losing control must learn
 *   it as much as the one gaining it.
 * A conversation nobody controls is given to the default switchboard integration at its next event ("The id of the
 * switchboard integration that will be given control when a new conversation begins. It will also be used for
 * conversations that existed before the switchboard was enabled", spec `defaultSwitchboardIntegrationId.yaml`).
 */
import type { AdapterContext } from '../runtime/context.js'
import type { WebhookRow } from '../store/integrations.js'
import type { SwitchboardIntegrationLookup } from '../store/serialize.js'
import type { ConversationEvent, EventContext } from './events.js'

export interface Routing {
  reaches(webhook: WebhookRow): boolean
  lookup: SwitchboardIntegrationLookup
}

const isSwitchboardEvent = (e: ConversationEvent) => e.type.startsWith('switchboard:')

/** Call inside the event's transaction: it may give the conversation to the default switchboard integration. */
export function routingFor(ctx: AdapterContext, ec: EventContext, e: ConversationEvent): Routing {
  const { store } = ctx
  const appId = ec.app.id
  const lookup: SwitchboardIntegrationLookup = (id) => store.switchboards.integration(appId, id)
  const switchboard = store.switchboards.ofApp(appId)
  if (!switchboard?.enabled) return { reaches: () => true, lookup }
  const linked = store.switchboards.integrationsOf(switchboard.id)
  const c = ec.conversation
  const fallback = switchboard.defaultSwitchboardIntegrationId
  if (!isSwitchboardEvent(e) && c.activeSwitchboardIntegrationId === null && fallback && lookup(fallback)) {
    ec.conversation = store.conversations.setControl(c, fallback, c.pendingSwitchboardIntegrationId)
  }
  const active = ec.conversation.activeSwitchboardIntegrationId
  return {
    lookup,
    reaches(webhook) {
      const mine = linked.find((si) => si.integrationId === webhook.integrationId)
      if (!mine || isSwitchboardEvent(e)) return true
      return mine.id === active || mine.deliverStandbyEvents
    },
  }
}
