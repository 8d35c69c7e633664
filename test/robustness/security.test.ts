/**
 * Security: tokens and secrets are long and random; none issued after start shows up in either CLI's output, even
 * when webhooks fail and Graph answers 500; both servers listen on 127.0.0.1 only unless told otherwise.
 */
import { afterAll, expect, test } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { createIds } from '../../emulator/world/ids.js'
import { defaultIds } from '../../adapter/runtime/ids.js'
import { ControlClient } from '../../emulator/control/client.js'
import { startCli, type CliProcess } from './cli.js'

const running: CliProcess[] = []
let business: Server | undefined
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()))
  business?.close()
})

test('tokens and secrets are at least 32 random characters, and never repeat', () => {
  const ids = createIds()
  const secrets = { accessToken: ids.accessToken, appSecret: ids.appSecret, appTokenSecret: ids.appTokenSecret,
    authCode: ids.authCode, verifyToken: ids.verifyToken, adapterSecret: defaultIds.secret }
  for (const [name, make] of Object.entries(secrets)) {
    const made = Array.from({ length: 1000 }, make)
    expect(new Set(made).size, name).toBe(1000)
    expect(Math.min(...made.map((s) => s.length)), name).toBeGreaterThanOrEqual(32)
    // Random, not a counter: two consecutive secrets differ in most positions.
    const [a, b] = [made[0]!, made[1]!]
    expect([...a].filter((ch, i) => ch === b[i]).length, name).toBeLessThan(a.length / 2)
  }
})

const KEY = { appId: 'secapp000000000000000000', keyId: 'app_sec', keySecret: 'sec-secret-sec-secret-sec-secret-000000' }
const BANNER_END = /Press Ctrl\+C to stop\.\n/

/** What a CLI printed after its start banner (which shows the credentials it was started with, by design). */
const afterBanner = (p: CliProcess) => p.output().split(BANNER_END).slice(1).join('')

test('no token or secret issued after start reaches the logs, even on failures', async () => {
  const emulator = await startCli('emulator', ['--port', '0', '--db', ':memory:', '--seed', 'examples/world.json'])
  running.push(emulator)
  const adapter = await startCli('adapter', ['--port', '0', '--db', ':memory:', '--graph-url', emulator.url,
    '--app-id', KEY.appId, '--key-id', KEY.keyId, '--key-secret', KEY.keySecret])
  running.push(adapter)
  // The business answers 500 to every webhook: the adapter retries.
  business = createServer((_, res) => res.writeHead(500).end('down'))
  await new Promise<void>((r) => business!.listen(0, '127.0.0.1', r))
  const control = new ControlClient(emulator.url)
  const world = await control.exportWorld()
  const [app, page, person] = [world.apps[0]!, world.pages[0]!, world.people[0]!]

  const secrets: string[] = [app.secret!, KEY.keySecret]
  const userToken = (await control.userToken(world.accounts[0]!.id!, app.id!, ['pages_show_list'])).access_token
  const { access_token: pageToken } = await control.pageToken(app.id!, page.id!)
  secrets.push(userToken, pageToken)
  const call = (method: string, path: string, body?: unknown) => fetch(`${adapter.url}/v2/apps/${KEY.appId}${path}`, {
    method, headers: { 'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${KEY.keyId}:${KEY.keySecret}`).toString('base64')}` },
    ...(body ? { body: JSON.stringify(body) } : {}) }).then(async (r) => ({ status: r.status, body: await r.json() as any }))
  const hook = await call('POST', '/integrations', { type: 'custom', webhooks: [{
    target: `http://127.0.0.1:${(business.address() as AddressInfo).port}/hook`, triggers: ['*'] }] })
  secrets.push(hook.body.integration.webhooks[0].secret)
  expect((await call('POST', '/integrations', { type: 'messenger', pageAccessToken: pageToken, appId: app.id,
    appSecret: app.secret })).status).toBe(201)
  // A wrong Graph token, a failing send (temporarySendFailure), a business that answers 500, an unknown webhook.
  await fetch(`${emulator.url}/v21.0/me?access_token=${userToken}x`)
  await control.setFaults('page', page.id!, { temporarySendFailure: true })
  await control.personAction(person.id!, { pageId: page.id!, type: 'text', text: 'hello' })
  await fetch(`${adapter.url}/webhooks/messenger/nope`, { method: 'POST', body: '{}' })
  await fetch(`${emulator.url}/v21.0/me/messages?access_token=${pageToken}`, { method: 'POST',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recipient: { id: '1' }, message: { text: 'x' } }) })
  await expect.poll(async () => (await control.deliveries()).data.length).toBeGreaterThan(0)

  await emulator.stop()
  await adapter.stop()
  const logs = afterBanner(emulator) + afterBanner(adapter)
  for (const secret of secrets) expect(logs).not.toContain(secret)
})

test('both servers listen on 127.0.0.1 only by default', async () => {
  const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)
  const emulator = await startCli('emulator', ['--port', '0', '--db', ':memory:'])
  running.push(emulator)
  const adapter = await startCli('adapter', ['--port', '0', '--db', ':memory:'])
  running.push(adapter)
  for (const p of [emulator, adapter]) {
    const { hostname, port } = new URL(p.url)
    expect(hostname).toBe('127.0.0.1')
    // Reachable on loopback; refused on the machine's other address (when it has one).
    expect((await fetch(`${p.url}/_emulator/health`)).status).toBeLessThan(500)
    if (external) await expect(fetch(`http://${external.address}:${port}/`)).rejects.toThrow()
  }
})
