/**
 * Facebook accounts, as their owners manage them: "Change password" (every session and token dies, the seed guide's
 * "Facebook User Password Reset") and Settings › Business Integrations, where an app's access is removed so the
 * next login dialog asks afresh (the seed guide's "Missing OAuth Permissions").
 */
import { Hono } from 'hono'
import type { ControlClient } from '../../control/client.js'
import { act, backPath, readForm } from './actions.js'
import { Layout, Named, PostButton, flashOf, render } from './layout.js'

const PATH = '/dashboard/accounts'

export function accountsRoutes(client: ControlClient): Hono {
  const app = new Hono()

  app.get(PATH, async (c) => {
    const world = await client.exportWorld()
    const integrations = await Promise.all(world.accounts.map((a) => client.businessIntegrations(a.id!)))
    const appName = (id: string) => world.apps.find((a) => a.id === id)?.name ?? id
    const pageName = (id: string) => world.pages.find((p) => p.id === id)?.name ?? id
    return render(c, (
      <Layout title="Accounts" active={PATH} flash={flashOf(c)}>
        {world.accounts.length === 0 && <p class="card">No accounts in this world.</p>}
        {world.accounts.map((a, i) => (
          <section class="card" aria-labelledby={`account-${a.id}`} data-account-id={a.id}>
            <h2 id={`account-${a.id}`}><Named name={a.name} id={a.id!} /></h2>
            <p>Pages: {world.pages.filter((p) => p.admins?.includes(a.id!)).map((p) => <span class="badge">{p.name}</span>)}
              {a.eea && <span class="badge warn">Admin in the EEA</span>}</p>
            <h3>Security and login</h3>
            <div class="row">
              <PostButton action={`${PATH}/${a.id}/password`} back={PATH} id={`change-password-${a.id}`}>
                Change password
              </PostButton>
              <span class="muted">Logs out everywhere: every user and page token of {a.name} stops working.</span>
            </div>
            <h3>Business Integrations</h3>
            <div id={`integrations-${a.id}`} data-live>
              {integrations[i]!.data.length === 0 ? <p class="muted">No app has access.</p> : (
                <table>
                  <thead><tr><th scope="col">App</th><th scope="col">Allowed</th><th scope="col">Not allowed</th>
                    <th scope="col">Pages</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
                  <tbody>
                    {integrations[i]!.data.map((x) => (
                      <tr data-app-id={x.appId}>
                        <td>{appName(x.appId)}</td>
                        <td>{x.granted.join(', ')}</td>
                        <td>{x.declined.join(', ') || '–'}</td>
                        <td>{x.pageIds.map(pageName).join(', ') || '–'}</td>
                        <td><PostButton action={`${PATH}/${a.id}/business-integrations/${x.appId}/remove`} back={PATH}
                          id={`remove-${a.id}-${x.appId}`} class="danger">Remove</PostButton></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </section>
        ))}
      </Layout>
    ))
  })

  app.post(`${PATH}/:accountId/password`, async (c) => {
    const { form } = await readForm(c)
    return act(c, backPath(form.back, PATH), 'Password changed: every session was logged out',
      () => client.changePassword(c.req.param('accountId')))
  })

  app.post(`${PATH}/:accountId/business-integrations/:appId/remove`, async (c) => {
    const { form } = await readForm(c)
    return act(c, backPath(form.back, PATH), 'App removed',
      () => client.removeBusinessIntegration(c.req.param('accountId'), c.req.param('appId')))
  })
  return app
}
