/**
 * Seed, Troubleshooting › Missing OAuth Permissions: the owner unticks a permission under "Choose what you allow"; the
 * integration cannot work; deleting and re-creating it does not help "because Facebook will remember the user's chosen
 * scope of access during subsequent OAuth flows"; once access is fully revoked in Business Integrations, the next
 * dialog asks for everything again and the integration works.
 */
import { scenario } from './vocabulary.js'

const LACKS_PERMISSION = /lacks a permission: pages_messaging and pages_manage_metadata are required/

export default scenario('Missing OAuth permissions: broken, re-creating does not help, revoking does', async ({ stage }) => {
  const { person, business, owner, check, scene } = await stage()
  const first = await business.connectsThroughDialog(owner, { untick: ['pages_manage_metadata'] })
  await check('the integration cannot be set up without pages_manage_metadata', first.integration,
    { status: 400, body: { errors: [{ title: LACKS_PERMISSION }] } })
  const permissions = await scene.graph('GET', '/me/permissions', { access_token: first.userToken })
  await check('Facebook records the permission as declined', permissions.body.data,
    (d: { permission: string; status: string }[]) => d.some((p) => p.permission === 'pages_manage_metadata' && p.status === 'declined'))

  const again = await business.connectsThroughDialog(owner)
  await check('re-creating through the dialog again does not help: Facebook remembers the choice', again.integration,
    { status: 400, body: { errors: [{ title: LACKS_PERMISSION }] } })

  await owner.removesApp()
  const fixed = await business.connectsThroughDialog(owner)
  await check('after revoking, the dialog asks for everything and the integration is created', fixed.integration.status, 201)
  const sam = person('Sam')
  await sam.says('Hi!')
  await business.expectWebhook('conversation:message', { message: { content: { text: 'Hi!' } } })
  await business.expectDelivered(await business.replies('Hello Sam'))
  await sam.sees('Hello Sam')
})
