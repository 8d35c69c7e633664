/**
 * Seed, Using the Integration API › Quick Start: before App Review, the developer issues themself a page token in
 * their app's Messenger › Settings › Token Generation and creates the integration with it.
 */
import { scenario } from './vocabulary.js'

export default scenario('Connecting a page with a Token Generation page token (Quick Start)', async ({ stage }) => {
  const { person, business, owner, facebook, check } = await stage()
  const integration = await business.connects(await owner.generatesPageToken())
  await check('the integration is active for the Acme page', integration, { type: 'messenger', status: 'active', pageName: 'Acme' })
  await facebook.expectRequest({ method: 'POST', path: (p: string) => p.endsWith('/subscribed_apps'), status: 200 },
    'the adapter subscribing the app to the page')
  const sam = person('Sam')
  await sam.says('Is anyone there?')
  await business.expectWebhook('conversation:create', { creationReason: 'message' })
  await business.expectWebhook('conversation:message', { message: { content: { type: 'text', text: 'Is anyone there?' } } })
  const reply = await business.replies('We are! How can we help?')
  await business.expectDelivered(reply)
  await sam.sees({ from: 'page', text: 'We are! How can we help?' })
})
