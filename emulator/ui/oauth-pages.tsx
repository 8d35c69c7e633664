/**
 * The login dialog's pages (docs §1.1) as plain HTML forms: the account picker (a fake IdP, as firebase's auth
 * emulator has), the consent screen ("{App} is requesting access to: …"), "Choose what you allow" and the error page.
 * No JavaScript. Ids and labels are stable, and every checkbox has its `<label for>`, for the browser tests.
 */
import type { FC, PropsWithChildren } from 'hono/jsx'
import type { App } from '../world/apps.js'
import type { Account } from '../world/accounts.js'
import { PERMISSIONS } from '../login/permissions.js'
import { REQUIRED_PERMISSIONS, type DialogPlan } from '../login/consent-dialog.js'
import { DIALOG_PARAMS, type DialogQuery } from './dialog-request.js'
import type { DialogProblem } from '../facebook/dialog-errors.js'
import { DIALOG_CSS } from './styles.js'

/** The name of Facebook's CSRF form field; the consent forms carry the session's token in it. */
export const CSRF_FIELD = 'fb_dtsg'

const Layout: FC<PropsWithChildren<{ title: string; error?: boolean }>> = ({ title, error, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <style>{DIALOG_CSS}</style>
    </head>
    <body>
      <header>facebook</header>
      <main class={error ? 'error' : undefined}>{children}</main>
    </body>
  </html>
)

/** The dialog's parameters, carried to the next step unchanged. */
const DialogFields: FC<{ query: DialogQuery }> = ({ query }) => (
  <>
    {DIALOG_PARAMS.filter((n) => query[n] !== undefined).map((n) => <input type="hidden" name={n} value={query[n]} />)}
  </>
)

const PermissionItem: FC<{ name: string }> = ({ name }) => (
  <li data-permission={name}>{PERMISSIONS[name] ?? name} <code>{name}</code></li>
)

export const ErrorPage: FC<{ problem: DialogProblem }> = ({ problem }) => (
  <Layout title={problem.title} error>
    <h1 id="error-title">{problem.title}</h1>
    <p id="error-message">{problem.message}</p>
    {problem.hint && <p class="hint" id="error-hint">{problem.hint}</p>}
  </Layout>
)

export interface LoginPageProps {
  app: App
  accounts: Account[]
  query: DialogQuery
  action: string
  reauthenticate: boolean
}

export const LoginPage: FC<LoginPageProps> = ({ app, accounts, query, action, reauthenticate }) => (
  <Layout title="Log in to Facebook">
    <h1 id="login-title">{reauthenticate ? 'Log in again' : 'Log in'} to continue to {app.name}</h1>
    <p>This emulated Facebook has no passwords: choose the account you are.</p>
    {accounts.map((a) => (
      <form method="post" action={action} class="account">
        <DialogFields query={query} />
        <input type="hidden" name="account_id" value={a.id} />
        <button type="submit" class="primary" id={`login-${a.id}`}>Continue as {a.name}</button>
        <code>{a.id}</code>
      </form>
    ))}
    {accounts.length === 0 && (
      <p class="hint" id="no-accounts">This world has no accounts. Add one (POST /_emulator/world with
        {' {"accounts":[{"name":"Pat Owner"}]}'}) and reload this page.</p>
    )}
  </Layout>
)

export interface ConsentPageProps {
  app: App
  account: Account
  plan: DialogPlan
  pageNames: Record<string, string>
  query: DialogQuery
  csrf: string
  action: string
  chooseHref: string
  notYouHref: string
}

export const ConsentPage: FC<ConsentPageProps> = (p) => {
  const chosenPages = p.plan.pages.filter((x) => x.checked)
  const canChoose = p.plan.pages.length > 0 || p.plan.ask.some((x) => !REQUIRED_PERMISSIONS.includes(x))
  const asks = p.plan.ask.length > 0
  return (
    <Layout title={`Log in with Facebook · ${p.app.name}`}>
      <h1 id="consent-title">
        {asks ? `${p.app.name} is requesting access to:` : `You previously logged in to ${p.app.name}.`}
      </h1>
      {asks && <ul id="requested-permissions">{p.plan.ask.map((n) => <PermissionItem name={n} />)}</ul>}
      {p.plan.pages.length > 0 && (
        <>
          <h2>Pages {p.app.name} will have access to</h2>
          <ul id="chosen-pages">
            {chosenPages.map((x) => <li data-page-id={x.id}>{p.pageNames[x.id]}</li>)}
            {chosenPages.length === 0 && <li>None</li>}
          </ul>
        </>
      )}
      {p.plan.alreadyGranted.length > 0 && (
        <>
          <h2>You already allowed</h2>
          <ul id="already-granted">{p.plan.alreadyGranted.map((n) => <PermissionItem name={n} />)}</ul>
        </>
      )}
      <form method="post" action={p.action} id="consent-form">
        <DialogFields query={p.query} />
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <div class="actions">
          <button type="submit" class="primary" id="continue" name="decision" value="all">
            Continue as {p.account.name}
          </button>
          <button type="submit" class="secondary" id="cancel" name="decision" value="cancel">Cancel</button>
          {canChoose && <a id="choose-what-you-allow" href={p.chooseHref}>Choose what you allow</a>}
        </div>
      </form>
      <p class="hint">Not {p.account.name}? <a id="not-you" href={p.notYouHref}>Log in as someone else</a></p>
    </Layout>
  )
}

export type ChoosePageProps = Omit<ConsentPageProps, 'chooseHref' | 'notYouHref'> & { backHref: string }

export const ChoosePage: FC<ChoosePageProps> = (p) => (
  <Layout title={`Choose what you allow · ${p.app.name}`}>
    <h1 id="choose-title">Choose what you allow</h1>
    <p>{p.app.name} will only get what you leave ticked.</p>
    <form method="post" action={p.action} id="choose-form">
      <DialogFields query={p.query} />
      <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
      {p.plan.pages.length > 0 && (
        <fieldset id="pages">
          <legend>Pages</legend>
          {p.plan.pages.map((x) => (
            <div>
              <input type="checkbox" id={`page-${x.id}`} name="page" value={x.id} checked={x.checked} />
              <label for={`page-${x.id}`}>{p.pageNames[x.id]}</label>
            </div>
          ))}
        </fieldset>
      )}
      <fieldset id="permissions">
        <legend>Permissions</legend>
        {p.plan.ask.map((n) => {
          const required = REQUIRED_PERMISSIONS.includes(n)
          return (
            <div>
              <input type="checkbox" id={`permission-${n}`} name={required ? undefined : 'permission'} value={n}
                checked disabled={required} />
              <label for={`permission-${n}`}>
                {PERMISSIONS[n] ?? n} <code>{n}</code>{required ? ' (required)' : ''}
              </label>
            </div>
          )
        })}
        {p.plan.ask.length === 0 && <p>Nothing new is asked.</p>}
      </fieldset>
      {p.plan.alreadyGranted.length > 0 && (
        <>
          <h2>You already allowed</h2>
          <ul id="already-granted">{p.plan.alreadyGranted.map((n) => <PermissionItem name={n} />)}</ul>
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary" id="save" name="decision" value="choose">Save</button>
        <a id="back" href={p.backHref}>Back</a>
      </div>
    </form>
  </Layout>
)
