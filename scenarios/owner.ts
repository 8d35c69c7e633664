/**
 * A page owner: a Facebook account that administers pages. They press Token Generation in their own app's dashboard
 * (the seed's Quick Start), go through the login dialog in a browser (with "Choose what you allow" if they like), change
 * their password, and remove an app in Settings › Business Integrations.
 */
import { Browser } from './browser.js'
import { OAUTH_REDIRECT } from './business.js'
import type { Scene } from './scene.js'

export class Owner {
  /** One browser per owner, so Facebook remembers their login between dialogs, as a real browser's cookie does. */
  private readonly browser: Browser

  constructor(private readonly scene: Scene, readonly name: string, readonly accountId: string) {
    this.browser = new Browser(scene.stack.emulator.url,
      (method, path, status) => scene.onFacebook(`${name} (browser)`, `${method} ${path} → ${status}`, status < 400))
  }

  /** Messenger › Settings › Token Generation: a page token for one of their pages (seed, Quick Start). */
  generatesPageToken(pageName?: string, appName?: string): Promise<string> {
    const page = this.scene.page(pageName)
    const app = this.scene.app(appName)
    return this.scene.step(`${this.name} generates a page token for "${page.name}" (Token Generation)`, async () => {
      const { access_token } = await this.scene.client.pageToken(app.id, page.id, this.accountId)
      this.scene.onFacebook(`${this.name} (app dashboard)`, `Token Generation for ${page.name}`)
      return access_token
    })
  }

  /**
   * Goes through the login dialog of the business's app asking `scopes`: logs in if Facebook does not remember them,
   * then continues, or unticks `untick` (permissions or page ids) under "Choose what you allow". Answers the `code`
   * of the redirect back to the business.
   */
  authorizes(scopes: string[], options: { untick?: string[]; rerequest?: boolean } = {}): Promise<string> {
    const app = this.scene.app()
    const untick = options.untick ?? []
    const how = untick.length ? ` unticking ${untick.join(', ')} under "Choose what you allow"` : ''
    return this.scene.step(`${this.name} authorizes "${app.name}" in the login dialog${how}`, async () => {
      const query = new URLSearchParams({
        client_id: app.id, redirect_uri: OAUTH_REDIRECT, scope: scopes.join(','), state: 'scenario',
        ...(options.rerequest ? { auth_type: 'rerequest' } : {}),
      })
      let page = await this.browser.get(`/v21.0/dialog/oauth?${query}`)
      if (page.has('login-title')) page = await this.browser.follow(await this.browser.submit(page.form(`login-${this.accountId}`)))
      if (!page.has('consent-title')) throw new Error(`the dialog shows no consent screen (HTTP ${page.status})`)
      const done = untick.length
        ? await (async () => {
          const choose = await this.browser.get(page.link('choose-what-you-allow'))
          return this.browser.submit(choose.form('choose-form'), [['decision', 'choose']], (b) => b.checked && !untick.includes(b.value))
        })()
        : await this.browser.submit(page.form('consent-form'), [['decision', 'all']])
      const back = done.location ? new URL(done.location) : undefined
      const code = back?.searchParams.get('code')
      if (done.status !== 302 || !code) {
        throw new Error(`the dialog did not redirect back with a code (HTTP ${done.status}, ${done.location ?? 'no redirect'})`)
      }
      return code
    })
  }

  changesPassword(): Promise<void> {
    return this.scene.step(`${this.name} changes their Facebook password`, async () => {
      await this.scene.client.changePassword(this.accountId)
      this.scene.onFacebook(this.name, 'changes their password: every session is invalidated')
    })
  }

  /** Settings › Business Integrations › Remove (seed, Missing OAuth Permissions: "access must first be fully revoked"). */
  removesApp(appName?: string): Promise<void> {
    const app = this.scene.app(appName)
    return this.scene.step(`${this.name} removes "${app.name}" in Business Integrations`, async () => {
      await this.scene.client.removeBusinessIntegration(this.accountId, app.id)
      this.scene.onFacebook(this.name, `removes ${app.name} in Business Integrations`)
    })
  }
}
