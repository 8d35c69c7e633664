/**
 * The whole local stack in one process: the emulator (Facebook), the adapter pointed at it, and the business's webhook
 * receiver registered with the adapter as a custom integration (a v2 webhook and a v1.1 one, every trigger). Used by
 * `npm start` (fixed ports, the sample bot) and by every scenario (free ports, fresh in-memory databases). The parts
 * talk only over HTTP (DESIGN principle 1); starting them here is just convenient.
 */
import { startEmulator, type RunningEmulator, type WorldDocument } from '../emulator/index.js'
import { startAdapter, type RunningAdapter } from '../adapter/index.js'
import { silentLogger, type Logger } from '../adapter/runtime/context.js'
import { AdapterApi, type AdapterCoordinates } from './adapter-api.js'
import { startWebhookReceiver, type ReceivedPost, type WebhookReceiver } from '../lib/webhook-receiver.js'
import type { CompleteWorldDocument } from '../emulator/control/types.js'
import type { Recorder } from './timeline.js'

/** A business bot: started once the adapter runs, it answers at `webhookUrl` and talks back through the adapter API. */
export interface Bot {
  webhookUrl: string
  /** Hears its webhook's id and secret once registered (the secret signs each webhook's `X-API-Key`). */
  onRegistered?(webhook: { id: string; secret: string }): void
  close(): Promise<void>
}
export type BotFactory = (adapter: AdapterCoordinates) => Promise<Bot>

export interface StackOptions {
  /** 0 = a free port (the default for all three). */
  emulatorPort?: number
  adapterPort?: number
  businessPort?: number
  /** The world the emulator starts with (a document or a JSON file path). */
  world?: WorldDocument | string
  /** SQLite paths; ':memory:' by default. */
  emulatorDb?: string
  adapterDb?: string
  /** Your bot, registered as one more custom integration of the adapter app, next to the recording receiver. */
  bot?: BotFactory
  recorder?: Recorder
  onWebhook?: (w: ReceivedPost) => void
  adapterLog?: Logger
  /** The adapter app and API key to make sure exist (default: generated). */
  adapterCredentials?: { appId: string; keyId: string; keySecret: string }
  /** Retry delays of the adapter's outboxes (Send API, business webhooks); short ones keep scenarios fast. */
  fastRetries?: boolean
  /**
   * The platform's own Facebook app (the one Sunshine registers with Facebook), added to the emulator's world and
   * given to the adapter, whose dashboard's Authenticate runs Facebook Login with it. Id and secret are generated
   * unless given.
   */
  platformApp?: { name: string; id?: string | undefined; secret?: string | undefined }
}

/** What every stage has: Facebook (the emulator) and the world it was seeded with. */
export interface FacebookStack {
  emulator: RunningEmulator
  /** The world as seeded, every id, secret and PSID filled in. */
  world: CompleteWorldDocument
  /** fbtrace ids of the Graph calls the stage made itself while setting up, kept out of `facebook.requests()`. */
  setupTraces?: ReadonlySet<string>
  close(): Promise<void>
}

/** The stack of a Sunshine business: Facebook, the adapter between it and the business, the business's receiver. */
export interface Stack extends FacebookStack {
  adapter: RunningAdapter
  /** The business's webhook receiver (`url` is its base: webhooks go to `/webhooks/v2` and `/webhooks/v1.1`). */
  receiver: WebhookReceiver
  api: AdapterApi
  /** The platform's Facebook app, when one was asked for (StackOptions.platformApp). */
  platformApp?: { id: string; secret: string; name: string }
  /** The custom integration and its two webhooks (with their secrets) that feed the receiver. */
  webhooks: { v2: { id: string; secret: string }; v11: { id: string; secret: string } }
  bot?: Bot
}

/** Whether the stage has the adapter (a business's stage) or Facebook alone (a Messenger bot's). */
export function hasAdapter(stack: FacebookStack): stack is Stack {
  return 'adapter' in stack
}

const FAST = {
  sendRetry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 },
  webhookRetry: { baseDelayMs: 20, maxDelayMs: 100 },
}
export const EMPTY_WORLD: CompleteWorldDocument = { apps: [], accounts: [], pages: [], people: [] }

/** Servers started so far, closed newest first (a failed start closes what it had started). */
export function closers(): { add(close: () => Promise<void>): void; close(): Promise<void> } {
  const list: (() => Promise<void>)[] = []
  return {
    add: (close) => { list.push(close) },
    close: async () => {
      for (const c of list.reverse()) await c().catch(() => undefined)
    },
  }
}

/** The emulator of a stage: a fresh world (`:memory:` unless told), webhooks looked for often. */
export function startStageEmulator(options: Pick<StackOptions, 'emulatorPort' | 'emulatorDb' | 'world' | 'fastRetries'>):
  Promise<RunningEmulator> {
  return startEmulator({
    port: options.emulatorPort ?? 0, db: options.emulatorDb ?? ':memory:',
    ...(options.world ? { seed: options.world } : {}),
    // Look for due webhooks often: advancing the clock makes retries due at once.
    webhooks: { pollMs: 20, ...(options.fastRetries ? { retryBaseMs: 20, retryMaxMs: 100 } : {}) },
  })
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const running = closers()
  const close = () => running.close()
  try {
    const emulator = await startStageEmulator(options)
    running.add(() => emulator.close())
    const platformApp = options.platformApp && await addPlatformApp(emulator, options.platformApp)
    const adapter = await startAdapter({
      ...(platformApp ? { facebookApp: { id: platformApp.id, secret: platformApp.secret } } : {}),
      port: options.adapterPort ?? 0, graphUrl: emulator.url, db: options.adapterDb ?? ':memory:',
      log: options.adapterLog ?? silentLogger, ...(options.fastRetries ? FAST : {}), ...options.adapterCredentials,
    })
    running.add(() => adapter.close())
    const receiver = await startWebhookReceiver({
      path: '', ...(options.businessPort !== undefined ? { port: options.businessPort } : {}),
      ...(options.onWebhook ? { onPost: options.onWebhook } : {}),
    })
    running.add(() => receiver.close())
    const api = new AdapterApi(adapter, options.recorder)
    const custom = await api.post('/v2/apps/{appId}/integrations', {
      type: 'custom', displayName: 'Business webhooks', webhooks: [{ target: `${receiver.url}/webhooks/v2`, triggers: ['*'] }],
    })
    if (custom.status !== 201) throw new Error(`Registering the business webhook failed: ${JSON.stringify(custom.body)}`)
    const integrationId = custom.body.integration.id as string
    const v11 = await api.post(`/v2/apps/{appId}/integrations/${integrationId}/webhooks`,
      { target: `${receiver.url}/webhooks/v1.1`, triggers: ['*'], version: 'v1.1' })
    if (v11.status !== 201) throw new Error(`Registering the v1.1 webhook failed: ${JSON.stringify(v11.body)}`)
    const first = custom.body.integration.webhooks[0]
    let bot: Bot | undefined
    if (options.bot) {
      bot = await options.bot({ url: adapter.url, appId: adapter.appId, keyId: adapter.keyId, keySecret: adapter.keySecret })
      running.add(() => bot!.close())
      const res = await api.post('/v2/apps/{appId}/integrations', {
        type: 'custom', displayName: 'Bot', webhooks: [{ target: bot.webhookUrl, triggers: ['*'] }],
      })
      if (res.status !== 201) throw new Error(`Registering the bot's webhook failed: ${JSON.stringify(res.body)}`)
      bot.onRegistered?.(res.body.integration.webhooks[0])
    }
    return {
      emulator, adapter, receiver, api, world: emulator.seeded ?? EMPTY_WORLD,
      webhooks: { v2: { id: first.id, secret: first.secret }, v11: { id: v11.body.webhook.id, secret: v11.body.webhook.secret } },
      ...(bot ? { bot } : {}),
      ...(platformApp ? { platformApp } : {}),
      close,
    }
  } catch (err) {
    await close()
    throw err
  }
}

async function addPlatformApp(emulator: RunningEmulator, app: NonNullable<StackOptions['platformApp']>) {
  const doc = await emulator.client.addWorld({ apps: [{
    name: app.name, ...(app.id ? { id: app.id } : {}), ...(app.secret ? { secret: app.secret } : {}),
  }] })
  const added = doc.apps[0]!
  return { id: added.id!, secret: added.secret!, name: app.name }
}
