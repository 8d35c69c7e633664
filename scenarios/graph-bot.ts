/**
 * A bot that talks to the Graph API directly, as Facebook's sample does (fbsamples/original-coast-clothing,
 * services/graph-api.js): its own webhook receiver, subscribed to the page's `messages`, and on each person's message
 * one Send API call with the answer it picks. A scenario starts it, stages `bot.world()` (the default world with
 * Acme Support's webhook pointing at the bot), then `connects` it, which gives it a Token Generation page token.
 */
import { startWebhookReceiver, type ReceivedPost, type WebhookReceiver } from '../lib/webhook-receiver.js'
import type { MessageBody, PageWebhookBody } from '../emulator/facebook/webhook-types.js'
import type { WorldDocument } from '../emulator/control/types.js'
import type { Scene } from './scene.js'
import { DEFAULT_WORLD, type Cast } from './vocabulary.js'

/** What the bot sends back for a person's message: the Send API's `message`. */
export type Answer = (message: MessageBody) => Record<string, unknown>

export class GraphBot {
  private scene: Scene | undefined
  private pageToken: string | undefined
  /** The answers of sends that failed (stories check there are none). */
  readonly failures: string[] = []

  private constructor(private readonly answer: Answer, private readonly sendParams: Record<string, string>,
    private receiver?: WebhookReceiver<PageWebhookBody>) {}

  /** `sendParams`: what each Send API call carries besides `recipient` and `message` (e.g. `messaging_type`). */
  static async start(answer: Answer, sendParams: Record<string, string> = {}): Promise<GraphBot> {
    const bot = new GraphBot(answer, sendParams)
    bot.receiver = await startWebhookReceiver<PageWebhookBody>({ onPost: (post) => void bot.onWebhook(post) })
    return bot
  }

  /** The default world, with Acme Support's webhook at this bot and Acme subscribed to its `messages`. */
  world(): WorldDocument {
    const fields = ['messages' as const]
    return {
      ...DEFAULT_WORLD,
      apps: [{ name: 'Acme Support', webhook: { callbackUrl: this.receiver!.url, verifyToken: this.receiver!.verifyToken, fields } }],
      pages: [{ name: 'Acme', admins: ['Pat Owner'], subscribedApps: [{ appId: 'Acme Support', fields }] }],
    }
  }

  /** The page owner generates the bot's page token; the bot answers from then on. Answers the token. */
  async connects({ scene, owner }: Cast): Promise<string> {
    this.scene = scene
    this.pageToken = await owner.generatesPageToken()
    return this.pageToken
  }

  close(): Promise<void> {
    return this.receiver!.close()
  }

  private async onWebhook(post: ReceivedPost<PageWebhookBody>): Promise<void> {
    for (const event of post.body.entry.flatMap((e) => e.messaging)) {
      const message = 'message' in event ? event.message : undefined
      if (!message || message.is_echo || !this.scene || !this.pageToken) continue
      const res = await this.scene.graph('POST', '/me/messages', {
        access_token: this.pageToken, ...this.sendParams, recipient: JSON.stringify({ id: event.sender?.id }),
        message: JSON.stringify(this.answer(message)),
      })
      if (res.status !== 200) this.failures.push(JSON.stringify(res.body))
    }
  }
}
