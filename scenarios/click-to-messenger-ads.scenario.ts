/**
 * Seed, Click-to-Messenger Ads: the welcome message is shown but not part of the history; a quick reply of the ad
 * reaches the business as a `message:appUser` webhook with the ad's payload, a postback button as a `postback`
 * webhook whose `action._id` is generated and whose payload is the ad's. Both are compared with the seed's two v1.1
 * example payloads: same structure and values, ids and times aside.
 */
import { compareWithExample, show } from './match.js'
import { scenario } from './vocabulary.js'

const APP_USER = { _id: 'c7f6e6d6c3a637261bd9656f', conversationStarted: true, signedUpAt: '2018-04-02T14:45:46.505Z' }
const CLIENT = {
  _id: '5c9d2f34a1d3a2504bc89511', lastSeen: '2019-04-05T18:23:20.791Z', platform: 'messenger',
  id: '20b2be30cf7e4152865f066930cbb5b2', active: true, primary: true, integrationId: '5c3640f8cd3fa5850931a954',
}
/** The seed's quick-reply example; its prose says it triggers `message:appUser` (the example's "postback" is a slip). */
const QUICK_REPLY_EXAMPLE = {
  trigger: 'message:appUser', app: { _id: '5698edbf2a43bd081be982f1' },
  messages: [{
    _id: '55c8c1498590aa1900b9b9b1', type: 'text', text: 'Continue', payload: 'continue', role: 'appUser',
    authorId: 'c7f6e6d6c3a637261bd9656f', received: 1444348338.704, source: { type: 'messenger' },
  }],
  appUser: APP_USER, client: CLIENT, conversation: { _id: '105e47578be874292d365ee8' }, version: 'v1.1',
}
const POSTBACK_EXAMPLE = {
  trigger: 'postback', app: { _id: '5698edbf2a43bd081be982f1' },
  postbacks: [{ action: { _id: '571530ee4fae94c32b78b170', type: 'postback', text: 'Tell me more', payload: 'tell_me_more' } }],
  appUser: APP_USER, client: CLIENT, conversation: { _id: '105e47578be874292d365ee8' }, version: 'v1.1',
}
/** Ids and times differ per run. */
const VOLATILE = new Set(['_id', 'id', 'authorId', 'integrationId', 'received', 'signedUpAt', 'lastSeen'])

export default scenario('Click-to-Messenger ads: quick-reply and postback payloads as in the seed\'s examples', async ({ stage }) => {
  const { person, business, owner, check } = await stage()
  await business.connects(await owner.generatesPageToken())
  const sam = person('Sam')
  const compare = (what: string, actual: unknown, example: unknown) => {
    const { differences, extra } = compareWithExample(actual, example, VOLATILE)
    return check(`${what} (beyond the example: ${extra.join(', ') || 'nothing'})`, differences, [])
      .catch((err: Error) => { throw new Error(`${err.message}\n${show(differences, 2000)}`) })
  }

  await sam.clicksAd('6100000000001', { text: 'Ready for the fall?', quick_replies: [{ title: 'Continue', payload: 'continue' }] })
  await sam.sees({ kind: 'ad_welcome', inHistory: false, mid: null, text: 'Ready for the fall?' }, 'the welcome message, outside the history')
  await sam.taps('Continue')
  const quickReply = await business.expectWebhook('message:appUser', { messages: [{ text: 'Continue', payload: 'continue' }] }, { version: 'v1.1' })
  await compare('the quick reply matches the seed\'s example', quickReply, QUICK_REPLY_EXAMPLE)
  await business.expectWebhook('conversation:referral', { referral: { details: { adId: '6100000000001' } } })

  await sam.clicksAd('6100000000002', { text: 'New arrivals', buttons: [{ type: 'postback', title: 'Tell me more', payload: 'tell_me_more' }] })
  await sam.taps('Tell me more')
  const postback = await business.expectWebhook('postback', { postbacks: [{ action: { payload: 'tell_me_more' } }] }, { version: 'v1.1' })
  await compare('the postback matches the seed\'s example', postback, POSTBACK_EXAMPLE)
  await check('no message is present for the postback', postback.messages, undefined)
})
