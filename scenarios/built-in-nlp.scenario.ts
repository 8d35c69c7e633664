/**
 * Built-in NLP (messenger-platform.md §18): a bot that talks to the Graph API directly turns NLP on for its page with
 * `POST /me/nlp_configs?nlp_enabled=true`, as Facebook's sample does, and from then on answers by what
 * `message.nlpv2` says (the greetings, thanks and bye traits, a datetime entity resolved in the person's time zone)
 * instead of matching words itself. Before it turns NLP on, messages carry no `nlpv2` and it can only fall back.
 */
import { startWebhookReceiver, type ReceivedPost } from '../lib/webhook-receiver.js'
import type { MessageBody, PageWebhookBody } from '../emulator/facebook/webhook-types.js'
import type { Scene } from './scene.js'
import { DEFAULT_WORLD, scenario } from './vocabulary.js'

/** What the bot answers, from the NLP Facebook attached; a confident trait wins over the rest. */
function answerFor(message: MessageBody): string {
  const nlp = message.nlpv2
  if (!nlp) return 'Sorry, I did not get that.'
  const when = nlp.entities?.['datetime:datetime']?.[0]
  if (when) return `Booked for ${String(when.value)}`
  if ((nlp.traits?.greetings?.confidence ?? 0) > 0.8) return 'Hi! How can I help?'
  if ((nlp.traits?.thanks?.confidence ?? 0) > 0.8) return 'You are welcome!'
  if ((nlp.traits?.bye?.confidence ?? 0) > 0.8) return 'Goodbye!'
  return `I sense a ${nlp.traits?.sentiment?.value ?? 'neutral'} message.`
}

/** A Graph-direct bot: answers each person's message through the Send API once the stage gave it its page token. */
class NlpBot {
  scene: Scene | undefined
  pageToken: string | undefined
  readonly failures: string[] = []

  async onWebhook(post: ReceivedPost<PageWebhookBody>): Promise<void> {
    for (const event of post.body.entry.flatMap((e) => e.messaging)) {
      const message = 'message' in event ? event.message : undefined
      if (!message || message.is_echo || !this.scene || !this.pageToken) continue
      const res = await this.scene.graph('POST', '/me/messages', {
        access_token: this.pageToken, messaging_type: 'RESPONSE', recipient: JSON.stringify({ id: event.sender.id }),
        message: JSON.stringify({ text: answerFor(message) }),
      })
      if (res.status !== 200) this.failures.push(JSON.stringify(res.body))
    }
  }
}

export default scenario('Built-in NLP: the page turns it on, and the bot answers greetings, thanks and times by message.nlpv2',
  async ({ stage }) => {
    const nlpBot = new NlpBot()
    const bot = await startWebhookReceiver<PageWebhookBody>({ onPost: (post) => void nlpBot.onWebhook(post) })
    try {
      const fields = ['messages' as const]
      const cast = await stage({ world: {
        ...DEFAULT_WORLD,
        apps: [{ name: 'Acme Support', webhook: { callbackUrl: bot.url, verifyToken: bot.verifyToken, fields } }],
        pages: [{ name: 'Acme', admins: ['Pat Owner'], subscribedApps: [{ appId: 'Acme Support', fields }] }],
      } })
      const { person, owner, facebook, check, scene } = cast
      nlpBot.scene = scene
      nlpBot.pageToken = await owner.generatesPageToken()

      const sam = person('Sam')
      await sam.says('Hello')
      await sam.sees('Sorry, I did not get that.')

      const enabled = await scene.step('the bot turns built-in NLP on for its page', () =>
        scene.graph('POST', '/me/nlp_configs', { access_token: nlpBot.pageToken!, nlp_enabled: 'true' }))
      await check('Facebook answers the nlp_configs call', enabled, { status: 200, body: { success: true } })

      await sam.says('Hello')
      await sam.sees('Hi! How can I help?')
      await sam.says('Can you call me tomorrow at 3pm?')
      // Sam's profile says UTC-5: Facebook resolves the time in his zone.
      await sam.sees({ text: /^Booked for \d{4}-\d\d-\d\dT15:00:00\.000-05:00$/ }, 'a booking for 3pm tomorrow in his zone')
      await sam.says('Thanks a lot')
      await sam.sees('You are welcome!')
      await sam.says('This is terrible, my parcel is broken')
      await sam.sees('I sense a negative message.')

      const webhook = (await facebook.deliveries()).map((d) => d.body.entry[0]!.messaging[0]!)
        .find((e) => 'message' in e && e.message.text === 'Thanks a lot')
      await check('the webhook carried the thanks trait as Facebook sends it', webhook,
        { message: { nlpv2: { traits: { thanks: { value: 'true' } }, detected_locales: [{ locale: 'en_XX' }] } } })
      await check("every one of the bot's sends succeeded", nlpBot.failures, [])
    } finally {
      await bot.close()
    }
  })
