/**
 * Production's leniency and the written contract over HTTP (docs §3.2, §21): what Facebook's own sample bot does (no
 * messaging_type, a 22-character quick reply) works, shows as people see it, and is said in warnings (journal entry,
 * X-Emulator-Warning headers); under --strict, or the app's `strict` fault switch, it is refused as documented.
 */
import { describe, expect } from 'vitest'
import { received, send, test } from './messaging-world.js'
import { expectGraphError, graph } from './fixtures.js'
import { startEmulator } from '../../emulator/index.js'

const LONG_TITLE = 'Search by order number'
const sampleBotReply = (psid: string) => ({
  recipient: { id: psid },
  message: { text: 'How can I help?', quick_replies: [
    { content_type: 'text', title: LONG_TITLE, payload: 'SEARCH_ORDER' },
    { content_type: 'text', title: 'Talk to a person', payload: 'CARE' },
  ] },
})

describe('production behaviour (the default)', () => {
  test('a send without messaging_type is a RESPONSE; a 22-character quick reply is kept whole and shown cut',
    async ({ emulator, receiver, w }) => {
      await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'Where is my order?' })
      const res = await send(emulator, w.token, sampleBotReply(w.sam.psid))
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ recipient_id: w.sam.psid, message_id: expect.stringMatching(/^m_/) })
      const thread = await emulator.client.thread(w.sam.id, w.pageId)
      expect(thread.quickReplies).toEqual([
        { index: 0, content_type: 'text', title: 'Search by order numb…', fullTitle: LONG_TITLE, payload: 'SEARCH_ORDER' },
        { index: 1, content_type: 'text', title: 'Talk to a person', payload: 'CARE' },
      ])
      for (const platform of ['web', 'android'] as const) {
        expect((await emulator.client.thread(w.sam.id, w.pageId, platform)).quickReplies[0]!.title).toBe('Search by order numb…')
      }
      const html = await (await fetch(`${emulator.url}/dashboard/messenger?page=${w.pageId}&person=${w.sam.id}`)).text()
      expect(html).toContain(`title="${LONG_TITLE}">Search by order numb…</button>`)

      // Tapping it sends the whole title, as the quick reply's text.
      await emulator.client.personAction(w.sam.id, { type: 'quick_reply', pageId: w.pageId, index: 0 })
      const tapped = await received(receiver, 'messages', (e) => e.message.quick_reply !== undefined)
      expect(tapped.message).toMatchObject({ text: LONG_TITLE, quick_reply: { payload: 'SEARCH_ORDER' } })
    })

  test('the journal entry and the answer carry one warning each', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const res = await send(emulator, w.token, sampleBotReply(w.sam.psid))
    const headers = res.headers.get('x-emulator-warning')!.split(', ')
    expect(headers).toHaveLength(2)
    expect(headers[0]).toMatch(/^labelCut: message\[quick_replies\]\[0\]\[title\] is longer than 20 characters/)
    expect(headers[1]).toMatch(/^messagingTypeMissing: messaging_type is missing: sent as RESPONSE/)
    for (const h of headers) expect(h).toMatch(/^[\x20-\x7e]{1,200}$/)
    expect(res.headers.get('access-control-expose-headers')).toContain('x-emulator-warning')

    const [entry] = (await emulator.client.requests({ limit: 1 })).data
    expect(entry).toMatchObject({ path: '/me/messages', status: 200, warnings: [
      { code: 'labelCut', docs: 'https://developers.facebook.com/docs/messenger-platform/send-messages/quick-replies',
        message: 'message[quick_replies][0][title] is longer than 20 characters: accepted and stored whole, but people ' +
          'see its first 20 characters and "…". --strict refuses it.' },
      { code: 'messagingTypeMissing', docs: 'https://developers.facebook.com/docs/messenger-platform/send-messages#messaging_types',
        message: expect.stringMatching(/^messaging_type is missing: sent as RESPONSE, as Facebook does/) },
    ] })
  })

  test("the dashboard's Requests page shows the warnings, and can list only the calls that have some", async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    await send(emulator, w.token, sampleBotReply(w.sam.psid))
    await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_type: 'RESPONSE', message: { text: 'ok' } })
    const page = async (query: string) => (await fetch(`${emulator.url}/dashboard/requests${query}`)).text()
    const all = await page('')
    expect(all).toContain('<li data-warning="labelCut"><span class="badge warn">labelCut</span> message[quick_replies][0][title] is longer')
    expect(all).toContain('<a href="https://developers.facebook.com/docs/messenger-platform/send-messages#messaging_types"')
    const rows = (html: string) => html.match(/<tr data-request-id/g)?.length ?? 0
    expect(rows(await page('?warned=1'))).toBe(1)
    expect(rows(all)).toBe(2)
  })

  test('a call within the contract has no warnings and no header', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const res = await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_type: 'RESPONSE', message: { text: 'ok' } })
    expect(res.headers.get('x-emulator-warning')).toBeNull()
    expect((await emulator.client.requests({ limit: 1 })).data[0]!.warnings).toEqual([])
  })

  test('the 24-hour window still applies to a send without messaging_type, and the refusal says why', async ({ emulator, w }) => {
    const res = await send(emulator, w.token, { recipient: { id: w.sam.psid }, message: { text: 'Hello?' } })
    expectGraphError(res, { code: 10, subcode: 2018278 })
    expect(res.headers.get('x-emulator-warning')).toMatch(/^messagingTypeMissing: .*sent as RESPONSE/)
    expect((await emulator.client.requests({ limit: 1 })).data[0]!.warnings.map((x) => x.code)).toEqual(['messagingTypeMissing'])
  })

  test('a parameter Graph ignores is a warning: a typo of messaging_type goes unnoticed on Facebook', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const res = await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_typ: 'UPDATE', message: { text: 'x' } })
    expect(res.status).toBe(200)
    const [entry] = (await emulator.client.requests({ limit: 1 })).data
    expect(entry!.warnings.map((x) => [x.code, x.message.slice(0, 45)])).toEqual([
      ['messagingTypeMissing', 'messaging_type is missing: sent as RESPONSE, '],
      ['ignoredParameter', 'Graph ignored the parameter messaging_typ: th'],
    ])
    // Graph's own parameters (pretty, suppress_http_code…) are never "ignored".
    const me = await graph(emulator, `/me?access_token=${w.token}&pretty=0&suppress_http_code=1&_=123`)
    expect(me.headers.get('x-emulator-warning')).toBeNull()
  })

  test('a long button title and card title show cut; the page sent them whole', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const card = { title: `Winter coat ${'x'.repeat(80)}`, subtitle: 'Warm', buttons: [{ type: 'postback', title: 'Add this coat to my basket', payload: 'ADD' }] }
    const res = await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_type: 'RESPONSE',
      message: { attachment: { type: 'template', payload: { template_type: 'generic', elements: [card] } } } })
    expect(res.status).toBe(200)
    const bubble = (await emulator.client.thread(w.sam.id, w.pageId)).bubbles.at(-1)!
    const shown = bubble.template!.type === 'carousel' ? bubble.template!.cards[0]! : undefined
    expect(shown).toMatchObject({ title: `Winter coat ${'x'.repeat(68)}…`, subtitle: 'Warm',
      buttons: [{ title: 'Add this coat to my …', fullTitle: 'Add this coat to my basket', payload: 'ADD' }] })
    await emulator.client.personAction(w.sam.id, { type: 'postback', pageId: w.pageId, mid: bubble.mid!, index: 0 })
    const postback = (await emulator.client.thread(w.sam.id, w.pageId)).bubbles.at(-1)!
    expect(postback).toMatchObject({ kind: 'postback', text: 'Add this coat to my basket', payload: 'ADD' })
  })
})

describe('the written contract: the app\'s strict fault switch', () => {
  test('refuses a missing messaging_type and a 22-character title with Facebook\'s errors, storing nothing',
    async ({ emulator, w }) => {
      await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
      expect((await emulator.client.setFaults('app', w.appId, { strict: true })).faults).toEqual({ strict: true })
      const reply = sampleBotReply(w.sam.psid)
      expectGraphError(await send(emulator, w.token, reply), {
        code: 100, type: 'OAuthException', message: '(#100) Length of param message[quick_replies][0][title] must be less than or equal to 20' })
      expectGraphError(await send(emulator, w.token, { ...reply, message: { text: 'x' } }),
        { code: 100, message: '(#100) The parameter messaging_type is required' })
      expect((await emulator.client.thread(w.sam.id, w.pageId)).bubbles).toHaveLength(1)
      const [entry] = (await emulator.client.requests({ limit: 1 })).data
      expect(entry).toMatchObject({ status: 400, reason: '--strict: messaging_type missing', warnings: [] })

      const profile = await graph(emulator, `/me/messenger_profile?access_token=${w.token}`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ greeting: [{ locale: 'default', text: 'g'.repeat(161) }] }) })
      expectGraphError(profile, { code: 100, message: '(#100) Length of param greeting[0][text] must be less than or equal to 160' })

      // Switched off, the same send goes through again.
      await emulator.client.setFaults('app', w.appId, {})
      expect((await send(emulator, w.token, reply)).status).toBe(200)
    })

  test('is in the registry and on the Faults page, only for apps, and in the world document', async ({ emulator, w }) => {
    const registry = (await emulator.client.faultSwitches()).data.find((s) => s.name === 'strict')
    expect(registry).toMatchObject({ scopes: ['app'], description: expect.stringMatching(/written contract/) })
    const faultsPage = await (await fetch(`${emulator.url}/dashboard/faults`)).text()
    expect(faultsPage).toContain(`id="fault-app-${w.appId}-strict"`)
    expect(faultsPage).not.toContain(`id="fault-page-${w.pageId}-strict"`)
    await expect(emulator.client.setFaults('page', w.pageId, { strict: true } as never)).rejects.toThrow(/Unknown fault switch strict/)
    await emulator.client.setFaults('app', w.appId, { strict: true })
    expect((await emulator.client.exportWorld()).apps[0]).toMatchObject({ faults: { strict: true } })
  })
})

test('startEmulator({ strict: true }) judges every app by the written contract', async ({ w: _ }) => {
  const strict = await startEmulator({ strict: true })
  try {
    expect(strict.strict).toBe(true)
    const doc = await strict.client.addWorld({ apps: [{ name: 'A' }], accounts: [{ name: 'Pat Owner' }],
      pages: [{ name: 'P', admins: ['Pat Owner'] }], people: [{ firstName: 'Sam', lastName: 'Lee' }] })
    const [app, page, person] = [doc.apps[0]!, doc.pages[0]!, doc.people[0]!]
    await strict.client.personAction(person.id, { type: 'text', pageId: page.id, text: 'hi' })
    const { access_token } = await strict.client.pageToken(app.id, page.id)
    expectGraphError(await send(strict, access_token, { recipient: { id: person.psids![page.id]! }, message: { text: 'x' } }),
      { code: 100, message: '(#100) The parameter messaging_type is required' })
  } finally {
    await strict.close()
  }
})
