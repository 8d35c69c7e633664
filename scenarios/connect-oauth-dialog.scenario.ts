/**
 * Seed, Configuring Facebook Messenger › Using the Integration API › Integration Flow Overview, with a custom OAuth
 * flow: the owner grants the business's app access in the login dialog, the business exchanges the code, queries
 * /me/accounts with its app id and secret, picks the page and creates the integration with its page token. Facebook
 * then has the app's webhook pointing at the adapter and the page subscribed, and a message goes both ways.
 */
import { scenario } from './vocabulary.js'

export default scenario('Connecting a page through the OAuth dialog', async ({ stage }) => {
  const { person, business, owner, facebook, check, scene } = await stage({
    world: {
      apps: [{ name: 'Acme Support' }],
      accounts: [{ name: 'Pat Owner' }],
      pages: [{ name: 'Acme', admins: ['Pat Owner'] }, { name: 'Acme Blog', admins: ['Pat Owner'] }],
      people: [{ firstName: 'Sam', lastName: 'Lee' }],
    },
  })
  const { integration, pages } = await business.connectsThroughDialog(owner, { page: 'Acme' })
  await check('/me/accounts lists both of Pat\'s pages, each with a page token', pages.map((p) => ({ name: p.name, token: typeof p.access_token })),
    [{ name: 'Acme', token: 'string' }, { name: 'Acme Blog', token: 'string' }])
  await check('the integration is created for Acme', integration, { status: 201, body: { integration: { type: 'messenger', pageId: scene.page('Acme').id, pageName: 'Acme' } } })
  await facebook.expectRequest({ method: 'GET', path: '/me/accounts', status: 200, params: { client_id: scene.app().id, limit: '500' } },
    'the business\'s GET /me/accounts with its app id')
  const webhook = await facebook.appWebhook()
  await check('Facebook has the app\'s webhook pointing at the adapter, and Acme subscribed', webhook, {
    callbackUrl: `${scene.stack.adapter.url}/webhooks/messenger/${business.integrationId}`,
    subscribedPages: [{ pageId: scene.page('Acme').id }],
  })
  const sam = person('Sam')
  await sam.says('Hello Acme')
  await business.expectWebhook('conversation:message', { message: { author: { type: 'user', displayName: 'Sam Lee' }, content: { text: 'Hello Acme' } } })
  const reply = await business.replies('Hello Sam!')
  await business.expectDelivered(reply)
  await sam.sees('Hello Sam!')
})
