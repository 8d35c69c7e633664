/**
 * What happens when a page sends through the Send API (docs §3): the recipient must be a PSID of this page, the
 * person must not have blocked it, the send faults are asked, the 24-hour window and tags are applied, then the
 * message is stored, echoed (`message_echoes`) and delivered (`message_deliveries`), all in one transaction: the 200
 * is only answered once it is committed. Sender actions change what the person sees and emit nothing.
 * In a conversation under the European restrictions (eea.ts) sender actions succeed without effect and no delivery
 * events are emitted (seed guide "Impact of Messenger API Updates for Europe").
 */
import type { World } from '../world/world.js'
import { graphError } from '../facebook/errors.js'
import { LIMITS } from '../facebook/limits.js'
import { checkSendFaults } from './faults.js'
import { checkThreadControl } from './thread-owner.js'
import { conversationIsEeaRestricted } from './eea.js'
import { windowRefusal } from './window.js'
import { resolveAttachment } from './attachments.js'
import { deliveryEvent, echoEvent, emit } from './events.js'
import type { OutgoingMessage, SendRequest, SenderAction } from './send-request.js'

export interface PageSendInput {
  appId: string
  pageId: string
  request: SendRequest
  /** The emulator's base URL, for the URLs of uploaded media; worked out only for a send with media. */
  origin: () => string
}

/** The Send API's answer (docs §3.3). */
export interface SendResponse { recipient_id: string; message_id?: string; attachment_id?: string }

export function sendAsPage(world: World, input: PageSendInput): Promise<SendResponse> {
  const { appId, pageId, request } = input
  // One write of the next group commit (world/group-commit.ts): answered once committed, refused alone.
  return world.commit((): SendResponse => {
    const psid = world.people.byPsid(request.recipient.id)
    // A PSID of another page is as unknown to this page as a made-up one (docs §3.9).
    if (!psid || psid.pageId !== pageId) throw graphError('noMatchingUser')
    const personId = psid.personId
    const conversation = world.conversations.openForSend(pageId, personId)
    if (conversation.blocked) throw graphError('personUnavailable').because(`person ${personId} blocked page ${pageId}`)
    checkSendFaults(world, { appId, pageId, personId })
    checkThreadControl(world, appId, pageId, personId)
    const personaId = request.persona_id === undefined ? null : livePersona(world, pageId, request.persona_id)
    const restricted = conversationIsEeaRestricted(world, pageId, personId)
    if (request.kind === 'sender_action') {
      if (!restricted) applySenderAction(world, pageId, personId, request.sender_action, personaId)
      return { recipient_id: psid.psid }
    }

    const now = world.clock.now()
    const refusal = windowRefusal({
      lastPersonAt: conversation.lastPersonAt, now, messagingType: request.messaging_type, tag: request.tag,
      humanAgentApproved: world.appFeatures.approved(appId, 'human_agent'),
    })
    if (refusal) throw graphError(refusal)

    let message: OutgoingMessage = request.message
    let savedId: string | undefined
    if (message.attachment) {
      const resolved = resolveAttachment(world, pageId, appId, input.origin(), message.attachment)
      message = { ...message, attachment: resolved.attachment }
      savedId = resolved.savedId
    }
    const mid = storePageMessage(world, {
      appId, pageId, personId, psid: psid.psid, message, restricted, messagingType: request.messaging_type,
      tag: request.tag ?? null, notificationType: request.notification_type ?? 'REGULAR', personaId,
    })
    return { recipient_id: psid.psid, message_id: mid, ...(savedId ? { attachment_id: savedId } : {}) }
  })
}

export interface PageMessage {
  appId: string
  pageId: string
  personId: string
  psid: string
  message: OutgoingMessage
  /** The conversation is under the European rules (eea.ts): no delivery events. */
  restricted: boolean
  messagingType: string | null
  tag: string | null
  notificationType: string | null
  personaId: string | null
}

/**
 * A page message that may be sent, recorded: stored with a new mid, shown to the person, echoed
 * (`message_echoes`, with the sending app's id) and delivered (`message_deliveries`). Synchronous: call it in the
 * transaction that judged the send. Answers the mid.
 */
export function storePageMessage(world: World, m: PageMessage): string {
  const now = world.clock.now()
  const { appId, pageId, personId, message, restricted } = m
  const mid = world.ids.mid()
  world.messages.insert({
    mid, pageId, personId, direction: 'page', kind: 'message', appId, body: message as Record<string, unknown>,
    messagingType: m.messagingType, tag: m.tag, notificationType: m.notificationType, createdAt: now,
    personaId: m.personaId,
  })
  // A message replaces the typing indicator (docs §3.7) and, outside Europe, reaches the person at once.
  world.conversations.update(pageId, personId, {
    pageTypingUntil: null, ...(restricted ? {} : { deliveredWatermark: now }),
  })
  const between = { pageId, psid: m.psid }
  emit(world, pageId, 'message_echoes', echoEvent({ ...between, timestamp: now }, mid, appId, message))
  if (!restricted) emit(world, pageId, 'message_deliveries', deliveryEvent(between, [mid], now))
  return mid
}

/** A `persona_id` must name a live persona of the sending page (docs §12). */
function livePersona(world: World, pageId: string, personaId: string): string {
  const persona = world.personas.get(personaId)
  if (!persona || persona.pageId !== pageId || persona.deletedAt !== null) {
    throw graphError('personaInvalid').because(!persona ? `no persona ${personaId}`
      : persona.pageId !== pageId ? `persona ${personaId} is of page ${persona.pageId}` : `persona ${personaId} was deleted`)
  }
  return persona.id
}

function applySenderAction(world: World, pageId: string, personId: string, action: SenderAction,
  personaId: string | null): void {
  const now = world.clock.now()
  if (action === 'typing_on') {
    world.conversations.update(pageId, personId, {
      pageTypingUntil: now + LIMITS.typingIndicatorMs.value, pageTypingPersonaId: personaId,
    })
  }
  if (action === 'typing_off') world.conversations.update(pageId, personId, { pageTypingUntil: null })
  if (action === 'mark_seen') world.conversations.update(pageId, personId, { pageSeenWatermark: now })
}
