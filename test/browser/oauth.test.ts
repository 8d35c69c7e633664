/**
 * Getting a user access token in a real browser, both ways the seed guide describes, against a small web app (a
 * node:http server in the test, on its own origin):
 * - "Build a custom OAuth flow": redirect to the dialog, log in, consent, back to the app with a code that its server
 *   exchanges at /oauth/access_token, then lists /me/accounts with the app id and secret (seed "Page Access Token").
 * - "Facebook JavaScript SDK": the page loads /sdk.js, FB.login opens the dialog in a popup and its callback gets
 *   authResponse.accessToken; FB.getLoginStatus and FB.api follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext } from 'playwright-core'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import { launchBrowser, screenshot } from './browser.js'

let emulator: RunningEmulator
let browser: Browser
let webApp: Server
let appUrl: string
let w: { appId: string; secret: string; owner: string; pageId: string }

const STATE = 'csrf-4711'
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** The integrator's web app: a login link, the OAuth callback (server-side code exchange) and an SDK page. */
function startWebApp(): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', appUrl)
      const redirectUri = `${appUrl}/callback`
      if (url.pathname === '/login') {
        const q = new URLSearchParams({ client_id: w.appId, redirect_uri: redirectUri, state: STATE,
          scope: 'pages_show_list,pages_messaging' })
        res.writeHead(302, { location: `${emulator.url}/v21.0/dialog/oauth?${q}` }).end()
      } else if (url.pathname === '/callback') {
        if (url.searchParams.get('state') !== STATE) return res.writeHead(403).end('bad state')
        const code = url.searchParams.get('code') ?? ''
        const exchange = new URLSearchParams({ client_id: w.appId, redirect_uri: redirectUri, client_secret: w.secret, code })
        const token = await (await fetch(`${emulator.url}/v21.0/oauth/access_token?${exchange}`)).json() as
          { access_token: string }
        const accounts = new URLSearchParams({ client_id: w.appId, client_secret: w.secret,
          access_token: token.access_token, limit: '500' })
        const pages = await (await fetch(`${emulator.url}/v21.0/me/accounts?${accounts}`)).json() as
          { data: { id: string; name: string; access_token: string }[] }
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><title>Pick a page</title><main>
          <h1>Pick a page</h1><ul id="pages">${pages.data.map((p) =>
            `<li data-id="${esc(p.id)}" data-has-token="${p.access_token ? 'yes' : 'no'}">${esc(p.name)}</li>`).join('')}</ul></main>`)
      } else if (url.pathname === '/sdk') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><title>SDK</title>
          <script>window.fbAsyncInit = function () { FB.init({ appId: '${w.appId}', version: 'v21.0' }); window.sdkReady = true; };</script>
          <script src="${emulator.url}/sdk.js"></script>
          <button id="login" onclick="FB.login(function (data) { window.loginResult = data; },
            { scope: 'manage_pages,pages_messaging' })">Connect Facebook</button>`)
      } else res.writeHead(404).end()
    })()
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

beforeAll(async () => {
  // The browser first: without one, nothing else is started that afterAll would have to stop.
  browser = await launchBrowser()
  emulator = await startEmulator({ port: 0, db: ':memory:' })
  const doc = await emulator.client.addWorld({
    apps: [{ name: 'Acme Support' }],
    accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
  })
  w = { appId: doc.apps[0]!.id!, secret: doc.apps[0]!.secret!, owner: doc.accounts[0]!.id!, pageId: doc.pages[0]!.id! }
  // The web app listens on "localhost", the emulator on 127.0.0.1: two origins, as in real life.
  webApp = await startWebApp()
  appUrl = `http://localhost:${(webApp.address() as AddressInfo).port}`
})
afterAll(async () => {
  await browser?.close()
  if (webApp) {
    webApp.closeAllConnections()
    await new Promise((resolve) => webApp.close(resolve))
  }
  await emulator?.close()
})

async function fresh(run: (context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } })
  try {
    await run(context)
  } finally {
    await context.close()
  }
}

describe('user access tokens in the browser', () => {
  it('completes the custom OAuth redirect flow and lists the pages with their tokens', () => fresh(async (context) => {
    const page = await context.newPage()
    await page.goto(`${appUrl}/login`)
    await screenshot(page, 'oauth-login')
    await page.click(`#login-${w.owner}`)
    expect(await page.locator('#requested-permissions').textContent()).toContain('pages_messaging')
    await screenshot(page, 'oauth-consent')
    await page.click('#continue')
    await page.waitForURL(`${appUrl}/callback**`)
    const item = page.locator(`#pages li[data-id="${w.pageId}"]`)
    expect(await item.textContent()).toBe('Acme')
    expect(await item.getAttribute('data-has-token')).toBe('yes')
  }))

  it('answers FB.login with an access token through the popup, then FB.getLoginStatus and FB.api', () => fresh(async (context) => {
    const page = await context.newPage()
    await page.goto(`${appUrl}/sdk`)
    await expect.poll(() => page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady)).toBe(true)
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#login')])
    await popup.waitForLoadState()
    expect(new URL(popup.url()).pathname).toBe('/v21.0/dialog/oauth')
    await popup.click(`#login-${w.owner}`)
    await popup.click('#continue')
    // The callback page posts the answer to the opener and closes itself.
    await expect.poll(() => popup.isClosed()).toBe(true)

    type Login = { status: string; authResponse: { accessToken: string; userID: string; expiresIn: number; grantedScopes: string } }
    await expect.poll(() => page.evaluate(() => (window as unknown as { loginResult?: unknown }).loginResult)).toBeTruthy()
    const result = await page.evaluate(() => (window as unknown as { loginResult: Login }).loginResult)
    expect(result.status).toBe('connected')
    expect(result.authResponse.userID).toBe(w.owner)
    expect(result.authResponse.expiresIn).toBeGreaterThan(0)
    expect(result.authResponse.grantedScopes.split(',')).toEqual(expect.arrayContaining(['pages_messaging', 'pages_show_list']))
    const me = await fetch(`${emulator.url}/v21.0/me?access_token=${result.authResponse.accessToken}`)
    expect(await me.json()).toMatchObject({ id: w.owner, name: 'Pat Owner' })

    const status = () => page.evaluate(() => new Promise<{ status: string }>((resolve) => FB.getLoginStatus(resolve)))
    expect(await status()).toMatchObject({ status: 'connected' })
    const api = await page.evaluate(() => new Promise((resolve) => FB.api('/me/accounts', resolve)))
    expect(api).toMatchObject({ data: [{ id: w.pageId, name: 'Acme' }] })

    // The owner changes their password: the SDK's token dies with every other.
    await emulator.client.changePassword(w.owner)
    expect(await status()).toMatchObject({ status: 'unknown' })
  }))
})

declare const FB: {
  getLoginStatus(cb: (r: { status: string }) => void): void
  api(path: string, cb: (r: unknown) => void): void
}
