/**
 * Faithful to production (docs §21; issue "lenient where Facebook is lenient, and say so"): a bot written like
 * Facebook's own sample (fbsamples/original-coast-clothing) talks to the Graph API directly, never sends
 * `messaging_type`, and offers a 22-character quick reply. On Facebook it works: the send is a RESPONSE and the title
 * shows cut with "…". Here too, and every call that relied on that leniency carries its warnings in the request
 * journal (shown on the Graph calls of the report's timeline).
 */
import { startWebhookReceiver, type ReceivedPost } from '../lib/webhook-receiver.js'
import type { PageWebhookBody } from '../emulator/facebook/webhook-types.js'
import type { Scene } from './scene.js'
import { DEFAULT_WORLD, scenario } from './vocabulary.js'

const SEARCH = 'Search by order number'

/** The sample bot's answers: what it sends back for a message, by quick-reply payload (or none). */
function answerFor(payload: string | undefined): Record<string, unknown> {
  if (payload === 'SEARCH_ORDER') return { text: 'Please enter your order number.' }
  return { text: 'Hi! How can I help you today?', quick_replies: [
    { content_type: 'text', title: SEARCH, payload: 'SEARCH_ORDER' },
    { content_type: 'text', title: 'Talk to an agent', payload: 'CARE_HELP' },
  ] }
}

/**
 * A Graph-direct bot: on each message webhook it calls the Send API with `recipient` and `message` only, as the
 * sample does (services/graph-api.js). It acts once the stage has given it its page token.
 */
class SampleBot {
  scene: Scene | undefined
  pageToken: string | undefined
  /** The answers of sends that failed (the story checks there are none). */
  readonly failures: string[] = []

  async onWebhook(post: ReceivedPost<PageWebhookBody>): Promise<void> {
    for (const event of post.body.entry.flatMap((e) => e.messaging)) {
      const message = 'message' in event ? event.message : undefined
      if (!message || message.is_echo || !this.scene || !this.pageToken) continue
      const res = await this.scene.graph('POST', '/me/messages', {
        access_token: this.pageToken, recipient: JSON.stringify({ id: event.sender?.id }),
        message: JSON.stringify(answerFor(message.quick_reply?.payload)),
      })
      if (res.status !== 200) this.failures.push(JSON.stringify(res.body))
    }
  }
}

export default scenario("Facebook's sample bot: no messaging_type, a 22-character quick reply, warnings in the journal",
  async ({ stage }) => {
    const sample = new SampleBot()
    const bot = await startWebhookReceiver<PageWebhookBody>({ onPost: (post) => void sample.onWebhook(post) })
    try {
      const fields = ['messages' as const]
      const cast = await stage({ world: {
        ...DEFAULT_WORLD,
        apps: [{ name: 'Acme Support', webhook: { callbackUrl: bot.url, verifyToken: bot.verifyToken, fields } }],
        pages: [{ name: 'Acme', admins: ['Pat Owner'], subscribedApps: [{ appId: 'Acme Support', fields }] }],
      } })
      const { person, owner, facebook, check } = cast
      sample.scene = cast.scene
      sample.pageToken = await owner.generatesPageToken()

      const sam = person('Sam')
      await sam.says('Hi, where is my parcel?')
      await sam.sees('Hi! How can I help you today?')
      await sam.seesThread({ quickReplies: [
        { title: 'Search by order numb…', fullTitle: SEARCH, payload: 'SEARCH_ORDER' },
        { title: 'Talk to an agent', payload: 'CARE_HELP' },
      ] }, 'the 22-character quick reply cut with "…", as Messenger shows it')

      const reply = await facebook.expectRequest({ method: 'POST', path: '/me/messages', status: 200 },
        "the bot's first send, accepted")
      await check('the send carries both warnings: the title shown cut, and messaging_type taken as RESPONSE',
        reply.warnings.map((x) => x.code), ['labelCut', 'messagingTypeMissing'])

      await sam.taps('Search by order numb…')
      await sam.sees({ from: 'person', text: SEARCH, payload: 'SEARCH_ORDER' }, 'his tap, sent as the whole title')
      await sam.sees('Please enter your order number.')
      await check("every one of the bot's sends succeeded", sample.failures, [])
      const sends = (await facebook.requests()).filter((r) => r.path === '/me/messages')
      await check('each send without messaging_type says so in the journal', sends.map((r) =>
        r.warnings.some((x) => x.code === 'messagingTypeMissing')), [true, true])
    } finally {
      await bot.close()
    }
  })
