/**
 * DNS rebinding and cross-site writes (issue 14): both servers answered any `Host` (`Host: attacker.example` read
 * the world with its app secrets) and the control API took a cross-origin `text/plain` POST. Now an unknown Host is
 * refused in each surface's error shape, naming the flag that allows it; control API writes need JSON or the
 * dashboard's own origin; the dashboard's forms carry a CSRF token; pages carry CSP, X-Frame-Options and nosniff,
 * and every inline script and style they serve is allowed by hash. Graph still answers every Origin.
 * Requests go through node:http: fetch may not set Host.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { request } from 'node:http'
import { createHash } from 'node:crypto'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter } from '../adapter/helpers.js'
import { dashboardSession } from '../emulator/fixtures.js'
import { startCli, type CliProcess } from './cli.js'

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; text: string }

/** One request to `base` + `path`, with whatever headers (Host included). */
function send(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}):
  Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => { text += c.toString() })
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}
const json = (a: Answer) => JSON.parse(a.text)
const ATTACKER = { host: 'attacker.example' }

let emulator: RunningEmulator
let a: RunningAdapter
let ids: { app: string; page: string; person: string }
const running: CliProcess[] = []

beforeAll(async () => {
  emulator = await startEmulator({ allowedHosts: ['emulator.test'] })
  const doc = await emulator.client.addWorld({ apps: [{ name: 'Acme Support' }], accounts: [{ name: 'Pat Owner' }],
    pages: [{ name: 'Acme', admins: ['Pat Owner'] }], people: [{ firstName: 'Sam', lastName: 'Lee' }] })
  ids = { app: doc.apps[0]!.id!, page: doc.pages[0]!.id!, person: doc.people[0]!.id! }
  a = await adapter({ publicUrl: 'https://adapter.example.com/base' })
})
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()))
  await a?.close()
  await emulator?.close()
})

describe('an unknown Host', () => {
  test('is refused on every surface of the emulator, in that surface\'s shape, naming the flag', async () => {
    const control = await send(emulator.url, '/_emulator/world', { headers: ATTACKER })
    expect(control.status).toBe(403)
    expect(json(control)).toEqual({ error: expect.stringContaining('"attacker.example"'),
      instructions: expect.stringContaining('--allowed-host attacker.example') })
    expect(control.text).not.toContain(ids.app)
    const graph = await send(emulator.url, '/v21.0/me?access_token=x', { headers: ATTACKER })
    expect(graph.status).toBe(403)
    expect(json(graph).error).toMatchObject({ code: 100, type: 'OAuthException', fbtrace_id: expect.any(String),
      message: expect.stringMatching(/^\(#100\) .*EMULATOR_ALLOWED_HOSTS/) })
    for (const path of ['/', '/dashboard/messenger', `/v21.0/dialog/oauth?client_id=${ids.app}`]) {
      const page = await send(emulator.url, path, { headers: ATTACKER })
      expect(page.status, path).toBe(403)
      expect(page.text, path).toContain('--allowed-host attacker.example')
    }
    // A write is refused before it acts.
    const write = await send(emulator.url, '/_emulator/reset', { method: 'POST', headers: ATTACKER })
    expect(write.status).toBe(403)
    expect((await emulator.client.exportWorld()).apps).toHaveLength(1)
  })

  test('is refused by the adapter in the Conversations shape', async () => {
    const res = await send(a.url, '/health', { headers: ATTACKER })
    expect(res.status, res.text).toBe(403)
    expect(json(res)).toEqual({ errors: [{ code: 'forbidden',
      title: expect.stringContaining('--allowed-host attacker.example (or ADAPTER_ALLOWED_HOSTS=attacker.example)') }] })
    const v11 = await send(a.url, '/v1.1/menu', { headers: ATTACKER })
    expect(v11.status).toBe(403)
    expect(json(v11)).toEqual({ error: { code: 'forbidden', description: expect.stringContaining('--allowed-host attacker.example') } })
  })

  test('loopback names, IP addresses, the configured names and the public URL\'s host are answered', async () => {
    const port = new URL(emulator.url).port
    for (const host of ['127.0.0.1', `localhost:${port}`, `[::1]:${port}`, 'app.localhost', '10.0.0.7:80', 'emulator.test',
      'EMULATOR.TEST.:8080']) {
      expect((await send(emulator.url, '/_emulator/health', { headers: { host } })).status, host).toBe(200)
    }
    expect((await send(a.url, '/health', { headers: { host: 'adapter.example.com' } })).status).toBe(200)
    expect((await send(a.url, '/health', { headers: { host: 'localhost' } })).status).toBe(200)
  })

  test.each(['emulator', 'adapter'] as const)('the %s CLI takes --allowed-host (repeatable) and its env variable',
    async (cli) => {
      const p = await startCli(cli, ['--port', '0', '--db', ':memory:', '--allowed-host', 'one.test', '--allowed-host',
        'two.test'])
      running.push(p)
      const health = cli === 'emulator' ? '/_emulator/health' : '/health'
      for (const host of ['one.test', 'two.test']) expect((await send(p.url, health, { headers: { host } })).status).toBe(200)
      expect((await send(p.url, health, { headers: { host: 'three.test' } })).status).toBe(403)
    })
})

describe('cross-site writes to the control API', () => {
  const world = JSON.stringify({ accounts: [{ name: 'Forged' }] })
  const accounts = async () => (await emulator.client.exportWorld()).accounts.map((x) => x.name)

  test('a text/plain or form body, or another site\'s Origin, is refused and changes nothing', async () => {
    const before = await accounts()
    const forged: Record<string, string>[] = [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'application/json', origin: 'http://attacker.example' }, { 'content-type': 'text/plain',
        origin: 'null' }]
    for (const headers of forged) {
      const res = await send(emulator.url, '/_emulator/world', { method: 'POST', headers, body: world })
      expect(res.status, JSON.stringify(headers)).toBe(403)
      expect(json(res)).toEqual({ error: expect.stringContaining('JSON'), instructions: expect.any(String) })
    }
    expect(await accounts()).toEqual(before)
  })

  test('JSON without an Origin, a body-less POST, and the dashboard\'s own origin are accepted', async () => {
    const ok = await send(emulator.url, '/_emulator/world', { method: 'POST', body: world,
      headers: { 'content-type': 'application/json' } })
    expect(ok.status).toBe(201)
    expect((await send(emulator.url, '/_emulator/deliveries/run', { method: 'POST' })).status).toBe(200)
    const host = new URL(emulator.url).host
    const same = await send(emulator.url, '/_emulator/clock', { method: 'POST', body: '{"advanceSeconds":1}',
      headers: { 'content-type': 'text/plain', origin: emulator.url, host } })
    expect(same.status).toBe(200)
  })

  test('Graph still answers any Origin, with its CORS header', async () => {
    const { access_token } = await emulator.client.pageToken(ids.app, ids.page)
    const res = await send(emulator.url, `/v21.0/me?access_token=${access_token}`,
      { headers: { origin: 'https://any-site.example' } })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    const preflight = await send(emulator.url, '/v21.0/me/messages', { method: 'OPTIONS', headers: {
      origin: 'https://any-site.example', 'access-control-request-method': 'POST' } })
    expect(preflight.headers['access-control-allow-origin']).toBe('*')
  })
})

describe('the dashboard\'s forms', () => {
  const eea = async () => (await emulator.client.exportWorld()).pages[0]!.eea
  const post = (body: Record<string, string>, cookie?: string) => send(emulator.url, `/dashboard/pages/${ids.page}/eea`,
    { method: 'POST', body: new URLSearchParams(body).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) } })

  test('refuse a post without the browser\'s token, or with another browser\'s, and act with it', async () => {
    const mine = await dashboardSession(emulator)
    const theirs = await dashboardSession(emulator)
    expect((await post({ eea: 'true', back: '/dashboard/pages' })).status).toBe(403)
    expect((await post({ eea: 'true', csrf: theirs.token }, mine.cookie)).status).toBe(403)
    expect((await post({ eea: 'true', csrf: mine.token })).status).toBe(403)
    expect(await eea()).toBe(false)
    const ok = await post({ eea: 'true', csrf: mine.token, back: '/dashboard/pages' }, mine.cookie)
    expect(ok.status).toBe(303)
    expect(await eea()).toBe(true)
  })

  test('every form of every page carries the token', async () => {
    const session = await dashboardSession(emulator)
    let checked = 0
    for (const path of ['/', '/dashboard/apps', '/dashboard/pages', '/dashboard/faults', '/dashboard/webhooks',
      `/dashboard/messenger?page=${ids.page}&person=${ids.person}`]) {
      const html = (await send(emulator.url, path, { headers: { cookie: session.cookie } })).text
      for (const form of html.match(/<form method="post"[^]*?<\/form>/g) ?? []) {
        expect(form, path).toContain(`name="csrf" value="${session.token}"`)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(5)
  })
})

describe('pages people look at', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

  test.each([
    ['the overview', '/'], ['the Messenger view', '/dashboard/messenger'],
    ['the login dialog', '/v21.0/dialog/oauth?client_id={app}&redirect_uri=https%3A%2F%2Fapp.example%2Fcb'],
    ['the SDK popup\'s callback', '/dialog/oauth/sdk-callback?origin=https%3A%2F%2Fapp.example'],
  ])('%s: no framing, no sniffing, and a policy that allows exactly its inline scripts and styles', async (_, path) => {
    const res = await send(emulator.url, path.replace('{app}', ids.app))
    expect(res.status).toBe(200)
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("default-src 'none'")
    const inline = [...res.text.matchAll(/<(script|style)>([^]*?)<\/\1>/g)]
    expect(inline.length).toBeGreaterThan(0)
    for (const [, tag, text] of inline) {
      expect(csp.split('; ').find((d) => d.startsWith(`${tag}-src`)), tag).toContain(sha(text!))
    }
  })
})
