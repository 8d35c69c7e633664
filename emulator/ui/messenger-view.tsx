/**
 * The Messenger view: a person's thread with a page as it looks on their client (web, iOS or Android, a switch),
 * drawn from the thread view model of the control API (`client.thread`). What the person does here (type, tap a
 * quick reply or a button, send an attachment URL, tap Get Started or a menu item, read) is posted as the same person
 * action `POST /_emulator/people/{id}/actions` takes (`client.personAction`), so the business gets the same webhooks;
 * its reply appears without reloading (the live script, emulator/ui/events.ts).
 *
 *   GET  /dashboard/messenger?page=&person=&platform=&before=   the view (defaults: the first page, the first
 *        person; the newest messages, or those before the message `before`: "Show earlier messages" is a plain link)
 *   POST /dashboard/messenger/actions                   one person action from a form → 303 back to the view
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import type { ControlClient } from '../control/client.js'
import type { CompleteWorldDocument, PersonAction, ThreadView } from '../control/types.js'
import type { Platform } from '../world/people.js'
import { LIMITS } from '../facebook/limits.js'
import { act, backPath, readForm, type Form } from './dashboard/actions.js'
import { Layout, flashOf, render } from './dashboard/layout.js'
import { LIST_STEP } from './dashboard/more.js'
import { ActionForm, Bubble, PersonaNote, safeUrl, type ThreadContext } from './messenger-bubbles.js'

const PATH = '/dashboard/messenger'
const PLATFORMS: { id: Platform; label: string }[] = [
  { id: 'web', label: 'Web' }, { id: 'ios', label: 'iOS' }, { id: 'android', label: 'Android' },
]
const ATTACHMENT_TYPES = ['image', 'video', 'audio', 'file'] as const

export function viewUrl(pageId: string, personId: string, platform?: string, before?: string): string {
  const q = new URLSearchParams({ page: pageId, person: personId, ...(platform ? { platform } : {}),
    ...(before ? { before } : {}) })
  return `${PATH}?${q.toString()}`
}

/** The form of a person action, as the control API's body: ids as given, indexes as numbers, flags as booleans. */
export function actionFromForm(form: Form): PersonAction {
  const action: Record<string, unknown> = { type: form.type, pageId: form.page }
  for (const k of ['text', 'url', 'attachmentType', 'mid', 'payload', 'title'] as const) {
    if (form[k] !== undefined && form[k] !== '') action[k] = form[k]
  }
  for (const k of ['index', 'element'] as const) if (form[k] !== undefined && form[k] !== '') action[k] = Number(form[k])
  if (form.adWelcome === 'true') action.adWelcome = true
  // Validated by the control API, which answers a wrong one with its error and instructions.
  return action as PersonAction
}

/** The first LIST_STEP items and the chosen one: a world of thousands of people gives a short list all the same. */
function choices<T extends { id?: string }>(items: T[], chosen: string): T[] {
  const first = items.slice(0, LIST_STEP)
  const picked = first.some((x) => x.id === chosen) ? undefined : items.find((x) => x.id === chosen)
  return picked ? [...first, picked] : first
}

const Picker: FC<{ world: CompleteWorldDocument; pageId: string; personId: string; platform: Platform }> = (p) => (
  <form method="get" action={PATH} class="card" aria-labelledby="picker-title">
    <h2 id="picker-title">Conversation</h2>
    <p><label for="pick-page">Page</label><br />
      <select id="pick-page" name="page" data-autosubmit>
        {choices(p.world.pages, p.pageId).map((x) => <option value={x.id} selected={x.id === p.pageId}>{x.name}</option>)}
      </select></p>
    <p><label for="pick-person">Person on Messenger</label><br />
      <select id="pick-person" name="person" data-autosubmit>
        {choices(p.world.people, p.personId).map((x) => (
          <option value={x.id} selected={x.id === p.personId}>{`${x.firstName} ${x.lastName}${x.eea ? ' (EEA)' : ''}`}</option>
        ))}
      </select></p>
    {(p.world.pages.length > LIST_STEP || p.world.people.length > LIST_STEP) && (
      <p class="muted" id="picker-more">The first {LIST_STEP} of each are listed; open any other with
        {' '}<code>?page=ID&amp;person=ID</code>.</p>
    )}
    <input type="hidden" name="platform" value={p.platform} />
    <button type="submit">Open</button>
  </form>
)

const Platforms: FC<{ pageId: string; personId: string; platform: Platform }> = (p) => (
  <nav aria-label="Platform" class="platforms row">
    {PLATFORMS.map((x) => (
      <a href={viewUrl(p.pageId, p.personId, x.id)} aria-current={x.id === p.platform ? 'true' : undefined}
        id={`platform-${x.id}`}>{x.label}</a>
    ))}
  </nav>
)

/**
 * The thread, its Get Started button and the typing indicator: one live region. It shows a window of the newest
 * messages (control API: 50); earlier windows are links, so a long thread never draws whole. Marks (seen, delivered)
 * go on the last bubbles of the newest window only.
 */
const Thread: FC<{ ctx: ThreadContext; view: ThreadView; before: string | undefined }> = ({ ctx, view, before }) => {
  const lastIndex = (from: 'page' | 'person') => before !== undefined ? -1
    : view.bubbles.reduce((last, b, i) => (b.from === from && b.inHistory ? i : last), -1)
  const lastPage = lastIndex('page')
  const lastPerson = lastIndex('person')
  return (
    <ol id="thread" class="thread" data-live data-stick-bottom aria-label={`Conversation with ${ctx.pageName}`}
      data-refresh-in={view.typing.page ? String(LIMITS.typingIndicatorMs.value) : undefined}>
      {view.earlier && (
        <li class="history"><a id="show-earlier" href={viewUrl(ctx.pageId, ctx.personId, ctx.platform, view.earlier)}>
          Show earlier messages</a></li>
      )}
      {view.getStarted.shown && (
        <li class="get-started">
          <p>{ctx.pageName} · Tap Get Started to begin</p>
          <ActionForm ctx={ctx} type="get_started"><button type="submit" class="primary" id="get-started">Get Started</button></ActionForm>
        </li>
      )}
      {view.bubbles.length === 0 && !view.getStarted.shown && <li class="muted">No messages yet. Say hi!</li>}
      {view.bubbles.map((b, i) => <Bubble ctx={ctx} b={b} showMark={i === lastPage || i === lastPerson} />)}
      {before !== undefined && (
        <li class="history"><a id="show-newest" href={viewUrl(ctx.pageId, ctx.personId, ctx.platform)}>
          Show the newest messages</a></li>
      )}
      {view.typing.page && before === undefined && <li class="typing" id="typing">
        {view.typing.persona && <PersonaNote persona={view.typing.persona} />}
        {view.typing.persona?.label ?? ctx.pageName} is typing…</li>}
    </ol>
  )
}

const QuickReplies: FC<{ ctx: ThreadContext; view: ThreadView }> = ({ ctx, view }) => (
  <div id="quick-replies" class="quick-replies" data-live role="group" aria-label="Quick replies">
    {view.quickReplies.map((q) => (
      <ActionForm ctx={ctx} type="quick_reply" fields={{ index: q.index }}>
        <button type="submit" data-payload={q.payload} title={q.fullTitle}>
          {safeUrl(q.image_url) && <img src={safeUrl(q.image_url)} alt="" width="16" height="16" />}
          {q.title ?? (q.content_type === 'user_email' ? 'Email' : 'Phone number')}
        </button>
      </ActionForm>
    ))}
  </div>
)

const Menu: FC<{ ctx: ThreadContext; view: ThreadView }> = ({ ctx, view }) => (
  <div id="menu-region" data-live>
    {view.persistentMenu.length > 0 && (
      <details id="persistent-menu">
        <summary>Menu</summary>
        {view.persistentMenu.map((m) => m.type === 'postback' ? (
          <ActionForm ctx={ctx} type="postback" fields={{ payload: m.payload ?? '', title: m.fullTitle ?? m.title }}>
            <button type="submit" title={m.fullTitle}>{m.title}</button>
          </ActionForm>
        ) : (
          <p>{safeUrl(m.url) ? <a href={safeUrl(m.url)} target="_blank" rel="noopener noreferrer">{m.title}</a> : m.title}</p>
        ))}
      </details>
    )}
  </div>
)

const Composer: FC<{ ctx: ThreadContext; view: ThreadView }> = ({ ctx, view }) => {
  const disabled = view.composerInputDisabled || view.blocked
  return (
    <div class="composer">
      <Menu ctx={ctx} view={view} />
      <ActionForm ctx={ctx} type="text">
        <label for="composer-text" class="sr-only">Message</label>
        <input type="text" id="composer-text" name="text" placeholder={disabled ? 'Typing is turned off' : 'Aa'}
          required maxlength={LIMITS.messageTextMax.value} disabled={disabled} autocomplete="off" />
        <button type="submit" class="primary" id="send" disabled={disabled}>Send</button>
      </ActionForm>
      <details id="attach">
        <summary>Send an attachment</summary>
        <ActionForm ctx={ctx} type="attachment">
          <label for="attachment-type">Type</label>
          <select id="attachment-type" name="attachmentType">
            {ATTACHMENT_TYPES.map((t) => <option value={t}>{t}</option>)}
          </select>
          <label for="attachment-url">URL</label>
          <input type="url" id="attachment-url" name="url" required placeholder="https://…" />
          <button type="submit" id="send-attachment">Send</button>
        </ActionForm>
      </details>
      <ActionForm ctx={ctx} type="read"><button type="submit" id="mark-read">Mark as read</button></ActionForm>
    </div>
  )
}

const Status: FC<{ view: ThreadView }> = ({ view }) => (
  <dl id="thread-status" class="props card" data-live aria-label="Thread state">
    <dt>PSID</dt><dd><code>{view.psid ?? 'none yet (assigned on first contact)'}</code></dd>
    <dt>Rules</dt><dd>{view.restricted
      ? <span class="badge warn">European rules (EEA)</span> : <span class="badge ok">Standard</span>}</dd>
    <dt>24-hour window</dt><dd>{view.windowClosesAt ? `open until ${view.windowClosesAt}` : 'closed'}</dd>
    <dt>Seen by page</dt><dd>{view.marks.seenByPage ?? '–'}</dd>
    <dt>Delivered to person</dt><dd>{view.marks.deliveredToPerson ?? '–'}</dd>
    <dt>Read by person</dt><dd>{view.marks.readByPerson ?? '–'}</dd>
    {view.blocked && <><dt>Blocked</dt><dd><span class="badge bad">The person blocked the page</span></dd></>}
  </dl>
)

export function createMessengerViewApp(client: ControlClient): Hono {
  const app = new Hono()

  app.get(PATH, async (c) => {
    const world = await client.exportWorld()
    const flash = flashOf(c)
    const pageId = c.req.query('page') ?? world.pages[0]?.id
    const personId = c.req.query('person') ?? world.people[0]?.id
    if (!pageId || !personId) {
      return render(c, <Layout title="Messenger" active={PATH} flash={flash}>
        <p class="card" id="empty-world">The world needs a page and a person first (POST /_emulator/world).</p>
      </Layout>)
    }
    const requested = c.req.query('platform')
    const platform = PLATFORMS.some((p) => p.id === requested) ? requested as Platform : undefined
    const before = c.req.query('before') || undefined
    let view: ThreadView
    try {
      view = await client.thread(personId, pageId, platform, before ? { before } : {})
    } catch (e) {
      return render(c, <Layout title="Messenger" active={PATH} flash={{ error: (e as Error).message }}>
        <p><a href={PATH}>Back to the first conversation</a></p>
      </Layout>)
    }
    const pageName = world.pages.find((p) => p.id === pageId)?.name ?? pageId
    const ctx: ThreadContext = { pageId, personId, platform: view.platform, pageName }
    return render(c, (
      <Layout title="Messenger" active={PATH} flash={flash}>
        <div class="messenger">
          <div>
            <Picker world={world} pageId={pageId} personId={personId} platform={view.platform} />
            <Status view={view} />
          </div>
          <section class="phone" data-platform={view.platform} aria-labelledby="thread-title">
            <header>
              <h2 id="thread-title">{pageName}</h2>
              <Platforms pageId={pageId} personId={personId} platform={view.platform} />
            </header>
            <Thread ctx={ctx} view={view} before={before} />
            <QuickReplies ctx={ctx} view={view} />
            <Composer ctx={ctx} view={view} />
          </section>
        </div>
      </Layout>
    ))
  })

  app.post(`${PATH}/actions`, async (c) => {
    const { form } = await readForm(c)
    const back = backPath(viewUrl(form.page ?? '', form.person ?? '', form.platform), PATH)
    return act(c, back, undefined, () => client.personAction(form.person ?? '', actionFromForm(form)))
  })
  return app
}
