/**
 * The Personas API over HTTP (docs §12): create, list (paged), read and delete with a page token; sends and typing
 * indicators with `persona_id` show the persona to the person, in the thread view and the dashboard's Messenger view;
 * another page's persona and a deleted one are refused.
 */
import { describe, expect } from 'vitest'
import { FacebookAdsApi, Page } from 'facebook-nodejs-business-sdk'
import type { RunningEmulator } from '../../emulator/index.js'
import { send, test, text } from './messaging-world.js'
import { expectGraphError, get, graph } from './fixtures.js'

const JORGE = { name: 'Jorge', profile_picture_url: 'https://cdn.example.com/jorge.png' }

function createPersona(emulator: RunningEmulator, token: string, body: object, path = '/v21.0/me/personas') {
  return graph(emulator, `${path}?access_token=${token}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
}

describe('the Personas API', () => {
  test('creates, reads, pages through and deletes personas', async ({ emulator, w }) => {
    const created = await createPersona(emulator, w.token, JORGE)
    expect(created.body).toEqual({ id: expect.stringMatching(/^\d+$/) })
    const id = created.body.id
    expect((await get(emulator, `/${id}`, w.token)).body).toEqual({ id, ...JORGE })
    for (const name of ['Ana', 'Bo']) await createPersona(emulator, w.token, { ...JORGE, name }, `/${w.pageId}/personas`)

    const first = await get(emulator, '/me/personas', w.token, { limit: '2' })
    expect(first.body.data.map((p: any) => p.name)).toEqual(['Jorge', 'Ana'])
    expect(first.body.paging.next).toEqual(expect.stringContaining('after='))
    const rest = await graph(emulator, first.body.paging.next.replace(emulator.url, ''))
    expect(rest.body.data.map((p: any) => p.name)).toEqual(['Bo'])
    expect(rest.body.paging.next).toBeUndefined()

    expect((await graph(emulator, `/${id}?access_token=${w.token}`, { method: 'DELETE' })).body).toEqual({ success: true })
    expectGraphError(await get(emulator, `/${id}`, w.token), { code: 100, subcode: 33 })
    expect((await get(emulator, `/${w.pageId}/personas`, w.token)).body.data.map((p: any) => p.name)).toEqual(['Ana', 'Bo'])
  })

  test('refuses a missing name, a bad picture URL, a long name and a token of another page', async ({ emulator, w }) => {
    expectGraphError(await createPersona(emulator, w.token, { profile_picture_url: JORGE.profile_picture_url }),
      { code: 100, message: '(#100) The parameter name is required' })
    expectGraphError(await createPersona(emulator, w.token, { ...JORGE, profile_picture_url: 'javascript:alert(1)' }),
      { code: 100, message: '(#100) Param profile_picture_url must be a valid URL' })
    expectGraphError(await createPersona(emulator, w.token, { ...JORGE, name: 'x'.repeat(51) }), { code: 100 })
    const id = (await createPersona(emulator, w.token, JORGE)).body.id
    const { access_token: other } = await emulator.client.pageToken(w.appId, w.otherPageId)
    expectGraphError(await get(emulator, `/${id}`, other), { code: 100, subcode: 33 })
    expectGraphError(await graph(emulator, `/${id}?access_token=${other}`, { method: 'DELETE' }), { code: 100, subcode: 33 })
    expect((await get(emulator, '/me/personas', w.token)).body.data).toHaveLength(1)
  })

  test("Meta's business SDK creates and lists personas", async ({ emulator, w }) => {
    const graphUrl = Object.getOwnPropertyDescriptor(FacebookAdsApi, 'GRAPH')!
    Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => emulator.url, configurable: true })
    try {
      FacebookAdsApi.init(w.token, 'en_US', false)
      const page = new Page(w.pageId)
      // The SDK adds the page's own data (its id) to the params object it is given: give it a copy.
      const persona = await page.createPersona([], { ...JORGE })
      const listed = await page.getPersonas(['name', 'profile_picture_url'])
      expect(listed.map((p: any) => p.exportAllData())).toEqual([{ id: persona.id, ...JORGE }])
    } finally {
      Object.defineProperty(FacebookAdsApi, 'GRAPH', graphUrl)
    }
  })
})

describe('sending as a persona', () => {
  test('the person sees the persona on its messages and typing, in the thread and the dashboard', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const id = (await createPersona(emulator, w.token, JORGE)).body.id
    expect((await send(emulator, w.token, { recipient: { id: w.sam.psid }, sender_action: 'typing_on', persona_id: id }))
      .status).toBe(200)
    let thread = await emulator.client.thread(w.sam.id, w.pageId)
    const jorge = { id, name: 'Jorge', pictureUrl: JORGE.profile_picture_url, label: 'Jorge (from Acme)' }
    expect(thread.typing).toEqual({ page: true, person: false, persona: jorge })

    expect((await send(emulator, w.token, { ...text(w.sam.psid, 'Jorge here'), persona_id: id })).status).toBe(200)
    await send(emulator, w.token, text(w.sam.psid, 'the page itself'))
    for (const platform of ['ios', 'android', 'web'] as const) {
      thread = await emulator.client.thread(w.sam.id, w.pageId, platform)
      expect(thread.bubbles.map((b) => [b.text, b.persona?.label ?? null])).toEqual([
        ['hi', null], ['Jorge here', 'Jorge (from Acme)'], ['the page itself', null],
      ])
    }
    const html = await (await fetch(`${emulator.url}/dashboard/messenger?page=${w.pageId}&person=${w.sam.id}`)).text()
    expect(html).toContain('Jorge (from Acme)')
    expect(html).toContain(`data-persona-id="${id}"`)
  })

  test("refuses another page's persona and a deleted one; nothing is sent", async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const { access_token: other } = await emulator.client.pageToken(w.appId, w.otherPageId)
    const foreign = (await createPersona(emulator, other, JORGE)).body.id
    expectGraphError(await send(emulator, w.token, { ...text(w.sam.psid, 'x'), persona_id: foreign }),
      { code: 100, message: '(#100) Invalid persona_id' })
    const id = (await createPersona(emulator, w.token, JORGE)).body.id
    await graph(emulator, `/${id}?access_token=${w.token}`, { method: 'DELETE' })
    expectGraphError(await send(emulator, w.token, { recipient: { id: w.sam.psid }, sender_action: 'typing_on',
      persona_id: id }), { code: 100, message: '(#100) Invalid persona_id' })
    const thread = await emulator.client.thread(w.sam.id, w.pageId)
    expect(thread.bubbles.map((b) => b.text)).toEqual(['hi'])
    expect(thread.typing.page).toBe(false)
  })

  test('a message sent as a persona deleted later keeps showing it', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const id = (await createPersona(emulator, w.token, JORGE)).body.id
    await send(emulator, w.token, { ...text(w.sam.psid, 'bye'), persona_id: id })
    await graph(emulator, `/${id}?access_token=${w.token}`, { method: 'DELETE' })
    const thread = await emulator.client.thread(w.sam.id, w.pageId)
    expect(thread.bubbles.at(-1)?.persona?.label).toBe('Jorge (from Acme)')
  })
})
