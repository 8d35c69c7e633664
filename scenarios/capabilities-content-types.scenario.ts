/**
 * Seed, Capabilities › Content Types, each both ways: text, emoji, image, GIF, file (Partial Support) and location
 * (Partial Support: Messenger cannot send a location to a person, so the business's location arrives as a map link).
 */
import { scenario } from './vocabulary.js'

export default scenario('Content types round trip: text, emoji, image, GIF, file, location', async ({ stage }) => {
  const { person, business, owner } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  const got = (content: object) => business.expectWebhook('conversation:message', { message: { author: { type: 'user' }, content } })
  const delivered = async (content: string | Record<string, unknown>) => business.expectDelivered(await business.replies(content))

  await sam.says('Hello')
  await got({ type: 'text', text: 'Hello' })
  await delivered('Hi Sam')
  await sam.sees('Hi Sam')

  await sam.says('👍🎉')
  await got({ type: 'text', text: '👍🎉' })
  await delivered('😊 🙌')
  await sam.sees('😊 🙌')

  await sam.sends('image', 'https://cdn.example/receipt.jpg')
  await got({ type: 'image', mediaUrl: 'https://cdn.example/receipt.jpg' })
  await delivered({ type: 'image', mediaUrl: 'https://shop.example/coat.jpg' })
  await sam.sees({ attachments: [{ type: 'image', url: 'https://shop.example/coat.jpg', renderedAs: 'inline' }] }, 'the image')

  await sam.sends('image', 'https://media.example/party.gif')
  await got({ type: 'image', mediaUrl: 'https://media.example/party.gif' })
  await delivered({ type: 'image', mediaUrl: 'https://media.example/thanks.gif' })
  await sam.sees({ attachments: [{ type: 'image', url: 'https://media.example/thanks.gif' }] }, 'the GIF')

  await sam.sends('file', 'https://files.example/invoice.pdf')
  await got({ type: 'file', mediaUrl: 'https://files.example/invoice.pdf' })
  await delivered({ type: 'file', mediaUrl: 'https://shop.example/terms.pdf' })
  await sam.sees({ attachments: [{ type: 'file', url: 'https://shop.example/terms.pdf', renderedAs: 'inline' }] }, 'the file')

  await sam.sharesLocation(45.5017, -73.5673)
  await got({ type: 'location', coordinates: { lat: 45.5017, long: -73.5673 } })
  await delivered({ type: 'location', coordinates: { lat: 40.7128, long: -74.006 }, location: { name: 'Acme Store' } })
  await sam.sees({ text: /^Acme Store\nhttps:\/\/maps\.google\.com\/maps\?q=40\.7128,-74\.006$/ }, 'the store as a map link')
})
