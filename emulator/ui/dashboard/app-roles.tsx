/**
 * A page's handover settings on the Pages screen (docs §13): Messenger settings › App Roles (the primary receiver and
 * the secondary receivers; the Page Inbox is always one) and the Page Inbox, where the page's people answer a person
 * (the Inbox takes the thread) and move a conversation to Done (the thread goes back to the primary receiver).
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import type { ControlClient } from '../../control/client.js'
import type { CompleteWorldDocument } from '../../control/types.js'
import { PAGE_INBOX } from '../../facebook/handover.js'
import { act, backPath, readForm } from './actions.js'
import { Back } from './layout.js'

type WorldDoc = CompleteWorldDocument
type PageDoc = WorldDoc['pages'][number]

const PAGES = '/dashboard/pages'

export const AppRolesForm: FC<{ world: WorldDoc; page: PageDoc }> = ({ world, page }) => {
  const roles = page.appRoles ?? {}
  const secondary = new Set(roles.secondaryReceivers ?? [])
  return (
    <form method="post" action={`${PAGES}/${page.id}/app-roles`} aria-label="App roles">
      <Back to={PAGES} />
      <label for={`primary-${page.id}`}>Primary receiver </label>
      <select id={`primary-${page.id}`} name="primaryReceiver">
        <option value="">none: no handover</option>
        {world.apps.map((a) => <option value={a.id} selected={a.id === roles.primaryReceiver}>{a.name}</option>)}
      </select>
      <div class="checks">
        {world.apps.map((a) => (
          <label><input type="checkbox" name="secondaryReceivers" value={a.id} checked={secondary.has(a.id)} />
            {' '}{a.name}</label>
        ))}
        <label><input type="checkbox" checked disabled /> {PAGE_INBOX.name} (always)</label>
      </div>
      <button type="submit" id={`save-roles-${page.id}`}>Save roles</button>
    </form>
  )
}

export const InboxForm: FC<{ world: WorldDoc; page: PageDoc }> = ({ world, page }) => {
  const people = world.people.filter((p) => p.psids?.[page.id])
  if (people.length === 0) return <span class="muted">nobody has a PSID on this page</span>
  return (
    <form method="post" action={`${PAGES}/${page.id}/inbox`} class="row" aria-label="Page Inbox">
      <Back to={PAGES} />
      <label for={`inbox-psid-${page.id}`} class="sr-only">Person</label>
      <select id={`inbox-psid-${page.id}`} name="psid">
        {people.map((p) => <option value={p.psids![page.id]}>{p.firstName} {p.lastName}</option>)}
      </select>
      <label for={`inbox-text-${page.id}`} class="sr-only">Reply</label>
      <input type="text" id={`inbox-text-${page.id}`} name="text" placeholder="Reply as the page" />
      <button type="submit" name="do" value="reply" id={`inbox-reply-${page.id}`}>Reply</button>
      <button type="submit" name="do" value="done" id={`inbox-done-${page.id}`}>Move to Done</button>
    </form>
  )
}

export function appRolesRoutes(client: ControlClient): Hono {
  const app = new Hono()
  app.post(`${PAGES}/:pageId/app-roles`, async (c) => {
    const { form, all } = await readForm(c)
    const primaryReceiver = form.primaryReceiver || null
    return act(c, backPath(form.back, PAGES), 'App roles saved', () => client.setAppRoles(c.req.param('pageId'),
      { primaryReceiver, secondaryReceivers: all('secondaryReceivers').filter((id) => id !== primaryReceiver) }))
  })
  app.post(`${PAGES}/:pageId/inbox`, async (c) => {
    const { form } = await readForm(c)
    const pageId = c.req.param('pageId')
    const back = backPath(form.back, PAGES)
    if (form.do === 'done') {
      return act(c, back, 'Moved to Done: the thread is back with the primary receiver',
        () => client.inboxDone(pageId, form.psid ?? ''))
    }
    return act(c, back, 'Sent from the Page Inbox', () => client.inboxReply(pageId, form.psid ?? '', form.text ?? ''))
  })
  return app
}
