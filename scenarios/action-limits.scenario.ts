/**
 * Seed, Action Buttons: "For actions of type reply, the limit is eleven. For all other action types, the limit is
 * three. […] the list will be truncated to fit the limit". Seed, Carousel: up to 10 items, and "reply and location
 * buttons are not allowed in a carousel" — such carousels are refused before anything is stored or sent.
 */
import { scenario } from './vocabulary.js'

const replies = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'reply', text: `${i}`, payload: `NPS_${i}` }))
const postbacks = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'postback', text: `Option ${i + 1}`, payload: `OPT_${i + 1}` }))

export default scenario('Action limits: 12 replies become 11, 4 postbacks become 3, oversized carousels refused', async ({ stage }) => {
  const { person, business, owner, check } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  await sam.says('Done, thanks')

  const nps = await business.replies({ type: 'text', text: 'How likely are you to recommend us?', actions: replies(12) })
  await check('the stored message keeps all 12 actions', nps.content.actions.length, 12)
  await business.expectDelivered(nps)
  await sam.seesThread({ quickReplies: replies(11).map((r) => ({ title: r.text, payload: r.payload })) }, 'the first 11 quick replies (0–10)')

  const options = await business.replies({ type: 'text', text: 'Choose', actions: postbacks(4) })
  await business.expectDelivered(options)
  await sam.sees({ template: { type: 'buttons', buttons: postbacks(3).map((p) => ({ type: 'postback', title: p.text })) } }, 'the first 3 buttons')

  const cards = await business.replies({ type: 'carousel', items: [{ title: 'Card', actions: postbacks(4) }] })
  await business.expectDelivered(cards)
  await sam.sees({ template: { type: 'carousel', cards: [{ title: 'Card', buttons: postbacks(3).map((p) => ({ title: p.text })) }] } },
    'a card with its first 3 buttons')

  const items = Array.from({ length: 11 }, (_, i) => ({ title: `Item ${i + 1}`, actions: postbacks(1) }))
  await business.isRefused({ type: 'carousel', items }, /items/)
  await business.isRefused({ type: 'carousel', items: [{ title: 'Coat', actions: [{ type: 'reply', text: 'Yes', payload: 'YES' }] }] },
    /reply actions are not allowed in a carousel/)
  await check('the refused carousels are not in the conversation', (await sam.thread()).bubbles.filter((b) => b.from === 'page').length, 3)
})
