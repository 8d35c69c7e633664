/**
 * Seed, Troubleshooting › Facebook User Password Reset: after the page owner changes their password, people's
 * messages still arrive but every reply fails with `unauthorized` and Facebook's exact message (v2 and the v1.1
 * `message:delivery:failure` trigger the seed names); the diagnosis names the case; re-creating the integration with
 * a page token from a new login fixes it.
 */
import { scenario } from './vocabulary.js'

const PASSWORD_MESSAGE = 'Error validating access token: The session has been invalidated because the user changed ' +
  'their password or Facebook has changed the session for security reasons.'

export default scenario('Facebook user password reset', async ({ stage }) => {
  const { person, business, owner, check } = await stage()
  const sam = person('Sam')
  const first = await business.connectsThroughDialog(owner)
  await check('the integration is created', first.integration.status, 201)
  const broken = business.integrationId

  await sam.says('Hi, where is my order?')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Hi, where is my order?' } } })

  await owner.changesPassword()
  await sam.says('Hello? Anyone?')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Hello? Anyone?' } } })
  const reply = await business.replies('It ships tomorrow.')
  const failure = await business.expectWebhook('conversation:message:delivery:failure', { message: { id: reply.id } })
  await check('the failure is unauthorized, with Facebook\'s message', failure.error, {
    code: 'unauthorized', message: PASSWORD_MESSAGE, underlyingError: { message: PASSWORD_MESSAGE, code: 190, subcode: 460 },
  })
  await business.expectWebhook('message:delivery:failure',
    { message: { _id: reply.id }, error: { code: 'unauthorized', underlyingError: { message: PASSWORD_MESSAGE } } }, { version: 'v1.1' })
  await check('Sam never sees the reply', (await sam.thread()).bubbles.some((b) => b.text === 'It ships tomorrow.'), false)

  const diagnosis = await business.diagnoses()
  await check('the diagnosis names the password reset', diagnosis, {
    healthy: false, findings: (f: { case: string }[]) => f.some((x) => x.case === 'password_reset'),
  })

  await business.deletesIntegration(broken)
  const again = await business.connectsThroughDialog(owner)
  await check('a new login gives a token that creates the integration again', again.integration.status, 201)
  const fixed = await business.replies('Sorry for the wait: it ships tomorrow.', { to: sam })
  await business.expectDelivered(fixed)
  await sam.sees('Sorry for the wait: it ships tomorrow.')
  await check('the diagnosis is healthy again', (await business.diagnoses()).findings, [])
})
