/**
 * Seed, Impact of Messenger API Updates for Europe:
 * - "A business will not be able to send an integration menu (persistent menu)" (a page in Europe);
 * - "A business will not receive referral events, except they will continue to receive 'Get Started' and 'm.me' URLs";
 * - "A business will not be able to receive user profile information (gender, timezone, locale, profile picture). Id,
 *   first and last name will still be available."
 */
import { scenario } from './vocabulary.js'
import { EEA_WORLD } from './eea-world.js'

export default scenario('Europe: no menu, only Get Started and m.me referrals, a reduced profile', async ({ stage }) => {
  const { person, business, owner, check, scene } = await stage({ world: EEA_WORLD })
  const eu = await business.connects(await owner.generatesPageToken('Acme EU'))
  const refused = await business.setsMenu({ items: [{ type: 'postback', text: 'Help', payload: 'HELP' }] }, eu.id)
  await check('the menu of the page in Europe is refused, naming the rules', refused, { status: 400, body: { error: { code: 'bad_request', description: /European privacy rules/ } } })
  await check('the diagnosis names the European restrictions', (await business.diagnoses(eu.id)).findings.map((f) => f.case), ['eea_restrictions'])

  await business.connects(await owner.generatesPageToken('Acme'))
  const eva = person('Eva')
  await eva.opensLink('eva-link')
  await eva.tapsGetStarted()
  await business.expectWebhook('conversation:postback', { postback: { payload: (p: unknown) => typeof p === 'string' } })
  await business.expectWebhook('conversation:referral', { referral: { code: 'eva-link' } })
  await eva.clicksAd('6100000000001', { text: 'Spring sale!', quick_replies: [{ title: 'Show me', payload: 'SHOW' }] })
  await eva.taps('Show me')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Show me', payload: 'SHOW' } } })
  await check('no referral of the ad', business.events().filter((e) => e.type === 'conversation:referral').map((e) => e.payload.referral.code), ['eva-link'])

  const user = await scene.stack.api.get(`/v2/apps/{appId}/users/${business.events().find((e) => e.type === 'conversation:message')!.payload.message.author.userId}/clients`)
  await check('Eva\'s client has her name but no picture, locale, timezone or gender', user.body.clients[0], {
    displayName: 'Eva Berg', avatarUrl: undefined,
    raw: (raw: Record<string, unknown>) => raw.first_name === 'Eva' && raw.last_name === 'Berg' &&
      ['profile_pic', 'locale', 'timezone', 'gender'].every((k) => raw[k] === undefined),
  })
})
