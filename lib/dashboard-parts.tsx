/**
 * The small pieces both dashboards' pages share: a secret shown only on request, the hidden fields of a form (where it
 * goes back to, its CSRF token), a one-button form, and a name with its id.
 */
import type { FC, PropsWithChildren } from 'hono/jsx'
import { CsrfField } from './csrf.js'

/** A secret (app secret, verify token) masked, with a "Show" disclosure that reveals it only when asked. */
export const Secret: FC<{ value: string; label: string; id: string }> = ({ value, label, id }) => (
  <span>
    <code aria-label={`${label} (hidden)`}>{`${value.slice(0, 4)}${'•'.repeat(8)}`}</code>
    <details class="secret" id={id}>
      <summary>Show<span class="sr-only"> {label}</span></summary>
      <code>{value}</code>
    </details>
  </span>
)

/**
 * The hidden fields of a dashboard form: where it returns to (the page it is on, a path on this server, never another
 * site) and the browser's CSRF token.
 */
export const Back: FC<{ to: string }> = ({ to }) => (
  <><input type="hidden" name="back" value={to} /><CsrfField /></>
)

/** A one-button form: POSTs `fields` to `action` and comes back to `back`. */
export const PostButton: FC<PropsWithChildren<{
  action: string; back: string; fields?: Record<string, string>; id?: string; class?: string
}>> = ({ action, back, fields = {}, id, class: cls, children }) => (
  <form method="post" action={action} class="inline">
    <Back to={back} />
    {Object.entries(fields).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
    <button type="submit" id={id} class={cls}>{children}</button>
  </form>
)

/** A name with its id, as the dashboard lists things. */
export const Named: FC<{ name: string; id: string }> = ({ name, id }) => (
  <>{name} <code class="muted">{id}</code></>
)
