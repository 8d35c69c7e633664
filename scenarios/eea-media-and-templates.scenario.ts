/**
 * Seed, Impact of Messenger API Updates for Europe, the media and template bullets, in a chat with a person in Europe:
 * - "When a business sends file, audio, or video media attachments, they will render for the user as a URL […]
 *   Image attachments will not be impacted."
 * - "A user will not be able to send file, audio, or video media attachments. They will need to send a URL."
 * - "Facebook templates sent to users using the Facebook web client will not render […] open the message in their
 *   Android or iOS Messenger app"; likewise "Buttons and templates containing buttons".
 * Channel delivery events do not come in such a chat (eea-indicators-and-events), so each step waits on what Eva sees.
 */
import { scenario } from './vocabulary.js'
import { EEA_WORLD } from './eea-world.js'

const OPEN_ON_PHONE = /Open it in the Messenger app on your phone/

export default scenario('Europe: media as links, no user media, no templates or buttons on the web', async ({ stage }) => {
  const { person, business, owner, check } = await stage({ world: EEA_WORLD })
  await business.connects(await owner.generatesPageToken('Acme'))
  const eva = person('Eva')
  await eva.says('Hallo')

  for (const [type, url] of [['file', 'https://shop.example/terms.pdf'], ['image', 'https://shop.example/coat.jpg']] as const) {
    await business.replies({ type, mediaUrl: url })
    await eva.sees({ attachments: [{ type, url, renderedAs: type === 'image' ? 'inline' : 'link' }] },
      `the ${type} ${type === 'image' ? 'inline' : 'as a link'}`)
  }

  for (const type of ['file', 'video', 'audio'] as const) await eva.cannotSend(type, `https://eva.example/doc.${type}`)
  await eva.says('https://eva.example/doc.pdf')
  await business.expectWebhook('conversation:message', { message: { content: { type: 'text', text: 'https://eva.example/doc.pdf' } } })

  await business.replies({ type: 'carousel', items: [{ title: 'Coat', actions: [{ type: 'postback', text: 'Buy', payload: 'BUY' }] }] })
  await eva.sees({ kind: 'template', placeholder: OPEN_ON_PHONE }, 'a placeholder instead of the carousel on the web')
  await business.replies('Need help? %[Call me](postback:CALL)')
  await eva.sees({ kind: 'template', placeholder: OPEN_ON_PHONE }, 'a placeholder instead of the buttons on the web')
  const phone = await eva.thread('android')
  await check('on her Android phone Eva sees the carousel and the buttons', phone.bubbles.filter((b) => b.template).map((b) => b.template!.type),
    ['carousel', 'buttons'])
})
