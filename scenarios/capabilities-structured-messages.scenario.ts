/**
 * Seed, Capabilities › Structured Messages: a compound message (text, image and actions in one) and a carousel (seed,
 * Carousel) reach the person as Messenger templates; a carousel card's postback reaches the business.
 */
import { scenario } from './vocabulary.js'

export default scenario('Structured messages: compound message and carousel', async ({ stage }) => {
  const { person, business, owner } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  await sam.says('Show me coats')

  const compound = await business.replies({
    type: 'image', mediaUrl: 'https://shop.example/coat.jpg', text: 'Fall Coat, soft and luxurious',
    actions: [{ type: 'link', text: 'Buy', uri: 'https://shop.example/coat' }, { type: 'postback', text: 'Save', payload: 'SAVE_COAT' }],
  })
  await business.expectDelivered(compound)
  await sam.sees({ template: { type: 'carousel', cards: [{ title: 'Fall Coat, soft and luxurious', imageUrl: 'https://shop.example/coat.jpg',
    buttons: [{ title: 'Buy', url: 'https://shop.example/coat' }, { title: 'Save', payload: 'SAVE_COAT' }] }] } }, 'the compound message as one card')

  const carousel = await business.replies({
    type: 'carousel',
    items: [
      { title: 'Fall Coat', description: 'Wool', mediaUrl: 'https://shop.example/coat.jpg', actions: [{ type: 'postback', text: 'Select', payload: 'COAT' }] },
      { title: 'Rain Jacket', description: 'Waterproof', mediaUrl: 'https://shop.example/jacket.jpg', actions: [{ type: 'postback', text: 'Choose', payload: 'JACKET' }] },
      { title: 'Scarf', actions: [{ type: 'link', text: 'Details', uri: 'https://shop.example/scarf' }] },
    ],
  })
  await business.expectDelivered(carousel)
  await sam.sees({ template: { type: 'carousel', cards: [
    { title: 'Fall Coat', subtitle: 'Wool', imageUrl: 'https://shop.example/coat.jpg' },
    { title: 'Rain Jacket', subtitle: 'Waterproof' },
    { title: 'Scarf', buttons: [{ type: 'web_url', title: 'Details' }] },
  ] } }, 'a carousel of three cards')
  await sam.taps('Choose')
  await business.expectWebhook('conversation:postback', { postback: { payload: 'JACKET' } })
})
