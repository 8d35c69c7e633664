/**
 * The OAuth login dialog end to end, as a browser without JavaScript drives it: plain GETs and form POSTs with a
 * cookie jar, `redirect: 'manual'`, and the redirect back to the app exchanged at `/oauth/access_token` (docs §1.1,
 * §1.2; seed "Missing OAuth Permissions").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'

const REDIRECT = 'https://app.example/fb/callback?tenant=7'
const SCOPE = 'pages_show_list,pages_messaging,pages_manage_metadata'

let emu: RunningEmulator
let app: { id: string; secret: string }

beforeAll(async () => {
  emu = await startEmulator()
  const doc = await emu.client.addWorld({ apps: [{ name: 'Acme <Support> & "Co"' }] })
  app = { id: doc.apps[0]!.id!, secret: doc.apps[0]!.secret! }
})
afterAll(() => emu?.close())

/** A page owner with two pages and no consent yet; every test gets its own, so tests do not share memory. */
async function newOwner(name: string) {
  const doc = await emu.client.addWorld({
    accounts: [{ name }],
    pages: [{ name: `${name} Shop`, admins: [name] }, { name: `${name} Blog`, admins: [name] }],
  })
  return { id: doc.accounts[0]!.id!, shop: doc.pages[0]!.id!, blog: doc.pages[1]!.id! }
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`))
  return m ? decode(m[1]!) : undefined
}

interface Checkbox { name: string; value: string; checked: boolean }
interface Form { action: string; fields: [string, string][]; checkboxes: Checkbox[] }

/** A page as a browser sees it: status, where it redirects, its text and its forms. */
class Page {
  constructor(readonly status: number, readonly location: string | null, readonly html: string) {}

  form(id: string): Form {
    const m = this.html.match(new RegExp(`<form[^>]*id="${id}"[^>]*>([\\s\\S]*?)</form>`))
    if (!m) throw new Error(`no form #${id} in ${this.html}`)
    const inputs = [...m[1]!.matchAll(/<input[^>]*>/g)].map((x) => x[0])
    return {
      action: attr(m[0], 'action')!,
      fields: inputs.filter((i) => attr(i, 'type') === 'hidden').map((i) => [attr(i, 'name')!, attr(i, 'value')!]),
      checkboxes: inputs.filter((i) => attr(i, 'type') === 'checkbox' && attr(i, 'name') && !/\sdisabled/.test(i))
        .map((i) => ({ name: attr(i, 'name')!, value: attr(i, 'value')!, checked: /\schecked/.test(i) })),
    }
  }

  /** The login forms, one per account, keyed by account id. */
  loginForm(accountId: string): Form {
    const forms = [...this.html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)]
    const m = forms.find((f) => f[0].includes(`id="login-${accountId}"`))
    if (!m) throw new Error(`no login for ${accountId}`)
    return new Page(200, null, m[0].replace('<form', `<form id="x"`)).form('x')
  }

  link(id: string): string {
    const m = this.html.match(new RegExp(`<a[^>]*id="${id}"[^>]*>`))
    if (!m) throw new Error(`no link #${id}`)
    return attr(m[0], 'href')!
  }

  /** `data-permission` entries of a list. */
  permissions(listId: string): string[] {
    const m = this.html.match(new RegExp(`<ul id="${listId}">([\\s\\S]*?)</ul>`))
    return m ? [...m[1]!.matchAll(/data-permission="([^"]+)"/g)].map((x) => x[1]!) : []
  }
}

class Browser {
  private cookie: string | undefined

  async get(path: string): Promise<Page> {
    return this.send(path, {})
  }

  async submit(form: Form, extra: [string, string][] = [], checked?: (box: Checkbox) => boolean) {
    const body = new URLSearchParams([...form.fields, ...extra])
    for (const box of form.checkboxes) if ((checked ?? ((b) => b.checked))(box)) body.append(box.name, box.value)
    return this.send(form.action, { method: 'POST', body })
  }

  private async send(path: string, init: RequestInit): Promise<Page> {
    const res = await fetch(`${emu.url}${path}`, {
      ...init, redirect: 'manual', headers: this.cookie ? { cookie: this.cookie } : {},
    })
    const set = res.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]
    return new Page(res.status, res.headers.get('location'), await res.text())
  }

  /** Follows the emulator's own redirects (after logging in), not the one back to the app. */
  async follow(page: Page): Promise<Page> {
    return page.status === 303 ? this.get(page.location!) : page
  }
}

const dialogPath = (q: Record<string, string>, prefix = '/v21.0') =>
  `${prefix}/dialog/oauth?${new URLSearchParams({ client_id: app.id, redirect_uri: REDIRECT, ...q })}`

/** Opens the dialog and, when asked to, logs in as `accountId`; answers the consent screen. */
async function consentScreen(browser: Browser, accountId: string, q: Record<string, string> = {}): Promise<Page> {
  let page = await browser.get(dialogPath({ scope: SCOPE, state: 's1', ...q }))
  if (page.html.includes('id="login-title"')) {
    page = await browser.follow(await browser.submit(page.loginForm(accountId)))
  }
  expect(page.html).toContain('id="consent-title"')
  return page
}

const continueAll = (browser: Browser, page: Page) => browser.submit(page.form('consent-form'), [['decision', 'all']])

async function chooseWhatYouAllow(browser: Browser, consent: Page, untick: string[]): Promise<Page> {
  const choose = await browser.get(consent.link('choose-what-you-allow'))
  expect(choose.status).toBe(200)
  return browser.submit(choose.form('choose-form'), [['decision', 'choose']],
    (b) => b.checked && !untick.includes(b.value))
}

async function exchange(location: string, redirectUri = REDIRECT) {
  const code = new URL(location).searchParams.get('code')!
  const q = new URLSearchParams({ client_id: app.id, client_secret: app.secret, redirect_uri: redirectUri, code })
  const res = await fetch(`${emu.url}/v21.0/oauth/access_token?${q}`)
  return { status: res.status, body: await res.json() as Record<string, any> }
}

async function graph(path: string, token: string) {
  const res = await fetch(`${emu.url}/v21.0${path}${path.includes('?') ? '&' : '?'}access_token=${token}`)
  return res.json() as Promise<Record<string, any>>
}

const pageIds = async (token: string) =>
  ((await graph('/me/accounts', token)).data as { id: string }[]).map((p) => p.id)
const permissions = async (token: string) => (await graph('/me/permissions', token)).data

describe('the login dialog', () => {
  it('logs in, grants everything and redirects with a code that yields the pages', async () => {
    const owner = await newOwner('Pat Owner')
    const browser = new Browser()
    const login = await browser.get(dialogPath({ scope: SCOPE, state: 'abc 123' }))
    expect(login.status).toBe(200)
    expect(login.html).toContain('Continue as Pat Owner')
    const consent = await browser.follow(await browser.submit(login.loginForm(owner.id)))
    expect(consent.html).toContain('is requesting access to:')
    expect(consent.permissions('requested-permissions')).toEqual(['public_profile', ...SCOPE.split(',')])
    expect(consent.html).toContain('Pat Owner Shop')

    const done = await continueAll(browser, consent)
    expect(done.status).toBe(302)
    const back = new URL(done.location!)
    expect(back.origin + back.pathname).toBe('https://app.example/fb/callback')
    expect(back.searchParams.get('tenant')).toBe('7')
    expect(back.searchParams.get('state')).toBe('abc 123')

    const { status, body } = await exchange(done.location!)
    expect(status).toBe(200)
    expect(await pageIds(body.access_token)).toEqual([owner.shop, owner.blog])
    expect(await permissions(body.access_token)).toEqual(['public_profile', ...SCOPE.split(',')]
      .map((permission) => ({ permission, status: 'granted' })))
  })

  it('remembers the login: the next dialog goes straight to consent; reauthenticate asks again', async () => {
    const owner = await newOwner('Lou Again')
    const browser = new Browser()
    await consentScreen(browser, owner.id)
    const again = await browser.get(dialogPath({ scope: SCOPE }, ''))
    expect(again.html).toContain('id="consent-title"')
    expect(again.form('consent-form').action).toBe('/dialog/oauth/confirm')
    const reauth = await browser.get(dialogPath({ scope: SCOPE, auth_type: 'reauthenticate' }))
    expect(reauth.html).toContain('Log in again to continue')
    const after = await browser.follow(await browser.submit(reauth.loginForm(owner.id)))
    expect(after.html).toContain('id="consent-title"')
    // A password change ends the browser's session too.
    await emu.client.changePassword(owner.id)
    expect((await browser.get(dialogPath({ scope: SCOPE }))).html).toContain('id="login-title"')
  })

  it('"Choose what you allow" is remembered until the app is removed', async () => {
    const owner = await newOwner('Kim Choosy')
    const browser = new Browser()
    const consent = await consentScreen(browser, owner.id)
    const first = await chooseWhatYouAllow(browser, consent, ['pages_messaging', owner.blog])
    expect(first.status).toBe(302)
    const { body } = await exchange(first.location!)
    const token = body.access_token as string
    expect(await pageIds(token)).toEqual([owner.shop])
    expect(await permissions(token)).toContainEqual({ permission: 'pages_messaging', status: 'declined' })

    // Again without rerequest: not asked, still declined, and the unticked page stays unticked.
    const second = await consentScreen(browser, owner.id)
    expect(second.permissions('requested-permissions')).toEqual([])
    expect(second.html).not.toContain('data-permission="pages_messaging"')
    expect(second.html).not.toContain(`data-page-id="${owner.blog}"`)
    const t2 = (await exchange((await continueAll(browser, second)).location!)).body.access_token as string
    expect(await permissions(t2)).toContainEqual({ permission: 'pages_messaging', status: 'declined' })
    expect(await pageIds(t2)).toEqual([owner.shop])

    // auth_type=rerequest asks the declined permission again.
    const third = await consentScreen(browser, owner.id, { auth_type: 'rerequest' })
    expect(third.permissions('requested-permissions')).toEqual(['pages_messaging'])
    const t3 = (await exchange((await continueAll(browser, third)).location!)).body.access_token as string
    expect(await permissions(t3)).toContainEqual({ permission: 'pages_messaging', status: 'granted' })

    // Removing the app (DELETE /me/permissions) forgets everything: the next dialog asks afresh, all pages ticked.
    expect(await (await fetch(`${emu.url}/v21.0/me/permissions?access_token=${t3}`, { method: 'DELETE' })).json())
      .toEqual({ success: true })
    const fresh = await consentScreen(browser, owner.id)
    expect(fresh.permissions('requested-permissions')).toEqual(['public_profile', ...SCOPE.split(',')])
    const choose = await browser.get(fresh.link('choose-what-you-allow'))
    expect(choose.form('choose-form').checkboxes.every((b) => b.checked)).toBe(true)
  })

  it('Business Integrations › Remove also makes the next dialog ask afresh', async () => {
    const owner = await newOwner('Ray Removed')
    const browser = new Browser()
    await chooseWhatYouAllow(browser, await consentScreen(browser, owner.id), ['pages_manage_metadata'])
    expect((await consentScreen(browser, owner.id)).permissions('requested-permissions')).toEqual([])
    await emu.client.removeBusinessIntegration(owner.id, app.id)
    expect((await consentScreen(browser, owner.id)).permissions('requested-permissions'))
      .toEqual(['public_profile', ...SCOPE.split(',')])
  })

  it('Choose what you allow shows public_profile as required and every box with a label', async () => {
    const owner = await newOwner('Ada Labels')
    const browser = new Browser()
    const choose = await browser.get((await consentScreen(browser, owner.id)).link('choose-what-you-allow'))
    expect(choose.html).toContain(
      '<input type="checkbox" id="permission-public_profile" value="public_profile" checked="" disabled=""')
    const ids = [...choose.html.matchAll(/<input type="checkbox" id="([^"]+)"/g)].map((m) => m[1])
    for (const id of ids) expect(choose.html).toContain(`<label for="${id}">`)
    expect(ids).toHaveLength(2 + 4)
  })

  it('Cancel redirects with the denial and the state, and stores nothing', async () => {
    const owner = await newOwner('Cy Cancel')
    const browser = new Browser()
    const page = await browser.submit((await consentScreen(browser, owner.id, { state: 'st8' })).form('consent-form'),
      [['decision', 'cancel']])
    expect(page.status).toBe(302)
    const back = new URL(page.location!)
    expect(Object.fromEntries(back.searchParams)).toEqual({
      tenant: '7', error_reason: 'user_denied', error: 'access_denied', error_description: 'Permissions error',
      state: 'st8',
    })
    expect(page.location).toContain('error_description=Permissions+error')
    expect((await emu.client.businessIntegrations(owner.id)).data).toEqual([])
  })

  it('response_type=token answers in the fragment, short-lived; granted_scopes lists the choice', async () => {
    const owner = await newOwner('Tia Token')
    const browser = new Browser()
    const consent = await consentScreen(browser, owner.id, { response_type: 'token granted_scopes', state: 'q' })
    const done = await chooseWhatYouAllow(browser, consent, ['pages_manage_metadata'])
    const back = new URL(done.location!)
    expect(back.search).toBe('?tenant=7')
    const fragment = new URLSearchParams(back.hash.slice(1))
    expect(fragment.get('expires_in')).toBe('7200')
    expect(fragment.get('state')).toBe('q')
    expect(fragment.get('code')).toBeNull()
    expect(fragment.get('granted_scopes')).toBe('public_profile,pages_show_list,pages_messaging')
    expect(fragment.get('denied_scopes')).toBe('pages_manage_metadata')
    expect((await graph('/me', fragment.get('access_token')!)).name).toBe('Tia Token')
  })

  it('"code token" gives both in the fragment', async () => {
    const owner = await newOwner('Cole Both')
    const browser = new Browser()
    const done = await continueAll(browser, await consentScreen(browser, owner.id, { response_type: 'code token' }))
    const fragment = new URLSearchParams(new URL(done.location!).hash.slice(1))
    expect(fragment.get('code')).toMatch(/^AQ/)
    expect(fragment.get('access_token')).toMatch(/^EAA/)
  })
})

describe('codes from the dialog', () => {
  async function codeRedirect(name: string): Promise<string> {
    const owner = await newOwner(name)
    const browser = new Browser()
    return (await continueAll(browser, await consentScreen(browser, owner.id))).location!
  }

  it('are single use (100/36009)', async () => {
    const location = await codeRedirect('Uma Reuse')
    expect((await exchange(location)).status).toBe(200)
    const again = await exchange(location)
    expect(again.status).toBe(400)
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 36009, type: 'OAuthException' })
  })

  it('expire after 10 minutes', async () => {
    const location = await codeRedirect('Vic Late')
    await emu.client.advanceClock(11 * 60)
    const late = await exchange(location)
    expect(late.status).toBe(400)
    expect(late.body.error.message).toBe('This authorization code has expired.')
  })

  it('are bound to the redirect_uri of the dialog', async () => {
    const res = await exchange(await codeRedirect('Wes Elsewhere'), 'https://evil.example/cb')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(100)
  })
})

describe('requests the dialog refuses with an error page, never a redirect', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['an unknown client_id', { client_id: '999999999999999' }, 'Invalid App ID'],
    ['a client_id that is not an id', { client_id: 'acme' }, 'Invalid App ID'],
    ['no client_id', { client_id: '' }, 'Invalid App ID'],
    ['a relative redirect_uri', { redirect_uri: '/callback' }, 'URL Blocked'],
    ['a javascript: redirect_uri', { redirect_uri: 'javascript:alert(1)' }, 'URL Blocked'],
    ['no redirect_uri', { redirect_uri: '' }, 'URL Blocked'],
    ['unknown scopes', { scope: 'pages_messaging,read_minds, fly' }, 'Invalid Scopes: read_minds, fly'],
    ['an unknown response_type', { response_type: 'id_token' }, 'Invalid response_type: id_token'],
  ]
  it.each(cases)('%s', async (_, q, title) => {
    const page = await new Browser().get(dialogPath(q))
    expect(page.status).toBe(400)
    expect(page.location).toBeNull()
    expect(page.html).toContain(`<h1 id="error-title">${title}</h1>`)
  })
})

describe("an app's Valid OAuth Redirect URIs (Facebook Login › Settings)", () => {
  const LISTED = 'https://shop.example/auth/facebook'
  let strict: { id: string; secret: string }

  beforeAll(async () => {
    const doc = await emu.client.addWorld({ apps: [{ name: 'Strict Shop', oauthRedirectUris: [LISTED, REDIRECT] }] })
    strict = { id: doc.apps[0]!.id!, secret: doc.apps[0]!.secret! }
  })

  const strictDialog = (redirectUri: string) => dialogPath({ client_id: strict.id, redirect_uri: redirectUri,
    scope: SCOPE })

  it('sends people back to a listed URI, matched exactly', async () => {
    const owner = await newOwner('Xia Listed')
    const browser = new Browser()
    let page = await browser.get(strictDialog(LISTED))
    page = await browser.follow(await browser.submit(page.loginForm(owner.id)))
    expect(page.html).toContain('id="consent-title"')
    expect((await continueAll(browser, page)).location).toMatch(new RegExp(`^${LISTED}\\?code=`))
  })

  it.each([
    ['another host', 'https://evil.example/auth/facebook'],
    ['another path', `${LISTED}/extra`],
    ['an added query', `${LISTED}?next=/admin`],
    ['http instead of https', LISTED.replace('https:', 'http:')],
  ])('refuses %s with URL Blocked, naming the listed URIs, and redirects nowhere', async (_, uri) => {
    const page = await new Browser().get(strictDialog(uri))
    expect(page.status).toBe(400)
    expect(page.location).toBeNull()
    expect(page.html).toContain('<h1 id="error-title">URL Blocked</h1>')
    expect(decode(page.html)).toContain(`not one of the app's Valid OAuth Redirect URIs (${LISTED}, ${REDIRECT})`)
  })

  it("always allows the JS SDK's own popup callback, as Facebook allows the SDK's redirects", async () => {
    const page = await new Browser().get(strictDialog(`${emu.url}/dialog/oauth/sdk-callback?origin=https%3A%2F%2Fshop.example`))
    expect(page.status).toBe(200)
    expect(page.html).toContain('id="login-title"')
  })

  it('round-trips through the world document; a URI that is not http(s) is refused', async () => {
    const exported = (await emu.client.exportWorld()).apps.find((a) => a.id === strict.id)
    expect(exported?.oauthRedirectUris).toEqual([LISTED, REDIRECT])
    expect((await emu.client.exportWorld()).apps.find((a) => a.id === app.id)).not.toHaveProperty('oauthRedirectUris')
    await expect(emu.client.addWorld({ apps: [{ name: 'Bad', oauthRedirectUris: ['ftp://files.example/cb'] }] }))
      .rejects.toMatchObject({ status: 400 })
  })
})

describe('forms', () => {
  it('refuses a consent answer without the session\'s CSRF token or session, and changes nothing', async () => {
    const owner = await newOwner('Fay Forged')
    const browser = new Browser()
    const form = (await consentScreen(browser, owner.id)).form('consent-form')
    const forged = {
      ...form, fields: form.fields.map(([k, v]): [string, string] => [k, k === 'fb_dtsg' ? `x${v}` : v]),
    }
    const page = await browser.submit(forged, [['decision', 'all']])
    expect(page.status).toBe(403)
    expect(page.html).toContain('was not sent from your login session')
    expect((await new Browser().submit(form, [['decision', 'all']])).status).toBe(403)
    expect((await emu.client.businessIntegrations(owner.id)).data).toEqual([])
  })

  it('refuses a permission that was not offered and keeps the stored choice', async () => {
    const owner = await newOwner('Gus Tamper')
    const browser = new Browser()
    await chooseWhatYouAllow(browser, await consentScreen(browser, owner.id), ['pages_messaging'])
    const before = (await emu.client.businessIntegrations(owner.id)).data
    const form = (await consentScreen(browser, owner.id)).form('consent-form')
    const page = await browser.submit(form, [['decision', 'choose'], ['permission', 'pages_messaging']])
    expect(page.status).toBe(400)
    expect(page.html).toContain('The permission pages_messaging was not offered in this dialog.')
    expect((await emu.client.businessIntegrations(owner.id)).data).toEqual(before)
  })

  it('escape what they show and carry the state unchanged', async () => {
    const owner = await newOwner('Hal Escape')
    const browser = new Browser()
    const state = '"><script>alert(1)</script>'
    const consent = await consentScreen(browser, owner.id, { state })
    expect(consent.html).toContain('Acme &lt;Support&gt; &amp; &quot;Co&quot; is requesting access to:')
    expect(consent.html).not.toContain('<script>')
    const done = await continueAll(browser, consent)
    expect(new URL(done.location!).searchParams.get('state')).toBe(state)
    // The inline stylesheet avoids the characters the JSX escaper would rewrite.
    expect(consent.html).toMatch(/<style>[^&]*<\/style>/)
  })
})
