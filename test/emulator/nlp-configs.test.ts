/**
 * Built-in NLP end to end (docs §18): `POST /{page-id}/nlp_configs` as Facebook's docs, its sample app and Meta's SDK
 * call it, what it refuses (and then changes nothing), and the `message.nlpv2` a person's text then carries to the
 * app's webhook; the settings round-trip through the world document.
 */
import { describe, expect } from 'vitest'
import { FacebookAdsApi, Page } from 'facebook-nodejs-business-sdk'
import { expectGraphError, get, graph, postDashboardForm } from './fixtures.js'
import { received, send, test, text } from './messaging-world.js'
import type { RunningEmulator } from '../../emulator/index.js'

/** `POST path?query` with the token in a form body, as the docs' curl does (`-d access_token=…`). */
function post(emulator: RunningEmulator, path: string, token: string, query: string) {
  return graph(emulator, `${path}?${query}`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ access_token: token }).toString(),
  })
}

async function pageNlp(emulator: RunningEmulator, pageId: string) {
  return (await emulator.client.exportWorld()).pages.find((p) => p.id === pageId)!.nlp
}

const GREETING = { id: '5900cc2d-41b7-45b2-b21f-b950d3ae3c5c', value: 'true', confidence: 0.9999 }

describe('POST /{page-id}/nlp_configs', () => {
  test('the docs\' call turns NLP on: {"success":true}, stored with the defaults', async ({ emulator, w }) => {
    const res = await post(emulator, '/v21.0/me/nlp_configs', w.token, 'nlp_enabled=true')
    expect(res).toMatchObject({ status: 200, body: { success: true } })
    expect(res.headers.get('x-emulator-warning')).toBeNull()
    expect(await pageNlp(emulator, w.pageId)).toEqual({
      enabled: true, model: 'ENGLISH', customToken: null, verbose: false, nBest: 1, otherLanguageSupport: null,
    })
  })

  test('by page id, unversioned, every parameter; a later call changes only what it names', async ({ emulator, w }) => {
    const q = 'nlp_enabled=1&model=PORTUGUESE&verbose=true&n_best=8&other_language_support={"es":{"model":"SPANISH"}}'
    expect((await post(emulator, `/${w.pageId}/nlp_configs`, w.token, q)).body).toEqual({ success: true })
    expect((await post(emulator, '/me/nlp_configs', w.token, 'nlp_enabled=false')).body).toEqual({ success: true })
    expect(await pageNlp(emulator, w.pageId)).toEqual({
      enabled: false, model: 'PORTUGUESE', customToken: null, verbose: true, nBest: 8,
      otherLanguageSupport: { es: { model: 'SPANISH' } },
    })
  })

  test('a JSON body, as messaging-apis and Meta\'s SDK send it', async ({ emulator, w }) => {
    const res = await graph(emulator, `/v21.0/me/nlp_configs?access_token=${w.token}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nlp_enabled: true, n_best: 3 }),
    })
    expect(res.body).toEqual({ success: true })
    expect(await pageNlp(emulator, w.pageId)).toMatchObject({ enabled: true, nBest: 3 })
  })

  test("Meta's business SDK: Page.createNlpConfig", async ({ emulator, w }) => {
    // The SDK has no setting for its base URL: FacebookAdsApi.GRAPH is a static getter answering graph.facebook.com.
    const graphUrl = Object.getOwnPropertyDescriptor(FacebookAdsApi, 'GRAPH')!
    Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => emulator.url, configurable: true })
    try {
      FacebookAdsApi.init(w.token, 'en_US', false)
      const answer = await new Page(w.pageId).createNlpConfig([], { nlp_enabled: true, model: 'ENGLISH' })
      expect(answer.exportAllData()).toMatchObject({ success: true })
      expect(await pageNlp(emulator, w.pageId)).toMatchObject({ enabled: true, model: 'ENGLISH' })
      await expect(new Page(w.pageId).createNlpConfig([], { nlp_enabled: true, model: 'KLINGON' })).rejects
        .toMatchObject({ status: 400, response: { code: 100, type: 'OAuthException' } })
    } finally {
      Object.defineProperty(FacebookAdsApi, 'GRAPH', graphUrl)
    }
  })

  test('a custom Wit.ai app is stored, with a warning that the emulator never calls Wit.ai', async ({ emulator, w }) => {
    const res = await post(emulator, '/me/nlp_configs', w.token, 'nlp_enabled=true&model=CUSTOM&custom_token=WIT123')
    expect(res.body).toEqual({ success: true })
    expect(res.headers.get('x-emulator-warning')).toMatch(/^witAppOffline: /)
    expect(await pageNlp(emulator, w.pageId)).toMatchObject({ model: 'CUSTOM', customToken: 'WIT123' })
  })

  test('without nlp_enabled: the rest is stored with a warning; --strict refuses it', async ({ emulator, w }) => {
    const res = await post(emulator, '/me/nlp_configs', w.token, 'model=DUTCH')
    expect(res.body).toEqual({ success: true })
    expect(res.headers.get('x-emulator-warning')).toMatch(/^nlpEnabledMissing: /)
    expect(await pageNlp(emulator, w.pageId)).toMatchObject({ enabled: false, model: 'DUTCH' })
    await emulator.client.setFaults('app', w.appId, { strict: true })
    expectGraphError(await post(emulator, '/me/nlp_configs', w.token, 'model=GREEK'),
      { code: 100, message: '(#100) The parameter nlp_enabled is required' })
    expect(await pageNlp(emulator, w.pageId)).toMatchObject({ model: 'DUTCH' })
  })
})

describe('what nlp_configs refuses, changing nothing', () => {
  test.for([
    ['model=english', '(#100) Param model must be one of {ARABIC, CHINESE, CROATIAN, CUSTOM, DANISH, DUTCH, ENGLISH, ' +
      'FRENCH_STANDARD, GEORGIAN, GERMAN_STANDARD, GREEK, HEBREW, HUNGARIAN, IRISH, ITALIAN_STANDARD, KOREAN, ' +
      'NORWEGIAN_BOKMAL, POLISH, PORTUGUESE, ROMANIAN, SPANISH, SWEDISH, VIETNAMESE} - got "english"'],
    ['n_best=9', '(#100) Param n_best must be between 1 and 8'],
    ['n_best=0', '(#100) Param n_best must be between 1 and 8'],
    ['n_best=two', '(#100) Param n_best must be an integer'],
    ['verbose=yes', '(#100) Param verbose must be a boolean'],
    ['other_language_support=[1]', '(#100) Param other_language_support must be a JSON object'],
  ])('nlp_enabled=true&%s', async ([query, message], { emulator, w }) => {
    expectGraphError(await post(emulator, '/me/nlp_configs', w.token, `nlp_enabled=true&${query}`), { code: 100, message })
    expect(await pageNlp(emulator, w.pageId)).toBeUndefined()
  })

  test('nlp_enabled that is no boolean', async ({ emulator, w }) => {
    expectGraphError(await post(emulator, '/me/nlp_configs', w.token, 'nlp_enabled=on'),
      { code: 100, message: '(#100) Param nlp_enabled must be a boolean' })
  })

  test('a user token: (#200); another page\'s token: 100/33; a wrong token: 190', async ({ emulator, w }) => {
    const doc = await emulator.client.exportWorld()
    const owner = doc.accounts[0]!.id
    const { access_token: user } = await emulator.client.userToken(owner, w.appId, ['pages_show_list', 'pages_messaging'])
    expectGraphError(await post(emulator, `/${w.pageId}/nlp_configs`, user, 'nlp_enabled=true'),
      { status: 403, code: 200, message: '(#200) Permissions error' })
    const { access_token: other } = await emulator.client.pageToken(w.appId, w.otherPageId)
    expectGraphError(await post(emulator, `/${w.pageId}/nlp_configs`, other, 'nlp_enabled=true'),
      { code: 100, subcode: 33, type: 'GraphMethodException' })
    expectGraphError(await post(emulator, '/me/nlp_configs', 'not-a-token', 'nlp_enabled=true'), { code: 190 })
    expect(await pageNlp(emulator, w.pageId)).toBeUndefined()
  })

  test('a page token without pages_manage_metadata: (#200) names it', async ({ emulator, w }) => {
    // An owner who granted the app only pages_show_list and pages_messaging gets page tokens without it.
    const added = await emulator.client.addWorld({ accounts: [{ name: 'Lee Admin' }], pages: [{ name: 'Small', admins: ['Lee Admin'] }] })
    const [lee, small] = [added.accounts[0]!.id!, added.pages[0]!.id!]
    const { access_token: user } = await emulator.client.userToken(lee, w.appId, ['pages_show_list', 'pages_messaging'])
    const accounts = await get(emulator, '/v21.0/me/accounts', user)
    const pageToken = accounts.body.data.find((p: { id: string }) => p.id === small).access_token as string
    expectGraphError(await post(emulator, '/me/nlp_configs', pageToken, 'nlp_enabled=true'),
      { status: 403, code: 200, message: '(#200) Requires pages_manage_metadata permission to manage the object' })
    expect(await pageNlp(emulator, small)).toBeUndefined()
  })

  test('the edge cannot be read', async ({ emulator, w }) => {
    const res = await get(emulator, '/v21.0/me/nlp_configs', w.token)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(100)
  })
})

describe('message.nlpv2 in the messages webhook', () => {
  test('on: a text carries what was found; off again: nothing', async ({ emulator, receiver, w }) => {
    await post(emulator, '/me/nlp_configs', w.token, 'nlp_enabled=true')
    const text = 'Hi! Mail me at sam@example.com'
    const result = await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text })
    const event = await received(receiver, 'messages', (e) => e.message.mid === result.mid)
    expect(event.message).toEqual({
      mid: result.mid, text,
      nlpv2: {
        detected_locales: [{ locale: 'en_XX', confidence: 0.9 }],
        entities: {
          'email:email': [{ id: '340464963587160', name: 'email', role: 'email', start: 15, end: 30,
            body: 'sam@example.com', confidence: 0.9997, entities: [], type: 'value', value: 'sam@example.com' }],
        },
        traits: { greetings: GREETING, sentiment: { id: '5ac2b50a-44e4-466e-9d49-bad6bd40092c', value: 'neutral', confidence: 0.6162 } },
      },
    })
    // The thread shows what the person typed, nothing more.
    const thread = await emulator.client.thread(w.sam.id, w.pageId)
    expect(JSON.stringify(thread)).not.toContain('nlpv2')

    await post(emulator, '/me/nlp_configs', w.token, 'nlp_enabled=false')
    const later = await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hello again' })
    expect((await received(receiver, 'messages', (e) => e.message.mid === later.mid)).message)
      .toEqual({ mid: later.mid, text: 'hello again' })
  })

  test('a page without NLP sends none; another page\'s setting does not leak', async ({ emulator, receiver, w }) => {
    const { access_token: other } = await emulator.client.pageToken(w.appId, w.otherPageId)
    await post(emulator, '/me/nlp_configs', other, 'nlp_enabled=true')
    const result = await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hello' })
    expect((await received(receiver, 'messages', (e) => e.message.mid === result.mid)).message).not.toHaveProperty('nlpv2')
  })

  test("a quick reply's title is text too: NLP reads it", async ({ emulator, w }) => {
    await post(emulator, '/me/nlp_configs', w.token, 'nlp_enabled=true')
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'Where is my order?' })
    expect((await send(emulator, w.token, text(w.sam.psid, 'Anything else?', {
      quick_replies: [{ content_type: 'text', title: 'No, thank you', payload: 'DONE' }],
    }))).status).toBe(200)
    const tap = await emulator.client.personAction(w.sam.id, { type: 'quick_reply', pageId: w.pageId, index: 0 })
    const message = (tap.events[0]!.event as { message: { quick_reply: object; nlpv2: { traits: object } } }).message
    expect(message.quick_reply).toEqual({ payload: 'DONE' })
    expect(Object.keys(message.nlpv2.traits)).toEqual(['thanks', 'sentiment'])
  })

  test('an attachment carries none', async ({ emulator, w }) => {
    await post(emulator, '/me/nlp_configs', w.token, 'nlp_enabled=true')
    const result = await emulator.client.personAction(w.sam.id,
      { type: 'attachment', pageId: w.pageId, attachmentType: 'image', url: 'https://example.com/a.png' })
    expect((result.events[0]!.event as { message: object }).message).not.toHaveProperty('nlpv2')
  })
})

describe('as the App Dashboard turns it on: the control API and the dashboard', () => {
  test('PATCH /_emulator/pages/{id} {nlpEnabled}', async ({ emulator, w }) => {
    expect(await emulator.client.setPage(w.pageId, { nlpEnabled: true })).toMatchObject({ id: w.pageId, nlpEnabled: true })
    const result = await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'bye' })
    expect((result.events[0]!.event as { message: object }).message).toHaveProperty('nlpv2.traits.bye.value', 'true')
    expect(await emulator.client.setPage(w.pageId, { nlpEnabled: false })).toMatchObject({ nlpEnabled: false })
    await expect(emulator.client.setPage(w.pageId, { nlpEnabled: 'yes' } as never)).rejects.toMatchObject({ status: 400 })
    expect(await pageNlp(emulator, w.pageId)).toMatchObject({ enabled: false, model: 'ENGLISH' })
  })

  test("the Pages screen's button turns it on and off", async ({ emulator, w }) => {
    const on = await postDashboardForm(emulator, `/dashboard/pages/${w.pageId}/nlp`, { enabled: 'true', back: '/dashboard/pages' })
    expect(on.headers.get('location')).toMatch(/^\/dashboard\/pages\?notice=Built-in\+NLP\+is\+on$/)
    expect(await pageNlp(emulator, w.pageId)).toMatchObject({ enabled: true })
    await postDashboardForm(emulator, `/dashboard/pages/${w.pageId}/nlp`, { enabled: 'false', back: '/dashboard/pages' })
    expect(await pageNlp(emulator, w.pageId)).toMatchObject({ enabled: false })
  })
})

describe('the world document', () => {
  test('pages[].nlp is imported, exported and round-trips; it turns NLP on', async ({ emulator, w }) => {
    const added = await emulator.client.addWorld({
      pages: [{ name: 'Shop', admins: [(await emulator.client.exportWorld()).accounts[0]!.id],
        nlp: { enabled: true, model: 'SPANISH', nBest: 2 } }],
      people: [{ firstName: 'Ana', lastName: 'Ruiz', timezone: -5 }],
    })
    const shop = added.pages[0]!
    const nlp = { enabled: true, model: 'SPANISH', customToken: null, verbose: false, nBest: 2, otherLanguageSupport: null }
    expect(shop.nlp).toEqual(nlp)
    const exported = await emulator.client.exportWorld()
    expect(exported.pages.find((p) => p.id === shop.id)!.nlp).toEqual(nlp)
    expect(exported.pages.find((p) => p.id === w.pageId)).not.toHaveProperty('nlp')
    const dashboard = await (await fetch(`${emulator.url}/dashboard/pages`)).text()
    expect(dashboard).toContain(`<span id="nlp-${shop.id}"><span class="badge ok">On: SPANISH</span></span>`)
    expect(dashboard).toContain(`<span id="nlp-${w.pageId}"><span class="muted">off</span></span>`)

    const result = await emulator.client.personAction(added.people[0]!.id!, { type: 'text', pageId: shop.id!, text: 'thanks' })
    expect((result.events[0]!.event as { message: { nlpv2: { traits: object } } }).message.nlpv2.traits)
      .toHaveProperty('thanks')

    await emulator.client.reset()
    const again = await emulator.client.addWorld(exported)
    expect(again.pages.find((p) => p.id === shop.id)!.nlp).toEqual(nlp)
  })

  test('an invalid nlp is refused and nothing of the document is added', async ({ emulator }) => {
    await expect(emulator.client.addWorld({ pages: [{ name: 'Bad', nlp: { enabled: true, nBest: 9 } }] })).rejects.toThrow()
    expect((await emulator.client.exportWorld()).pages.map((p) => p.name)).not.toContain('Bad')
  })
})
