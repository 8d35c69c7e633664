/**
 * Seed, Troubleshooting › Webhook Events Workaround, second repair: the developer is not an admin of the page, so
 * after Edit Events they cannot subscribe it in the dashboard; they delete the integration and re-create it, and the
 * adapter now subscribes the page itself "since your webhook is correctly configured"; a test message arrives.
 */
import { REQUIRED_FIELDS } from './webhook-fields-bug-subscribe-as-admin.scenario.js'
import { scenario } from './vocabulary.js'

export default scenario('Webhook-fields bug: Edit Events, then delete and re-create the integration (not an admin)', async ({ stage }) => {
  const { person, business, owner, facebook, check, scene } = await stage({
    world: {
      apps: [{ name: 'Acme Support', faults: { webhookFieldsBug: true } }],
      accounts: [{ name: 'Pat Owner' }, { name: 'Dana Developer' }],
      pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
      people: [{ firstName: 'Sam', lastName: 'Lee' }],
    },
  })
  const token = await owner.generatesPageToken()
  await business.connects(token)
  const sam = person('Sam')
  await sam.says('Hello?')
  await facebook.flushesWebhooks()
  await check('Facebook sends nothing', (await facebook.deliveries()).length, 0)

  await business.editsWebhookEvents(REQUIRED_FIELDS)
  const refused = await scene.step('Dana, not an admin of Acme, cannot subscribe it in the dashboard', () =>
    business.subscribesPageInDashboard('Dana Developer').then(() => undefined, (err: Error) => err.message))
  await check('the dashboard says why', refused, /delete the integration and re-create it/)

  await business.deletesIntegration()
  await business.connects(token)
  await check('the page is now subscribed with the events', await facebook.appWebhook(),
    { subscribedPages: [{ pageId: scene.page().id, fields: (f: string[]) => REQUIRED_FIELDS.every((x) => f.includes(x)) }] })
  await sam.says('Test message')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Test message' } } })
})
