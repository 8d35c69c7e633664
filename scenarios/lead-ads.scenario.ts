/**
 * Messenger lead ads (docs §19): Sam opens a lead ad and fills its form; Facebook sends the ad's referral
 * (OPEN_THREAD) and the end of the form (LEAD_COMPLETE), which reach the business as conversation:referral; the
 * business follows up in the window the form opened. Kim leaves the form: LEAD_INCOMPLETE.
 */
import { scenario } from './vocabulary.js'

export default scenario('Lead ads: LEAD_COMPLETE and LEAD_INCOMPLETE reach the business as referrals', async ({ stage }) => {
  const { person, business, owner } = await stage({ world: {
    apps: [{ name: 'Acme Support' }], accounts: [{ name: 'Pat Owner' }], pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
    people: [{ firstName: 'Sam', lastName: 'Lee' }, { firstName: 'Kim', lastName: 'Park' }],
  } })
  await business.connects(await owner.generatesPageToken())

  await person('Sam').fillsLeadForm('6200000000001', true)
  await business.expectWebhook('conversation:referral',
    { referral: { details: { source: 'ADS', type: 'OPEN_THREAD', adId: '6200000000001' } } })
  await business.expectWebhook('conversation:referral',
    { referral: { details: { source: 'ADS', type: 'LEAD_COMPLETE', adId: '6200000000001' } } })
  await business.expectDelivered(await business.replies('Thanks! A consultant will call you today.'))
  await person('Sam').sees('Thanks! A consultant will call you today.')

  await person('Kim').fillsLeadForm('6200000000001', false)
  await business.expectWebhook('conversation:referral', { referral: { details: { type: 'LEAD_INCOMPLETE' } } })
})
