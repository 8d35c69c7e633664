/**
 * The dashboard and the OAuth dialog escape everything a person or a business sends: HTML and script in person names
 * (world document), app and page names, messages both ways, quick reply titles and template titles. Each page is
 * fetched as HTML; the raw markup never appears unescaped.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index.js'

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>'
let emu: RunningEmulator
let ids: { app: string; page: string; person: string; account: string }

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  const world = await emu.client.addWorld({
    apps: [{ name: `App ${XSS}` }], accounts: [{ name: `Owner ${XSS}` }],
    pages: [{ name: `Page ${XSS}`, admins: [`Owner ${XSS}`] }],
    people: [{ firstName: `First ${XSS}`, lastName: `Last ${XSS}` }],
  })
  ids = { app: world.apps[0]!.id!, page: world.pages[0]!.id!, person: world.people[0]!.id!,
    account: world.accounts[0]!.id! }
  await emu.client.personAction(ids.person, { pageId: ids.page, type: 'text', text: `Person says ${XSS}` })
  const { access_token } = await emu.client.pageToken(ids.app, ids.page)
  const send = (message: unknown) => fetch(`${emu.url}/v21.0/me/messages?access_token=${access_token}`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ recipient: { id: world.people[0]!.psids![ids.page] }, messaging_type: 'RESPONSE', message }),
  }).then((r) => expect(r.status).toBe(200))
  await send({ text: `Page says ${XSS}` })
  await send({ attachment: { type: 'template', payload: { template_type: 'generic', elements: [{ title: `T ${XSS}`,
    subtitle: `S ${XSS}`, buttons: [{ type: 'postback', title: '<b>x</b>', payload: XSS }] }] } } })
  await send({ text: 'Pick', quick_replies: [{ content_type: 'text', title: '<i>qr</i>', payload: XSS }] })
})
afterAll(() => emu?.close())

const PAGES = [
  '/', '/dashboard/apps', '/dashboard/pages', '/dashboard/accounts', '/dashboard/faults', '/dashboard/webhooks',
  '/dashboard/requests', '/dashboard/messenger?page={page}&person={person}',
  '/dashboard/messenger?page={page}&person={person}&platform=web',
  '/dialog/oauth?client_id={app}&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&scope=pages_messaging',
]

test.each(PAGES)('%s escapes what people and businesses sent', async (route) => {
  const path = route.replace(/\{(\w+)\}/g, (_, name: keyof typeof ids) => ids[name])
  const res = await fetch(`${emu.url}${path}`)
  expect(res.status, path).toBeLessThan(500)
  const html = await res.text()
  expect(html, path).not.toContain('<script>alert(1)')
  expect(html, path).not.toContain('<img src=x')
  expect(html, path).not.toContain('<b>x</b>')
  expect(html, path).not.toContain('<i>qr</i>')
})

test('the messenger view and the home page show the names, escaped', async () => {
  const html = await (await fetch(`${emu.url}/dashboard/messenger?page=${ids.page}&person=${ids.person}`)).text()
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
})
