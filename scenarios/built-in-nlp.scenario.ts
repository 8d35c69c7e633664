/**
 * Built-in NLP (messenger-platform.md §18): a bot that talks to the Graph API directly turns NLP on for its page with
 * `POST /me/nlp_configs?nlp_enabled=true`, as Facebook's sample does, and from then on answers by what
 * `message.nlpv2` says (the greetings, thanks and bye traits, a datetime entity resolved in the person's time zone)
 * instead of matching words itself. Before it turns NLP on, messages carry no `nlpv2` and it can only fall back.
 */
import type { MessageBody } from '../emulator/facebook/webhook-types.js'
import { GraphBot } from './graph-bot.js'
import { scenario } from './vocabulary.js'

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

export default scenario('Built-in NLP: the page turns it on, and the bot answers greetings, thanks and times by message.nlpv2',
  async ({ stage }) => {
    const bot = await GraphBot.start((message) => ({ text: answerFor(message) }), { messaging_type: 'RESPONSE' })
    try {
      const cast = await stage({ world: bot.world() })
      const { person, facebook, check, scene } = cast
      const pageToken = await bot.connects(cast)

      const sam = person('Sam')
      await sam.says('Hello')
      await sam.sees('Sorry, I did not get that.')

      const enabled = await scene.step('the bot turns built-in NLP on for its page', () =>
        scene.graph('POST', '/me/nlp_configs', { access_token: pageToken, nlp_enabled: 'true' }))
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
      await check("every one of the bot's sends succeeded", bot.failures, [])
    } finally {
      await bot.close()
    }
  })
