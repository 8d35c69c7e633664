/**
 * The stage of a Messenger bot, one that talks to the Graph API directly (Express, bottender, botkit, Facebook's own
 * samples): the emulator alone, no adapter. The stage does what the bot's developer does once on Facebook: takes a
 * page token from Token Generation, starts the bot with it, and subscribes the bot's webhook URL for the page through
 * the Graph API: `POST /{app-id}/subscriptions` (Facebook's verification GET to the bot included, docs §4.1) and
 * `POST /{page-id}/subscribed_apps` (docs §5.2). Every part talks HTTP.
 */
import { randomBytes } from 'node:crypto'
import type { WorldDocument } from '../emulator/control/types.js'
import { closers, EMPTY_WORLD, startStageEmulator, type FacebookStack } from './stack.js'

/** What a Messenger bot needs to run against Facebook, here the emulator. */
export interface MessengerBotCoordinates {
  /** Graph's base URL with its version, as `https://graph.facebook.com/v21.0` is on Facebook. */
  graphUrl: string
  /** The Facebook app the bot is (`X-Hub-Signature-256` of each webhook is an HMAC with `appSecret`). */
  appId: string
  appSecret: string
  /** The page the bot answers for, and its page access token (from Token Generation). */
  pageId: string
  pageToken: string
  /** What the bot answers Facebook's verification GET with (`hub.verify_token`). */
  verifyToken: string
}

/** A running Messenger bot: where Facebook sends its webhooks, and how to stop it. */
export interface MessengerBot {
  webhookUrl: string
  close(): Promise<void>
}

/** Starts your bot with the coordinates the stage gives it (in-process, or spawned with them in its environment). */
export type MessengerBotFactory = (facebook: MessengerBotCoordinates) => Promise<MessengerBot>

/** The webhook fields the stage subscribes the bot to unless told otherwise: what Facebook's sample bots ask for. */
export const MESSENGER_BOT_FIELDS = [
  'messages', 'messaging_postbacks', 'messaging_optins', 'messaging_referrals', 'message_deliveries', 'message_reads',
] as const

export interface MessengerStackOptions {
  world: WorldDocument
  messengerBot: MessengerBotFactory
  /** The page's webhook fields (default MESSENGER_BOT_FIELDS). */
  fields?: readonly string[]
}

export interface MessengerStack extends FacebookStack {
  messengerBot: MessengerBot
  coordinates: MessengerBotCoordinates
}

export async function startMessengerStack(options: MessengerStackOptions): Promise<MessengerStack> {
  const running = closers()
  try {
    const emulator = await startStageEmulator({ world: options.world, fastRetries: true })
    running.add(() => emulator.close())
    const world = emulator.seeded ?? EMPTY_WORLD
    const [app, page] = [world.apps[0], world.pages[0]]
    if (!app || !page) throw new Error('A Messenger bot\'s stage needs a world with an app and a page')
    const { access_token: pageToken } = await emulator.client.pageToken(app.id, page.id, page.admins?.[0])
    const coordinates: MessengerBotCoordinates = {
      graphUrl: `${emulator.url}/v21.0`, appId: app.id, appSecret: app.secret!, pageId: page.id, pageToken,
      verifyToken: randomBytes(12).toString('hex'),
    }
    const messengerBot = await options.messengerBot(coordinates)
    running.add(() => messengerBot.close())
    const setupTraces = new Set<string>()
    const graph = async (path: string, params: Record<string, string>, what: string) => {
      const res = await fetch(`${coordinates.graphUrl}${path}`, { method: 'POST', body: new URLSearchParams(params) })
      setupTraces.add(res.headers.get('x-fb-trace-id') ?? '')
      if (!res.ok) throw new Error(`${what} failed: Graph answered ${res.status} ${await res.text()}`)
    }
    const fields = (options.fields ?? MESSENGER_BOT_FIELDS).join(',')
    await graph(`/${app.id}/subscriptions`, {
      access_token: `${app.id}|${app.secret}`, object: 'page', callback_url: messengerBot.webhookUrl,
      verify_token: coordinates.verifyToken, fields,
    }, `Subscribing the bot's webhook ${messengerBot.webhookUrl} (Facebook's verification GET with hub.verify_token=` +
      `${coordinates.verifyToken} must answer 200 with hub.challenge)`)
    await graph(`/${page.id}/subscribed_apps`, { access_token: pageToken, subscribed_fields: fields },
      `Subscribing the app to the page ${page.name}`)
    return { emulator, world, setupTraces, messengerBot, coordinates, close: () => running.close() }
  } catch (err) {
    await running.close()
    throw err
  }
}
