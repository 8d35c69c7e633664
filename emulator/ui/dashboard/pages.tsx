/**
 * Pages: their admins, the EEA switch (a page in Europe puts every chat under the European rules, seed guide "Impact
 * of Messenger API Updates for Europe"), the apps subscribed to them (`subscribed_apps`, docs §5.2), their App Roles and
 * the Page Inbox (app-roles.tsx), whether built-in NLP is on (`nlp_configs`, docs §18) and their posts, which people
 * comment on (docs §15).
 */
import { Hono } from 'hono'
import type { ControlClient } from '../../control/client.js'
import { act, backPath, readForm } from './actions.js'
import { Layout, Named, PostButton, flashOf, render } from './layout.js'
import { ShowMore, shownOf } from './more.js'
import { AppRolesForm, InboxForm, appRolesRoutes } from './app-roles.js'

const PATH = '/dashboard/pages'

export function pagesRoutes(client: ControlClient): Hono {
  const app = new Hono()

  app.get(PATH, async (c) => {
    const world = await client.exportWorld()
    const accountName = (id: string) => world.accounts.find((a) => a.id === id)?.name ?? id
    const appName = (id: string) => world.apps.find((a) => a.id === id)?.name ?? id
    const shown = shownOf(c)
    return render(c, (
      <Layout title="Pages" active={PATH} flash={flashOf(c)}>
        {world.pages.length === 0 && <p class="card">No pages in this world.</p>}
        <div id="pages" data-live>
          {world.pages.slice(0, shown).map(({ admins = [], subscribedApps = [], posts = [], ...p }) => (
            <section class="card" aria-labelledby={`page-${p.id}`} data-page-id={p.id}>
              <h2 id={`page-${p.id}`}><Named name={p.name} id={p.id!} /></h2>
              <dl class="props">
                <dt>Category</dt><dd>{p.category}</dd>
                <dt>Admins</dt>
                <dd>{admins.length ? admins.map((a) => <span class="badge">{accountName(a)}</span>)
                  : <span class="muted">none</span>}</dd>
                <dt>Location</dt>
                <dd class="row">
                  {p.eea ? <span class="badge warn" id={`eea-${p.id}`}>In the EEA: European rules in all chats</span>
                    : <span class="badge ok" id={`eea-${p.id}`}>Outside the EEA</span>}
                  <PostButton action={`${PATH}/${p.id}/eea`} back={PATH} fields={{ eea: String(!p.eea) }}
                    id={`toggle-eea-${p.id}`}>{p.eea ? 'Move out of the EEA' : 'Move into the EEA'}</PostButton>
                </dd>
                <dt>Subscribed apps</dt>
                <dd>{subscribedApps.length ? (
                  <ul>{subscribedApps.map((s) => <li>{appName(s.appId)}: {s.fields.join(', ')}</li>)}</ul>
                ) : <span class="muted">none: no app gets this page's events</span>}</dd>
                <dt>App roles</dt>
                <dd><AppRolesForm world={world} page={{ ...p, admins, subscribedApps }} /></dd>
                <dt>Page Inbox</dt>
                <dd><InboxForm world={world} page={{ ...p, admins, subscribedApps }} /></dd>
                <dt>Built-in NLP</dt>
                <dd class="row">
                  <span id={`nlp-${p.id}`}>{p.nlp?.enabled
                    ? <span class="badge ok">On: {p.nlp.model ?? 'ENGLISH'}{p.nlp.customToken ? ', custom Wit.ai app' : ''}</span>
                    : <span class="muted">off</span>}</span>
                  <PostButton action={`${PATH}/${p.id}/nlp`} back={PATH} fields={{ enabled: String(!p.nlp?.enabled) }}
                    id={`toggle-nlp-${p.id}`}>{p.nlp?.enabled ? 'Turn NLP off' : 'Turn NLP on'}</PostButton>
                </dd>
                <dt>Posts</dt>
                <dd>{posts.length ? (
                  <ul id={`posts-${p.id}`}>{posts.map((post) => (
                    <li data-post-id={post.id}>{post.message} <span class="muted">({post.id}, {post.createdTime})</span></li>
                  ))}</ul>
                ) : <span class="muted">none: people have nothing to comment on (world document: pages[].posts)</span>}</dd>
              </dl>
            </section>
          ))}
          <ShowMore c={c} shown={shown} total={world.pages.length} id="more-pages" />
        </div>
      </Layout>
    ))
  })

  app.route('/', appRolesRoutes(client))

  app.post(`${PATH}/:pageId/eea`, async (c) => {
    const { form } = await readForm(c)
    const eea = form.eea === 'true'
    return act(c, backPath(form.back, PATH), eea ? 'The page is now in the EEA' : 'The page is now outside the EEA',
      () => client.setPage(c.req.param('pageId'), { eea }))
  })

  // As Messenger › Settings › Built-in NLP in the App Dashboard does (docs §18).
  app.post(`${PATH}/:pageId/nlp`, async (c) => {
    const { form } = await readForm(c)
    const nlpEnabled = form.enabled === 'true'
    return act(c, backPath(form.back, PATH), nlpEnabled ? 'Built-in NLP is on' : 'Built-in NLP is off',
      () => client.setPage(c.req.param('pageId'), { nlpEnabled }))
  })
  return app
}
