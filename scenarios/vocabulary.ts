/**
 * The words scenarios are written in. A scenario is a story:
 *
 *   export default scenario('Facebook password reset', async ({ stage }) => {
 *     const { person, business, owner, clock } = await stage()
 *     await business.connects(await owner.generatesPageToken())
 *     await person('Sam').says('Hi')
 *     await business.expectWebhook('conversation:message', { message: { content: { text: 'Hi' } } })
 *     await owner.changesPassword()
 *     await business.replies('Hello?')
 *     await business.expectWebhook('conversation:message:delivery:failure', { error: { code: 'unauthorized' } })
 *   })
 *
 * `stage()` starts the three parties (emulator, adapter, business webhook receiver) on free ports with fresh in-memory
 * databases, seeds the world, and hands out the cast: people by first name, the page owner, the business, Facebook
 * and its clock. Every action is a recorded step; every expectation waits for the event (never for time) and fails
 * naming what it awaited. The runner closes the stage and writes the report.
 */
import type { WorldDocument } from '../emulator/control/types.js'
import { Business } from './business.js'
import { assertMatches, type Expected } from './match.js'
import { Clock, Facebook } from './facebook.js'
import { Owner } from './owner.js'
import { Person } from './person.js'
import { Scene } from './scene.js'
import { startStack, type BotFactory, type FacebookStack, type Stack } from './stack.js'
import { startMessengerStack, type MessengerBotCoordinates, type MessengerBotFactory, type MessengerStack } from './messenger-stack.js'
import type { Recorder } from './timeline.js'

export interface StageOptions {
  /** The world Facebook starts with (default: DEFAULT_WORLD). */
  world?: WorldDocument
  /** Your business bot (see scenarios/README): started against the adapter and subscribed to every business webhook. */
  bot?: BotFactory
}

/** The stage of a Messenger bot: Facebook alone (no adapter), your bot subscribed to the first page of the world. */
export interface MessengerBotStageOptions {
  /** The world Facebook starts with (default: DEFAULT_WORLD); the bot is its first app, answering its first page. */
  world?: WorldDocument
  /** Your bot: started with the Graph URL, app, page token and verify token, its webhook URL then subscribed. */
  messengerBot: MessengerBotFactory
  /** The page's webhook fields the bot is subscribed to (default MESSENGER_BOT_FIELDS). */
  fields?: readonly string[]
}

/** The parties of every stage. */
interface Parties<S extends FacebookStack> {
  /** A person on Messenger by first name, in their thread with the first page (`.on(page)` for another). */
  person(firstName: string): Person
  /** The owner of the first page (the first account of the world). */
  owner: Owner
  ownerNamed(name: string): Owner
  facebook: Facebook
  clock: Clock
  /** A check of the story (a recorded step): `actual` must match `expected` (partially, see match.ts). */
  check(what: string, actual: unknown, expected: Expected): Promise<void>
  /** Ids, secrets and PSIDs of the world, and the running stack, for what the words above do not cover. */
  scene: Scene<S>
}

/** A business's stage: the parties, and the business behind the adapter. */
export interface Cast extends Parties<Stack> {
  business: Business
}

/** A Messenger bot's stage: the parties, and what the bot was started with. */
export interface MessengerBotCast extends Parties<MessengerStack> {
  /** The Graph URL, app, page, page token and verify token the bot was given. */
  bot: MessengerBotCoordinates
}

export interface ScenarioContext {
  stage(options: MessengerBotStageOptions): Promise<MessengerBotCast>
  stage(options?: StageOptions): Promise<Cast>
}

export interface Scenario {
  name: string
  run(context: ScenarioContext): Promise<void>
}

export function scenario(name: string, run: Scenario['run']): Scenario {
  return { name, run }
}

/** Acme Support's app, Pat who owns the Acme page, Sam in the US on iOS and Eva in Germany on the web. */
export const DEFAULT_WORLD: WorldDocument = {
  apps: [{ name: 'Acme Support' }],
  accounts: [{ name: 'Pat Owner' }],
  pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
  people: [
    { firstName: 'Sam', lastName: 'Lee', platform: 'ios', locale: 'en_US', timezone: -5 },
    { firstName: 'Eva', lastName: 'Berg', eea: true, platform: 'web', locale: 'de_DE', timezone: 1 },
  ],
}

/** Starts the stack for one scenario and casts its parties; the caller closes `scene.stack`. */
export async function openStage(recorder: Recorder, options: MessengerBotStageOptions): Promise<MessengerBotCast>
export async function openStage(recorder: Recorder, options?: StageOptions): Promise<Cast>
export async function openStage(recorder: Recorder, options?: StageOptions | MessengerBotStageOptions): Promise<Cast | MessengerBotCast>
export async function openStage(recorder: Recorder, options: StageOptions | MessengerBotStageOptions = {}):
  Promise<Cast | MessengerBotCast> {
  const world = options.world ?? DEFAULT_WORLD
  if ('messengerBot' in options) {
    const stack = await startMessengerStack({ world, messengerBot: options.messengerBot, ...(options.fields ? { fields: options.fields } : {}) })
    return Object.assign(parties(new Scene(stack, recorder, stack.world)), { bot: stack.coordinates })
  }
  const stack = await startStack({ world, recorder, fastRetries: true, ...(options.bot ? { bot: options.bot } : {}) })
  const scene = new Scene(stack, recorder, stack.world)
  // Object.assign, not a spread: the owner stays a getter, asked only when used (a world may have no account).
  return Object.assign(parties(scene), { business: new Business(scene) })
}

function parties<S extends FacebookStack>(scene: Scene<S>): Parties<S> {
  const owners = new Map<string, Owner>()
  const ownerNamed = (name: string) => {
    const account = scene.account(name)
    if (!owners.has(account.id)) owners.set(account.id, new Owner(scene, account.name, account.id))
    return owners.get(account.id)!
  }
  return {
    person: (firstName) => new Person(scene, firstName, scene.personDoc(firstName).id, scene.page().id),
    get owner() {
      return ownerNamed(scene.account().name)
    },
    ownerNamed,
    facebook: new Facebook(scene),
    clock: new Clock(scene),
    check: (what, actual, expected) => scene.step(what, async () => assertMatches(what, actual, expected)),
    scene,
  }
}
