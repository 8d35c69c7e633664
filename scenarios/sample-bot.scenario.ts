/**
 * How to test your own bot: `stage({ bot })` starts it against the adapter (URL and API key) and subscribes its
 * webhook URL to every business event; the story is then told from the person's side. Here the sample bot of
 * `npm start`, which echoes with a quick reply and a postback button.
 */
import { startSampleBot } from './sample-bot.js'
import { scenario } from './vocabulary.js'

export default scenario('Your own bot: the sample bot answers a person', async ({ stage }) => {
  const { person, business, owner } = await stage({ bot: (adapter) => startSampleBot(adapter) })
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  await sam.says('Hi bot')
  await sam.sees({ template: { type: 'buttons', text: 'You said "Hi bot".' } }, 'the bot\'s echo')
  await sam.seesThread({ quickReplies: [{ title: '👍 Thanks', payload: 'THANKS' }] }, 'the bot\'s quick reply')
  await sam.taps('👍 Thanks')
  await sam.sees({ template: { type: 'buttons', text: 'You said "👍 Thanks".' } }, 'the bot\'s echo of the quick reply')
  await sam.taps('Tell me more')
  await sam.sees('You tapped MORE.')
  await business.expectWebhook('conversation:postback', { postback: { payload: 'MORE' } })
})
