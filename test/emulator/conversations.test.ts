/**
 * The Conversations API over HTTP (docs §14): the page's real history both ways, with the ids the Send API and the
 * webhooks gave, cursor paging, `user_id`, nested `messages{…}`, the message node, and the permission errors.
 */
import { describe, expect } from 'vitest'
import { FacebookAdsApi, Page } from 'facebook-nodejs-business-sdk'
import { send, test, text } from './messaging-world.js'
import { expectGraphError, get, graph } from './fixtures.js'

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/

describe('the Conversations API', () => {
  test('lists the conversations, newest activity first, with user_id, fields and paging', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi from Sam' })
    await emulator.client.personAction(w.eva.id, { type: 'text', pageId: w.pageId, text: 'hi from Eva' })
    const list = await get(emulator, '/v21.0/me/conversations', w.token, { platform: 'messenger' })
    expect(list.body.data).toEqual([
      { id: `t_${w.eva.psid}`, updated_time: expect.stringMatching(TIME) },
      { id: `t_${w.sam.psid}`, updated_time: expect.stringMatching(TIME) },
    ])
    const one = await get(emulator, `/${w.pageId}/conversations`, w.token, {
      platform: 'messenger', user_id: w.sam.psid, fields: 'participants,message_count,snippet,unread_count,can_reply',
    })
    expect(one.body.data).toEqual([{
      id: `t_${w.sam.psid}`, message_count: 1, snippet: 'hi from Sam', unread_count: 1, can_reply: true,
      participants: { data: [
        { name: 'Sam Lee', email: `${w.sam.psid}@facebook.com`, id: w.sam.psid },
        { name: 'Acme', email: `${w.pageId}@facebook.com`, id: w.pageId },
      ] },
    }])
    const first = await get(emulator, '/me/conversations', w.token, { limit: '1' })
    expect(first.body.data.map((c: any) => c.id)).toEqual([`t_${w.eva.psid}`])
    const next = await graph(emulator, first.body.paging.next.replace(emulator.url, ''))
    expect(next.body.data.map((c: any) => c.id)).toEqual([`t_${w.sam.psid}`])
    expect(next.body.paging.next).toBeUndefined()
    expect((await get(emulator, '/me/conversations', w.token, { platform: 'instagram' })).body).toEqual({ data: [] })
  })

  test('a conversation gives its messages both ways, newest first, with the mids the Send API gave',
    async ({ emulator, w }) => {
      await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'Where is my order?' })
      const sent = await send(emulator, w.token, text(w.sam.psid, 'On its way'))
      const mid = sent.body.message_id
      const conversation = await get(emulator, `/t_${w.sam.psid}`, w.token,
        { fields: 'messages{message,from,to,created_time,attachments},participants' })
      const sam = { name: 'Sam Lee', email: `${w.sam.psid}@facebook.com`, id: w.sam.psid }
      const acme = { name: 'Acme', email: `${w.pageId}@facebook.com`, id: w.pageId }
      expect(conversation.body.messages.data).toEqual([
        { id: mid, message: 'On its way', from: acme, to: { data: [sam] }, created_time: expect.stringMatching(TIME) },
        { id: expect.stringMatching(/^m_/), message: 'Where is my order?', from: sam, to: { data: [acme] },
          created_time: expect.stringMatching(TIME) },
      ])
      expect(conversation.body.participants.data).toEqual([sam, acme])
      expect((await get(emulator, `/${mid}`, w.token)).body).toEqual({ id: mid, created_time: expect.stringMatching(TIME) })
      expect((await get(emulator, `/${mid}`, w.token, { fields: 'message,from' })).body)
        .toEqual({ id: mid, message: 'On its way', from: acme })
    })

  test('the messages edge pages through a long thread, newest first', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'one' })
    await send(emulator, w.token, text(w.sam.psid, 'two'))
    await send(emulator, w.token, text(w.sam.psid, 'three'))
    const first = await get(emulator, `/t_${w.sam.psid}/messages`, w.token, { fields: 'message', limit: '2' })
    expect(first.body.data.map((m: any) => m.message)).toEqual(['three', 'two'])
    const rest = await graph(emulator, first.body.paging.next.replace(emulator.url, ''))
    expect(rest.body.data.map((m: any) => m.message)).toEqual(['one'])
    expect(rest.body.paging.next).toBeUndefined()
    const nested = await get(emulator, `/t_${w.sam.psid}`, w.token, { fields: 'messages.limit(1){message}' })
    expect(nested.body.messages.data.map((m: any) => m.message)).toEqual(['three'])
    expect(nested.body.messages.paging.next).toEqual(expect.stringContaining(`/t_${w.sam.psid}/messages?`))
  })

  test('needs a page token of that page with pages_messaging; a user token gets Graph\'s error', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const owner = (await emulator.client.exportWorld()).accounts[0]!.id!
    const user = await emulator.client.userToken(owner, w.appId, ['pages_show_list', 'pages_messaging'])
    expectGraphError(await get(emulator, `/${w.pageId}/conversations`, user.access_token),
      { code: 210, message: '(#210) A page access token is required to request this resource.' })
    const { access_token: other } = await emulator.client.pageToken(w.appId, w.otherPageId)
    expectGraphError(await get(emulator, `/${w.pageId}/conversations`, other), { status: 403, code: 200 })
    expectGraphError(await get(emulator, `/t_${w.sam.psid}`, other), { status: 403, code: 200 })
    expectGraphError(await get(emulator, '/me/conversations', w.token, { platform: 'whatsapp' }), { code: 100 })
    expectGraphError(await get(emulator, `/t_${w.sam.psid}`, w.token, { fields: 'shoe_size' }),
      { code: 100, message: '(#100) Tried accessing nonexisting field (shoe_size) on node type (UnifiedThread)' })
  })

  test("Meta's business SDK reads the page's conversations", async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const graphUrl = Object.getOwnPropertyDescriptor(FacebookAdsApi, 'GRAPH')!
    Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => emulator.url, configurable: true })
    try {
      FacebookAdsApi.init(w.token, 'en_US', false)
      const conversations = await new Page(w.pageId).getConversations(['id', 'message_count'], { platform: 'messenger' })
      expect(conversations.map((c: any) => c.exportAllData())).toEqual([{ id: `t_${w.sam.psid}`, message_count: 1 }])
    } finally {
      Object.defineProperty(FacebookAdsApi, 'GRAPH', graphUrl)
    }
  })
})
