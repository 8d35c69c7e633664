/**
 * Seed, Delivery Events: `conversation:message:delivery:channel` carries the Messenger message ids of a business
 * message in `externalMessages` (the ids the person's thread shows), the person's device reports delivery
 * (`:delivery:user`) and a message Messenger refuses comes back as `conversation:message:delivery:failure` — here
 * because the person blocked the page.
 */
import { scenario } from './vocabulary.js'

export default scenario('Delivery events with externalMessages, and a delivery failure', async ({ stage }) => {
  const { person, business, owner, check } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  await sam.says('Track my parcel please')

  const long = 'x'.repeat(2500)
  const update = await business.replies(`Your parcel is on its way. ${long}`)
  const mids = await business.expectDelivered(update)
  await check('a 2,500-character text went as two Messenger messages, both in externalMessages', mids.length, 2)
  const thread = await sam.thread()
  await check('the ids are those of the bubbles Sam sees', mids.every((mid) => thread.bubbles.some((b) => b.mid === mid && b.from === 'page')), true)
  await business.expectWebhook('message:delivery:channel', { message: { _id: update.id }, externalMessages: mids.map((id) => ({ id })) },
    { version: 'v1.1' })
  await sam.reads()
  await business.expectWebhook('conversation:message:delivery:user', { message: { id: update.id } })

  await sam.blocksThePage()
  const lost = await business.replies('Did it arrive?')
  const failure = await business.expectWebhook('conversation:message:delivery:failure', { message: { id: lost.id } })
  await check('the failure carries Facebook\'s error', failure.error, {
    code: 'forbidden', underlyingError: { code: 551, message: (m: string) => /isn't available right now/.test(m) },
  })
  await check('no channel delivery for the failed message', business.hasReceived('conversation:message:delivery:channel', { message: { id: lost.id } }), false)
})
