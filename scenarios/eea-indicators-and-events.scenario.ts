/**
 * Seed, Impact of Messenger API Updates for Europe: "Delivery events, typing indicators, and read events will fail
 * silently": "If a business tries to send typing indicators to a user, it will fail", "A business will not receive
 * channel delivery events", "A business and its users will be unable to trigger or receive message read events."
 * Checked on Facebook's side (no typing shown, no `message_deliveries` or `message_reads` webhook sent) and at the
 * business (no channel delivery, no user delivery, no read), while messages still go both ways.
 */
import { scenario } from './vocabulary.js'
import { EEA_WORLD } from './eea-world.js'

export default scenario('Europe: typing, delivery and read events fail silently', async ({ stage }) => {
  const { person, business, owner, facebook, check } = await stage({ world: EEA_WORLD })
  await business.connects(await owner.generatesPageToken('Acme'))
  const eva = person('Eva')
  await eva.says('Hallo')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Hallo' } } })

  await business.activity('typing:start')
  await facebook.expectRequest({ path: '/me/messages', params: { sender_action: 'typing_on' } }, 'the typing indicator call')
  await check('Eva sees no typing indicator', (await eva.thread()).typing.page, false)

  await business.activity('conversation:read')
  await facebook.expectRequest({ path: '/me/messages', params: { sender_action: 'mark_seen' } }, 'the mark_seen call')
  await check('Eva\'s message is not marked seen', (await eva.thread()).marks.seenByPage, null)

  await business.replies('Hallo Eva!')
  await eva.sees('Hallo Eva!')
  await eva.cannotRead()
  await facebook.flushesWebhooks()
  const fields = (await facebook.deliveries()).map((d) => d.field)
  await check('Facebook sent messages but no delivery or read webhook', fields, (f: string[]) =>
    f.includes('messages') && !f.includes('message_deliveries') && !f.includes('message_reads'))
  // The person's next message comes after anything the earlier ones could have caused, in the same conversation.
  await eva.says('Danke')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Danke' } } })
  await check('the business got no channel delivery, no user delivery and no read', [
    business.hasReceived('conversation:message:delivery:channel'),
    business.hasReceived('conversation:message:delivery:user'), business.hasReceived('conversation:read')],
  [false, false, false])
})
