/**
 * `messenger-emulator/testing`: the scenario vocabulary inside the test runner a team already uses (vitest or jest).
 *
 *   import { stage } from 'messenger-emulator/testing'
 *
 *   test('the bot greets Sam by his first name', async () => {
 *     const { person } = await stage({ messengerBot: (facebook) => startMyBot(facebook) })
 *     await person('Sam').says('Hi')
 *     await person('Sam').sees('Hello Sam!')
 *   })
 *
 * `stage({ messengerBot })` puts a bot that talks to the Graph API directly on a stage of its own (Facebook alone);
 * `stage({ bot })` or `stage()` a Sunshine business behind the adapter. Each stage starts its own servers on free
 * ports with in-memory databases, so tests may stage in parallel; it closes itself when its test ends (or at
 * `await s.close()`), and a failing step's error carries the timeline of what every party did.
 */
import { collect } from './collect.js'
import { Recorder, StepFailure } from './timeline.js'
import { BUSINESS_PARTIES, MESSENGER_BOT_PARTIES, timelineText } from './timeline-text.js'
import { tieToCurrentTest, type VitestTestContext } from './test-runner.js'
import {
  openStage, type Cast, type MessengerBotCast, type MessengerBotStageOptions, type StageOptions,
} from './vocabulary.js'

export {
  DEFAULT_WORLD, type Cast, type MessengerBotCast, type MessengerBotStageOptions, type StageOptions,
} from './vocabulary.js'
export { MESSENGER_BOT_FIELDS, type MessengerBot, type MessengerBotCoordinates, type MessengerBotFactory } from './messenger-stack.js'
export type { Bot, BotFactory } from './stack.js'
export type { AdapterCoordinates } from './adapter-api.js'
export type { Person } from './person.js'
export type { Owner } from './owner.js'
export type { Business } from './business.js'
export type { Clock, Duration, Facebook } from './facebook.js'
export type { Expected } from './match.js'
export type { WorldDocument, RequestView, ThreadView, ThreadBubble, FaultScope, FaultSwitches } from '../emulator/control/types.js'

/** What a stage adds in a test: its end, and its timeline. */
export interface StageLifetime {
  /** Stops the bot and every server of the stage; the end of the test does it too. Safe to call twice. */
  close(): Promise<void>
  /** What every party did so far, one line each (a failing step's error carries it already). */
  timeline(): Promise<string>
}

export type BusinessStage = Cast & StageLifetime
export type MessengerBotStage = MessengerBotCast & StageLifetime

/** Options of every stage in a test. */
export interface TestStageOptions {
  /**
   * How long an expectation (`sees`, `expectRequest`, `expectWebhook`) waits before it fails; default 2 s, so that it
   * fails with what it awaited and the timeline before the runner's own 5 s test timeout does.
   */
  waitMs?: number
  /**
   * vitest's test context (`test.concurrent('…', async (_, context) => stage({ …, test: context }))`): ties the stage
   * to its own test where several run at once; a test that runs alone needs none (test-runner.ts).
   */
  test?: VitestTestContext
}

const TEST_WAIT_MS = 2_000

/** A recorder whose failed steps carry the stage's timeline in their error, so the runner shows it. */
class TestRecorder extends Recorder {
  timeline?: () => Promise<string>

  override async step<T>(text: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await super.step(text, fn)
    } catch (err) {
      if (err instanceof StepFailure && this.timeline) err.message += `\n\n${await this.timeline()}`
      throw err
    }
  }
}

/** A Messenger bot (Graph API direct) on a stage of its own: Facebook alone, the bot subscribed to the page. */
export async function stage(options: MessengerBotStageOptions & TestStageOptions): Promise<MessengerBotStage>
/** A Sunshine business: Facebook, the adapter, the business's receiver, and your `bot` if you give one. */
export async function stage(options?: StageOptions & TestStageOptions): Promise<BusinessStage>
export async function stage(options: (StageOptions | MessengerBotStageOptions) & TestStageOptions = {}):
  Promise<BusinessStage | MessengerBotStage> {
  const tie = tieToCurrentTest(options.test) // first, before any await (test-runner.ts)
  const recorder = new TestRecorder()
  const cast = await openStage(recorder, options)
  const { scene } = cast
  scene.waitMs = options.waitMs ?? TEST_WAIT_MS
  const names = 'bot' in cast ? MESSENGER_BOT_PARTIES : BUSINESS_PARTIES
  let closed: Promise<void> | undefined
  const timeline = async () => {
    if (closed) return 'No timeline: the stage was closed before the test failed.'
    // The logs are read into the recorder for this rendering only: a later one reads them afresh.
    const kept = recorder.entries.length
    try {
      await collect(scene)
      return timelineText(recorder.steps, recorder.sorted(), names)
    } catch (err) {
      return `No timeline: reading the logs failed (${(err as Error).message})`
    } finally {
      recorder.entries.splice(kept)
    }
  }
  recorder.timeline = timeline
  const lifetime: StageLifetime = { close: () => (closed ??= scene.stack.close()), timeline }
  tie({ ...lifetime, failedAStep: () => recorder.steps.some((s) => !s.ok) })
  return Object.assign(cast, lifetime)
}
