/**
 * The 24-hour standard messaging window (messenger-platform.md §8; seed, Passthrough API: "sending messages to a
 * person outside of the normally allowed 24-hour window using Message Tags"): 25 hours after Sam's last message a
 * plain reply fails (a delivery failure with Facebook's error), a reply with a permitted tag goes through, and Sam
 * writing again reopens the window.
 */
import { scenario } from './vocabulary.js'

export default scenario('The 24-hour window: a plain reply after 25 hours fails, a tagged one succeeds', async ({ stage }) => {
  const { person, business, owner, clock, check } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  await sam.says('Where is my order?')
  await business.expectDelivered(await business.replies('Checking, one moment'))

  await clock.advance({ hours: 25 })
  const late = await business.replies('Found it: it ships tomorrow.')
  const failure = await business.expectWebhook('conversation:message:delivery:failure', { message: { id: late.id } })
  await check('Facebook refused it as outside the allowed window', failure.error.underlyingError,
    { code: 10, subcode: 2018278, message: /outside of allowed window/ })

  const tagged = await business.replies({ type: 'text', text: 'Your order ships tomorrow.' }, { override: { messenger: { payload: {
    message: { text: 'Your order ships tomorrow.' }, messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' } } } })
  await business.expectDelivered(tagged)
  await sam.sees('Your order ships tomorrow.')
  await check('the late plain reply never reached Sam', (await sam.thread()).bubbles.some((b) => b.text === 'Found it: it ships tomorrow.'), false)

  await sam.says('Thanks!')
  await business.expectDelivered(await business.replies('You are welcome'))
  await sam.sees('You are welcome')
})
