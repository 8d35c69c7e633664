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

export interface Stack {
  emulator: RunningEmulator
  adapter: RunningAdapter
  /** The business's webhook receiver (`url` is its base: webhooks go to `/webhooks/v2` and `/webhooks/v1.1`). */
  receiver: WebhookReceiver
  api: AdapterApi
  /** The world as seeded, every id, secret and PSID filled in. */
  world: CompleteWorldDocument
  /** The platform's Facebook app, when one was asked for (StackOptions.platformApp). */
  platformApp?: { id: string; secret: string; name: string }
  /** The custom integration and its two webhooks (with their secrets) that feed the receiver. */
  webhooks: { v2: { id: string; secret: string }; v11: { id: string; secret: string } }
  bot?: Bot
  close(): Promise<void>
}

const FAST = {
  sendRetry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 },
  webhookRetry: { baseDelayMs: 20, maxDelayMs: 100 },
}
const EMPTY: CompleteWorldDocument = { apps: [], accounts: [], pages: [], people: [] }

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const closers: (() => Promise<void>)[] = []
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined)
  }
  try {
    const emulator = await startEmulator({
      port: options.emulatorPort ?? 0, db: options.emulatorDb ?? ':memory:',
      ...(options.world ? { seed: options.world } : {}),
      // Look for due webhooks often: advancing the clock makes retries due at once.
      webhooks: { pollMs: 20, ...(options.fastRetries ? { retryBaseMs: 20, retryMaxMs: 100 } : {}) },
    })
    closers.push(() => emulator.close())
    const platformApp = options.platformApp && await addPlatformApp(emulator, options.platformApp)
    const adapter = await startAdapter({
      ...(platformApp ? { facebookApp: { id: platformApp.id, secret: platformApp.secret } } : {}),
      port: options.adapterPort ?? 0, graphUrl: emulator.url, db: options.adapterDb ?? ':memory:',
      log: options.adapterLog ?? silentLogger, ...(options.fastRetries ? FAST : {}), ...options.adapterCredentials,
    })
    closers.push(() => adapter.close())
    const receiver = await startWebhookReceiver({
      path: '', ...(options.businessPort !== undefined ? { port: options.businessPort } : {}),
      ...(options.onWebhook ? { onPost: options.onWebhook } : {}),
    })
    closers.push(() => receiver.close())
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
      closers.push(() => bot!.close())
      const res = await api.post('/v2/apps/{appId}/integrations', {
        type: 'custom', displayName: 'Bot', webhooks: [{ target: bot.webhookUrl, triggers: ['*'] }],
      })
      if (res.status !== 201) throw new Error(`Registering the bot's webhook failed: ${JSON.stringify(res.body)}`)
      bot.onRegistered?.(res.body.integration.webhooks[0])
    }
    return {
      emulator, adapter, receiver, api, world: emulator.seeded ?? EMPTY,
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
