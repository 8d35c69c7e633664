/**
 * Seed, Capabilities › Indicators: typing (the business's typing indicator shows in the person's thread), read (both
 * ways: the business marks the person's messages seen; the person's read reaches the business with the user delivery
 * of the business's message) and conversation start (an m.me link and Get Started start the conversation).
 */
import { scenario } from './vocabulary.js'

export default scenario('Indicators: typing, read, conversation start', async ({ stage }) => {
  const { person, business, owner } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')

  await sam.opensLink('spring-sale')
  await sam.tapsGetStarted()
  await business.expectWebhook('conversation:create', { creationReason: 'startConversation' })
  await business.expectWebhook('conversation:postback', { postback: { payload: (p: unknown) => typeof p === 'string' && p.length > 0 } })
  await business.expectWebhook('conversation:referral', { referral: { code: 'spring-sale', details: { source: 'SHORTLINK' } } })

  await sam.says('Do you have coats?')
  await business.activity('typing:start')
  await sam.seesThread({ typing: { page: true } }, 'the page typing')
  await business.activity('typing:stop')
  await sam.seesThread({ typing: { page: false } }, 'the page no longer typing')

  await business.activity('conversation:read')
  await sam.sees({ from: 'person', text: 'Do you have coats?', seen: true }, 'their message marked seen')

  const answer = await business.replies('We do!')
  const mids = await business.expectDelivered(answer)
  await sam.reads()
  await business.expectWebhook('conversation:read')
  await business.expectWebhook('conversation:message:delivery:user', { message: { id: answer.id }, externalMessages: mids.map((id) => ({ id })) })
  await sam.sees({ text: 'We do!', status: 'read' }, 'the answer as read')
})
