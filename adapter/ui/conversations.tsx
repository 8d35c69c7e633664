/**
 * Conversations: the app's conversations (user, channel, last message, time), newest activity first, and one
 * conversation's messages in both directions, each business message with its Messenger delivery state: sending (in
 * the Send API outbox), sent (Facebook answered a message id), delivered (a delivery receipt came), read (the
 * person's read watermark passed it), or failed with Facebook's error. Both pages refresh themselves on every change
 * (lib/live-script.ts).
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import { flashOf } from '../../lib/forms.js'
import type { StoredContent } from '../conversations/types.js'
import type { MessageFailure } from '../store/delivery-log.js'
import type { MessageRow } from '../store/messages.js'
import type { ConversationRow } from '../store/conversations.js'
import { appPath, type DashboardDeps } from './deps.js'
import { Layout, When, render } from './layout.js'

/** The conversations listed: the most recently active. */
const LISTED = 200

/** A message's content in one line. */
export function summary(content: StoredContent): string {
  const text = 'text' in content && typeof content.text === 'string' ? content.text : ''
  return content.type === 'text' ? text : `[${content.type}]${text ? ` ${text}` : ''}`
}

type State =
  | { kind: 'received' | 'stored' | 'sending' | 'sent' | 'delivered' | 'read' }
  | { kind: 'failed'; failure: MessageFailure }

const STATE_BADGE: Record<State['kind'], string> = {
  received: 'badge', stored: 'badge', sending: 'badge warn', sent: 'badge', delivered: 'badge ok', read: 'badge ok',
  failed: 'badge bad',
}

const FailureDetail: FC<{ f: MessageFailure }> = ({ f }) => {
  const u = f.underlyingError
  const graph = u?.code !== undefined ? `Facebook (#${u.code}${u.subcode !== undefined ? `/${u.subcode}` : ''}` +
    `${u.type ? ` ${u.type}` : ''}${u.fbtrace_id ? `, fbtrace_id ${u.fbtrace_id}` : ''}): ` : ''
  return <p class="meta">{f.code}: {graph}{u?.message ?? f.message}</p>
}

const Message: FC<{ m: MessageRow; state: State }> = ({ m, state }) => (
  <li id={`message-${m.id}`} class={`from-${m.author.type}`} data-state={state.kind}>
    <div>{summary(m.content)}</div>
    <p class="meta">{m.author.type === 'business' ? 'Business' : m.author.displayName ?? 'User'} · <When at={m.received} />
      {' '}· <span class={STATE_BADGE[state.kind]} id={`state-${m.id}`}>{state.kind}</span></p>
    {state.kind === 'failed' && <FailureDetail f={state.failure} />}
  </li>
)

export function conversationsRoutes(deps: DashboardDeps): Hono {
  const { store } = deps.ctx
  const app = new Hono()

  /** Each message's delivery state, from the outbox, the channel ids, the failures and the read watermark. */
  const statesOf = (conversation: ConversationRow, messages: MessageRow[]) => {
    const channel = store.overview.channelStates(conversation.id)
    const failures = store.deliveryLog.failuresOf(conversation.id)
    const pending = store.deliveryLog.pendingSends(conversation.id)
    const readUpTo = conversation.userLastRead
    return new Map(messages.map((m): [string, State] => {
      if (m.author.type !== 'business') return [m.id, { kind: 'received' }]
      const failure = failures.get(m.id)
      if (failure) return [m.id, { kind: 'failed', failure }]
      if (pending.has(m.id)) return [m.id, { kind: 'sending' }]
      const sent = channel.get(m.id)
      if (!sent) return [m.id, { kind: 'stored' }]
      if (readUpTo && readUpTo >= m.received) return [m.id, { kind: 'read' }]
      return [m.id, { kind: sent.delivered ? 'delivered' : 'sent' }]
    }))
  }

  app.get('/apps/:appId/conversations', (c) => {
    const appId = c.req.param('appId')
    const rows = store.overview.conversationsOfApp(appId, LISTED)
    return render(c, (
      <Layout title="Conversations" flash={flashOf(c)} appId={appId} active={`${appPath(appId)}/conversations`}>
        <section class="card" id="conversations" data-live aria-labelledby="conversations-title">
          <h2 id="conversations-title">Newest activity first</h2>
          {rows.length === 0 ? <p class="muted" id="no-conversations">No conversation yet.</p> : (
            <table>
              <thead><tr><th scope="col">User</th><th scope="col">Channel</th><th scope="col">Last message</th>
                <th scope="col">Time</th></tr></thead>
              <tbody>{rows.map((r) => (
                <tr id={`conversation-${r.id}`}>
                  <td><a href={`${appPath(appId)}/conversations/${r.id}`}>{r.userName ?? r.externalId ?? r.userId}</a></td>
                  <td>{r.channel ?? '–'}</td>
                  <td>{r.lastMessage ? `${r.lastMessage.author.type === 'business' ? 'Business: ' : ''}${summary(r.lastMessage.content)}` : '–'}</td>
                  <td><When at={r.lastUpdatedAt} /></td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </section>
      </Layout>
    ))
  })

  app.get('/apps/:appId/conversations/:id', (c) => {
    const appId = c.req.param('appId')
    const conversation = store.conversations.get(appId, c.req.param('id'))
    const user = conversation && store.users.get(appId, conversation.userId)
    if (!conversation || !user) return c.notFound()
    const messages = store.messages.window(conversation.id, {})?.items ?? []
    const states = statesOf(conversation, messages)
    const name = [user.givenName, user.surname].filter(Boolean).join(' ') || user.externalId || user.id
    const clients = store.users.clientsOfUser(user.id)
    return render(c, (
      <Layout title={`Conversation with ${name}`} flash={flashOf(c)} appId={appId} active={`${appPath(appId)}/conversations`}>
        <section class="card" aria-labelledby="who-title">
          <h2 id="who-title">{name}</h2>
          <dl class="props">
            <dt>Conversation</dt><dd><code>{conversation.id}</code></dd>
            <dt>User</dt><dd><code>{user.id}</code></dd>
            <dt>Channels</dt><dd>{clients.length ? clients.map((cl) => (
              <span class="badge">{cl.type} <code>{cl.externalId}</code></span>)) : 'none'}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="messages-title">
          <h2 id="messages-title">Messages (the newest 100)</h2>
          <ol class="thread-log" id="messages" data-live>{messages.map((m) => <Message m={m} state={states.get(m.id)!} />)}</ol>
        </section>
      </Layout>
    ))
  })
  return app
}
