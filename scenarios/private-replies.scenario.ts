/**
 * Private replies (docs §15): Sam comments on the page's post; the page answers privately once with
 * `recipient: {comment_id}` (its own server's Graph call: Sunshine's channel does not carry comments); Sam sees the
 * reply in Messenger, and his answer reaches the business as an ordinary conversation it can reply to.
 */
import { scenario, DEFAULT_WORLD } from './vocabulary.js'

const WORLD = { ...DEFAULT_WORLD, pages: [{ ...DEFAULT_WORLD.pages![0]!, posts: [{ message: 'Spring sale: 20% off' }] }] }

export default scenario('Private replies: a comment answered once in Messenger, then an ordinary conversation', async ({ stage }) => {
  const { person, business, owner, scene, check } = await stage({ world: WORLD })
  const token = await owner.generatesPageToken()
  await business.connects(token)
  const sam = person('Sam')

  const { commentId } = await sam.comments('Does it include shoes?')
  const reply = (text: string) => scene.step(`the page answers the comment privately: "${text}"`,
    () => scene.graph('POST', '/me/messages', { access_token: token, recipient: JSON.stringify({ comment_id: commentId }),
      message: JSON.stringify({ text }) }))
  const first = await reply('Yes, shoes too! Anything else?')
  await check('the private reply is sent', first.status, 200)
  await sam.sees('Yes, shoes too! Anything else?')
  const second = await reply('Still there?')
  await check('a comment gets one private reply', second.body, { error: { code: 100, error_subcode: 2018292 } })

  await sam.says('Which sizes do you have?')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Which sizes do you have?' } } })
  await business.expectDelivered(await business.replies('From 36 to 46.'))
  await sam.sees('From 36 to 46.')
})
