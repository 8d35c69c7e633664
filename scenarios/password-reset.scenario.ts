/**
 * Seed, Troubleshooting › Facebook User Password Reset: after the page owner changes their password, people's
 * messages still arrive but every reply fails with `unauthorized` and Facebook's exact message (v2 and the v1.1
 * `message:delivery:failure` trigger the seed names); the diagnosis names the case; re-creating the integration with
 * a page token from a new login fixes it. So does, after the next password change, giving the integration the new
 * token with PATCH (conversations-api.md §10.1): the adapter checks it on Graph and subscribes the page again.
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

  await owner.changesPassword()
  const lost = await business.replies('Your parcel left the warehouse.', { to: sam })
  await business.expectWebhook('conversation:message:delivery:failure', { message: { id: lost.id }, error: { code: 'unauthorized' } })
  await check('the diagnosis names the password reset again', (await business.diagnoses()).findings.map((f) => f.case), ['password_reset'])
  const patched = await business.swapsPageTokenThroughDialog(owner)
  await check('PATCH with the new page token is accepted', patched.status, 200)
  await check('the diagnosis is healthy without re-creating the integration', (await business.diagnoses()).findings, [])
  const resent = await business.replies('Your parcel left the warehouse.', { to: sam })
  await business.expectDelivered(resent)
  await sam.sees('Your parcel left the warehouse.')
})
