/**
 * A business author as a Messenger persona (messenger-platform.md §12). Sunshine's business messages and activities
 * may carry `author.displayName` and `author.avatarUrl` ("The display name of the message author", "A custom message
 * icon URL", conversations-api.md §6.2, §9), which Sunshine's own clients show beside the message; Messenger's way of
 * showing who speaks for the page is a persona: its picture, and "{name} (from {page})" above its messages. So an
 * author with both is sent as a persona, created once per page (`POST /me/personas`) and remembered
 * (store/personas.ts). An author with a name but no picture is sent as the page: Facebook requires
 * `profile_picture_url`. When Facebook refuses the persona (a name over 50 characters, a picture it cannot fetch, a
 * person in Europe), the message is still delivered as the page, and the delivery event says so.
 */
import type { AdapterContext } from '../runtime/context.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import type { DeliveryWarning } from '../webhooks/events.js'
import { GraphApiError } from '../facebook/graph-client.js'
import { UNKNOWN_PERSONA } from '../facebook/graph-errors.js'
import { facebook } from './facebook.js'

export interface PersonaAuthor { displayName?: string | undefined; avatarUrl?: string | undefined }

export interface PersonaChoice { personaId?: string; warning?: DeliveryWarning }

export async function personaFor(ctx: AdapterContext, integration: MessengerIntegrationRow, author: PersonaAuthor | undefined):
  Promise<PersonaChoice> {
  if (!author?.displayName || !author.avatarUrl) return {}
  const key = { integrationId: integration.id, name: author.displayName, pictureUrl: author.avatarUrl }
  const known = ctx.store.personas.get(key)
  if (known) return { personaId: known }
  try {
    const { id } = await facebook(ctx.graph, integration.config).createPersona(key.name, key.pictureUrl)
    ctx.store.personas.save(key, id)
    return { personaId: id }
  } catch (err) {
    if (!(err instanceof GraphApiError) || err.transient) throw err
    return { warning: { code: 'persona_refused', message: `Sent as the page: Facebook refused the persona "${key.name}" (${err.message})` } }
  }
}

/** Graph's refusal of a `persona_id` it no longer knows (deleted on the page). */
export function isUnknownPersona(err: unknown): boolean {
  return err instanceof GraphApiError && err.code === UNKNOWN_PERSONA.code && UNKNOWN_PERSONA.message.test(err.message)
}
