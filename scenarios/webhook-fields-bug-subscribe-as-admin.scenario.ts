/**
 * Seed, Troubleshooting › Webhook Events Workaround, first repair: after connecting a page for an app with no webhook
 * yet, Facebook's bug leaves the webhook without events and the page unsubscribed, so nothing arrives. The developer
 * selects the five events in Edit Events, then, being an admin of the page, subscribes it in the dashboard; a test
 * message now arrives.
 */
import { scenario } from './vocabulary.js'

export const REQUIRED_FIELDS = ['messages', 'messaging_postbacks', 'messaging_optins', 'message_reads', 'messaging_referrals']

export default scenario('Webhook-fields bug: Edit Events, then subscribe the page as its admin', async ({ stage }) => {
  const { person, business, owner, facebook, check } = await stage({
    world: {
      apps: [{ name: 'Acme Support', faults: { webhookFieldsBug: true } }],
      accounts: [{ name: 'Pat Owner' }],
      pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
      people: [{ firstName: 'Sam', lastName: 'Lee' }],
    },
  })
  await business.connects(await owner.generatesPageToken())
  await check('the webhook has no events and no page', await facebook.appWebhook(), { fields: [], subscribedPages: [] })
  await check('the diagnosis names the webhook-fields bug', (await business.diagnoses()).findings.map((f) => f.case),
    (cases: string[]) => cases.includes('webhook_fields_bug'))
  const sam = person('Sam')
  await sam.says('Hello?')
  await facebook.flushesWebhooks()
  await check('Facebook sends nothing', (await facebook.deliveries()).length, 0)

  await business.editsWebhookEvents(REQUIRED_FIELDS)
  await business.subscribesPageInDashboard('Pat Owner')
  await sam.says('Test message')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Test message' } } })
  await check('the diagnosis is healthy', (await business.diagnoses()).findings, [])
})
