/**
 * The checkbox plugin (docs §16): Sam ticks it on the shop's website; the opt-in names him by the website's user_ref
 * only, so it reaches no business (the diagnosis says why and what to do); the page's server sends its one message
 * to the user_ref; Sam's answer carries his PSID and reaches the business as an ordinary conversation.
 */
import { scenario } from './vocabulary.js'

export default scenario('Checkbox plugin: one message to the user_ref, then the answer starts a conversation', async ({ stage }) => {
  const { person, business, owner, scene, check } = await stage()
  const token = await owner.generatesPageToken()
  await business.connects(token)
  const sam = person('Sam')

  await sam.ticksCheckbox('order-5512', 'checkout')
  const diagnosis = await business.diagnoses()
  await check('the diagnosis names the opt-in the channel cannot carry', diagnosis.findings,
    [{ case: 'unreached_people' }])
  const send = (text: string) => scene.step(`the shop's server sends "${text}" to the user_ref`,
    () => scene.graph('POST', '/me/messages', { access_token: token, recipient: JSON.stringify({ user_ref: 'order-5512' }),
      message: JSON.stringify({ text }) }))
  const first = await send('Your order 5512 is confirmed.')
  await check('answered with a message id and no PSID', first.body, { message_id: /^m_/, recipient_id: undefined })
  await sam.sees('Your order 5512 is confirmed.')
  const second = await send('And one more thing')
  await check('a user_ref gets one message', second.body, { error: { code: 100, error_subcode: 2018001 } })

  await sam.says('When will it ship?')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'When will it ship?' } } })
  await business.expectDelivered(await business.replies('Tomorrow morning.'))
  await sam.sees('Tomorrow morning.')
})
