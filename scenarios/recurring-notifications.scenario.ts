/**
 * Recurring notifications (docs §17): inside the window the business asks Sam with the notification_messages
 * template (passthrough, as Sunshine's channel has no such content type); Sam opts in; days later, outside the
 * window, the page's server notifies him with the token, once a week; after "Stop these messages" it is refused.
 */
import { scenario } from './vocabulary.js'

const REQUEST = { attachment: { type: 'template', payload: {
  template_type: 'notification_messages', title: 'Weekly deals', payload: 'DEALS', notification_messages_frequency: 'WEEKLY',
} } }

export default scenario('Recurring notifications: opt in, weekly messages outside the window, opt out', async ({ stage }) => {
  const { person, business, owner, scene, clock, check } = await stage()
  const token = await owner.generatesPageToken()
  await business.connects(token)
  const sam = person('Sam')

  await sam.says('Any deals?')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Any deals?' } } })
  await business.expectDelivered(await business.replies({ type: 'text', text: 'Get our weekly deals' },
    { override: { messenger: { payload: { message: REQUEST } } } }))
  await sam.seesThread({ bubbles: [{}, { template: { type: 'notification_request', title: 'Weekly deals' } }] },
    'the opt-in request')
  const notificationToken = await sam.optsInToNotifications()

  const notify = (text: string) => scene.step(`the page's server notifies "${text}" with the token`,
    () => scene.graph('POST', '/me/messages', { access_token: token,
      recipient: JSON.stringify({ notification_messages_token: notificationToken }), message: JSON.stringify({ text }) }))
  await clock.advance({ days: 3 })
  await check('outside the window the token is accepted', (await notify('This week: 20% off shoes')).status, 200)
  await sam.sees('This week: 20% off shoes')
  await check('a second message in the same week is refused', (await notify('Also: socks')).body,
    { error: { code: 4, error_subcode: 2018354 } })
  await clock.advance({ days: 7 })
  await check('next week it is accepted again', (await notify('This week: 30% off coats')).status, 200)

  await sam.stopsNotifications()
  await clock.advance({ days: 7 })
  await check('after "Stop these messages" it is refused', (await notify('Come back!')).body,
    { error: { code: 10, error_subcode: 1893015 } })
})
