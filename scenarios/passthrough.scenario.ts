/**
 * Seed, Passthrough API: `override.messenger.payload` is sent to the Send API as given, `recipient` replaced by the
 * person's PSID (Reserved Fields). The seed's two examples: the Message Tag one, sent outside the 24-hour window
 * (what tags are for), and the Receipt one.
 */
import { scenario } from './vocabulary.js'

const TAG_EXAMPLE = {
  role: 'appMaker', type: 'text', text: 'Hey, are you still coming to tonight\'s event?',
  override: { messenger: { payload: {
    message: { text: 'See you at 7:00 tonight?', quick_replies: [
      { content_type: 'text', title: 'yes', payload: 'yes' }, { content_type: 'text', title: 'No', payload: 'no' }] },
    tag: 'CONFIRMED_EVENT_UPDATE',
  } } },
}
const RECEIPT = {
  template_type: 'receipt', recipient_name: 'John', order_number: '111111111111', currency: 'USD', payment_method: 'Visa 2345',
  order_url: 'http://petersapparel.parseapp.com/order?order_id=123456', timestamp: '1428444852',
  address: { street_1: '1 Apple Highway', street_2: '', city: 'Mangle city', postal_code: '94025', state: 'CA', country: 'US' },
  summary: { subtotal: 75.0, shipping_cost: 4.95, total_tax: 6.19, total_cost: 56.14 },
  adjustments: [{ name: 'New Customer Discount', amount: 20 }, { name: '$10 Off Coupon', amount: 10 }],
  elements: [{ title: 'Fall Coat', subtitle: 'Soft and Luxurious', quantity: 2, price: 50, currency: 'USD',
    image_url: 'https://smooch.io/static_assets/images/shoplifter/double-breasted-coat.jpg' }],
}

export default scenario('Passthrough: the message-tag example outside the window, the receipt example, recipient replaced', async ({ stage }) => {
  const { person, business, owner, facebook, clock, check } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  await sam.says('I\'ll come to the event tonight')
  const psid = (await sam.thread()).psid

  await clock.advance({ hours: 25 })
  const { override, text, type } = TAG_EXAMPLE
  const payload = { ...override.messenger.payload, recipient: { id: '1234567890' } }
  const tagged = await business.replies({ type, text }, { override: { messenger: { payload } } })
  await business.expectDelivered(tagged)
  await sam.sees('See you at 7:00 tonight?')
  await sam.seesThread({ quickReplies: [{ title: 'yes', payload: 'yes' }, { title: 'No', payload: 'no' }] }, 'the example\'s quick replies')
  await facebook.expectRequest({ method: 'POST', path: '/me/messages', status: 200, params: {
    recipient: (r: unknown) => JSON.stringify(r) === JSON.stringify({ id: psid }),
    tag: 'CONFIRMED_EVENT_UPDATE', messaging_type: 'MESSAGE_TAG',
  } }, 'the tagged Send API call, recipient replaced by Sam\'s PSID')
  await check('other channels would show the Sunshine text', tagged.content.text, 'Hey, are you still coming to tonight\'s event?')

  await sam.says('Great, thanks')
  const receipt = await business.replies({ type: 'text', text: 'Your order is confirmed!' },
    { override: { messenger: { payload: { message: { attachment: { type: 'template', payload: RECEIPT } } } } } })
  await business.expectDelivered(receipt)
  await sam.sees({ template: { type: 'receipt', recipientName: 'John', orderNumber: '111111111111', currency: 'USD',
    paymentMethod: 'Visa 2345', totalCost: 56.14, items: [{ title: 'Fall Coat', price: 50, quantity: 2 }] } }, 'the receipt')
})
