/**
 * What every person's action works with (person-actions.ts, reach-actions.ts): the person, the page and their
 * conversation at the action's moment, and the small steps most actions share.
 */
import type { World } from '../world/world.js'
import type { Person } from '../world/people.js'
import type { Conversation } from '../world/conversations.js'
import type { MessageKind } from '../world/messages.js'
import type { PageChange } from '../facebook/webhook-types.js'
import type { EmittedEvent } from './events.js'
import type { PersonAction, PersonActionType } from './person-action-schema.js'

/** An action the person cannot take in this state; the control API answers it with instructions. */
export class ActionRefused extends Error {
  constructor(readonly status: 404 | 409, message: string, readonly instructions?: string) {
    super(message)
  }
}

export interface Ctx {
  world: World
  person: Person
  pageId: string
  psid: string
  conversation: Conversation
  restricted: boolean
  now: number
}

/** What an action did: the message it stored, the events it queued, and what the control API answers beside them. */
export interface Outcome {
  mid?: string
  events: EmittedEvent[]
  changes?: PageChange[]
  extra?: { postId?: string; commentId?: string; notificationMessagesToken?: string }
}

export type Handler<T extends PersonActionType> = (ctx: Ctx, action: Extract<PersonAction, { type: T }>) => Outcome

/** The person acted: the window restarts (docs §8) and their typing indicator goes. */
export function touch(ctx: Ctx): void {
  ctx.world.conversations.update(ctx.pageId, ctx.person.id, { lastPersonAt: ctx.now, personTypingUntil: null })
}

export function store(ctx: Ctx, mid: string, kind: MessageKind, body: Record<string, unknown>): void {
  ctx.world.messages.insert({
    mid, pageId: ctx.pageId, personId: ctx.person.id, direction: 'person', kind, appId: null, body,
    messagingType: null, tag: null, notificationType: null, createdAt: ctx.now,
  })
}

export const between = (ctx: Ctx) => ({ pageId: ctx.pageId, psid: ctx.psid, timestamp: ctx.now })
