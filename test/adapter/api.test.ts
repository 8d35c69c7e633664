import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RunningAdapter } from '../../adapter/index.js'
import { SignJWT } from 'jose'
import { adapter, api } from './helpers.js'

let a: RunningAdapter
beforeAll(async () => { a = await adapter() })
afterAll(async () => { await a?.close() })

describe('authentication', () => {
  test('missing or wrong credentials: 401 in the Conversations error shape', async () => {
    for (const auth of ['', 'Basic ' + Buffer.from(`${'app_x'}:nope`).toString('base64'), `Basic ${Buffer.from(`${a?.keyId}:wrong`).toString('base64')}`]) {
      const res = await api(a, auth).get('/v2/apps/{appId}/integrations')
      expect(res.status).toBe(401)
      expect(res.body).toEqual({ errors: [{ code: 'unauthorized', title: 'Authorization is required' }] })
    }
  })

  test('a key of another app: 403; an unknown route: 404 in the same shape', async () => {
    const res = await api(a).get('/v2/apps/otherapp0000000000000000/integrations')
    expect(res.status).toBe(404)
    expect(res.body.errors[0].code).toBe('app_not_found')
    expect((await api(a).get('/v2/apps/{appId}/nothing-here')).body.errors[0].code).toBe('not_found')
  })

  test('keys can be created, read and deleted with the account key; an app key is refused with 403', async () => {
    expect((await api(a).post('/v2/apps/{appId}/keys', { displayName: 'ci' })).body.errors[0].code).toBe('forbidden')
    const account = api(a, `Basic ${Buffer.from(`${a.accountKeyId}:${a.accountKeySecret}`).toString('base64')}`)
    const created = await account.post('/v2/apps/{appId}/keys', { displayName: 'ci' })
    expect(created.status).toBe(201)
    expect(created.body.key.secret.length).toBeGreaterThanOrEqual(32)
    const other = api(a, `Basic ${Buffer.from(`${created.body.key.id}:${created.body.key.secret}`).toString('base64')}`)
    expect((await other.get('/v2/apps/{appId}')).status).toBe(200)
    expect((await account.delete(`/v2/apps/{appId}/keys/${created.body.key.id}`)).status).toBe(200)
    expect((await other.get('/v2/apps/{appId}')).status).toBe(401)
  })
})

describe('integrations', () => {
  test('custom integration with a webhook: secret returned, v2 by default', async () => {
    const res = await api(a).post('/v2/apps/{appId}/integrations', {
      type: 'custom', displayName: 'Bot', webhooks: [{ target: 'http://127.0.0.1:1/hook', triggers: ['conversation:message'] }],
    })
    expect(res.status).toBe(201)
    expect(res.body.integration).toMatchObject({ type: 'custom', status: 'active', displayName: 'Bot' })
    expect(res.body.integration.webhooks[0]).toMatchObject({ version: 'v2', triggers: ['conversation:message'] })
    expect(res.body.integration.webhooks[0].secret.length).toBeGreaterThanOrEqual(32)
    const list = await api(a).get('/v2/apps/{appId}/integrations?filter[types]=custom')
    expect(list.body.integrations.map((i: any) => i.id)).toContain(res.body.integration.id)
  })

  test('invalid type, invalid body and invalid JSON get 400 bad_request naming the problem', async () => {
    expect((await api(a).post('/v2/apps/{appId}/integrations', { type: 'telegraph' })).body)
      .toEqual({ errors: [{ code: 'bad_request', title: 'Invalid integration type' }] })
    const bad = await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: 'not a url', triggers: [] }] })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: any) => e.title.split(':')[0])).toEqual(['webhooks.0.target', 'webhooks.0.triggers'])
    expect((await api(a).post('/v2/apps/{appId}/integrations', '{oops')).body.errors[0]).toEqual({ code: 'bad_request', title: 'The request body must be a JSON object' })
  })

  test('messenger integration with an unreachable Graph: clear error, nothing stored', async () => {
    const before = (await api(a).get('/v2/apps/{appId}/integrations?filter[types]=messenger')).body.integrations.length
    const res = await api(a).post('/v2/apps/{appId}/integrations', { type: 'messenger', pageAccessToken: 'EAA', appId: '1', appSecret: 's' })
    expect(res.status).toBe(502)
    expect(res.body.errors[0].code).toBe('bad_gateway')
    expect(res.body.errors[0].title).toMatch(/GET \/me.*unreachable/)
    expect((await api(a).get('/v2/apps/{appId}/integrations?filter[types]=messenger')).body.integrations.length).toBe(before)
  })

  test('unknown integration: 404 integration_not_found', async () => {
    expect((await api(a).get('/v2/apps/{appId}/integrations/000000000000000000000000')).body.errors[0].code).toBe('integration_not_found')
  })
})

describe('persistent menu validation', () => {
  test('levels and counts are checked before anything reaches Facebook', async () => {
    const tooMany = await api(a).put('/v1.1/apps/{appId}/menu', { items: [1, 2, 3, 4].map((n) => ({ type: 'postback', text: `P${n}`, payload: `P${n}` })) })
    expect(tooMany.body.error.description).toMatch(/1 to 3 items at its first level/)
    const sub = (items: unknown[]) => ({ type: 'submenu', text: 'More', items })
    const tooDeep = await api(a).put('/v1.1/apps/{appId}/menu', { items: [sub([sub([sub([{ type: 'postback', text: 'x', payload: 'x' }])])])] })
    expect(tooDeep.body.error.description).toMatch(/at most 3 levels/)
    const bigSub = await api(a).put('/v1.1/apps/{appId}/menu', { items: [sub(Array.from({ length: 6 }, (_, i) => ({ type: 'postback', text: `S${i}`, payload: 'x' })))] })
    expect(bigSub.body.error.description).toMatch(/items\[0\]\.items: a submenu has 1 to 5 items \(got 6\)/)
    const ok = await api(a).put('/v1.1/apps/{appId}/menu', { items: [{ type: 'link', text: 'Site', uri: 'https://acme.test' }, sub([{ type: 'postback', text: 'Hours', payload: 'HOURS' }])] })
    expect(ok.status).toBe(200)
    expect(ok.body.menu.items[1].items[0]._id).toHaveLength(24)
    expect((await api(a).get('/v1.1/apps/{appId}/menu')).body.menu.items).toHaveLength(2)
  })
})

describe('what the official client cannot send, over raw HTTP', () => {
  const setup = async () => {
    const user = (await api(a).post('/v2/apps/{appId}/users', { externalId: `raw-${Math.random()}` })).body.user
    const conversation = (await api(a).post('/v2/apps/{appId}/conversations', { type: 'personal', participants: [{ userId: user.id }] })).body.conversation
    return { user, conversation }
  }

  test('paging parameters: both cursors, a size out of 1–100, a cursor that is not in the list: 400', async () => {
    const { user } = await setup()
    const base = `/v2/apps/{appId}/conversations?filter[userId]=${user.id}`
    const id = '0'.repeat(24)
    for (const query of [`&page[after]=${id}&page[before]=${id}`, '&page[size]=0', '&page[size]=101', '&page[size]=x', `&page[after]=${id}`]) {
      const res = await api(a).get(base + query)
      expect(res.status, query).toBe(400)
      expect(res.body.errors[0].code).toBe('bad_request')
    }
    expect((await api(a).get('/v2/apps/{appId}/conversations')).body.errors[0].title).toMatch(/filter\[userId\] or filter\[userExternalId\]/)
  })

  test('links.prev is a URL the business can follow as is', async () => {
    const { conversation } = await setup()
    for (let i = 0; i < 101; i++) {
      a.store.messages.add({ id: `c${i.toString(16).padStart(23, '0')}`, conversationId: conversation.id, received: new Date(1e12 + i).toISOString(),
        author: { type: 'business' }, content: { type: 'text', text: `n${i}` }, source: { type: 'api:conversations' } })
    }
    const latest = await api(a).get(`/v2/apps/{appId}/conversations/${conversation.id}/messages`)
    const prev = await api(a).get(latest.body.links.prev.slice(a.url.length))
    expect(prev.body.messages.map((m: any) => m.content.text)).toEqual(['n0'])
    expect(prev.body.meta).toEqual({ hasMore: false, afterCursor: prev.body.messages[0].id })
    expect(prev.body.links.next).toMatch(/page\[after\]=/)
  })

  test('a conversation holds at most 30,000 messages: 423 locked, nothing stored', async () => {
    const { conversation } = await setup()
    a.store.tx(() => {
      for (let i = 0; i < 30_000; i++) {
        a.store.messages.add({ id: `d${i.toString(16).padStart(23, '0')}`, conversationId: conversation.id, received: new Date(1e12 + i).toISOString(),
          author: { type: 'business' }, content: { type: 'text', text: 'x' }, source: { type: 'api:conversations' } })
      }
    })
    const res = await api(a).post(`/v2/apps/{appId}/conversations/${conversation.id}/messages`, { author: { type: 'business' }, content: { type: 'text', text: 'one more' } })
    expect(res).toEqual({ status: 423, body: { errors: [{ code: 'locked', title: 'Message limit of 30000 per conversation reached.' }] } })
    await api(a).delete(`/v2/apps/{appId}/conversations/${conversation.id}/messages`)
    expect((await api(a).post(`/v2/apps/{appId}/conversations/${conversation.id}/messages`, { author: { type: 'business' }, content: { type: 'text', text: 'one more' } })).status).toBe(201)
  })

  test('updates name unknown fields, and change nothing', async () => {
    const { conversation } = await setup()
    const res = await fetch(`${a.url}/v2/apps/${a.appId}/conversations/${conversation.id}`, {
      method: 'PATCH', headers: { authorization: `Basic ${Buffer.from(`${a.keyId}:${a.keySecret}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'New', type: 'sdkGroup' }),
    })
    expect(res.status).toBe(400)
    expect((await res.json() as any).errors[0].title).toMatch(/type/)
    expect((await api(a).get(`/v2/apps/{appId}/conversations/${conversation.id}`)).body.conversation.displayName).toBeUndefined()
  })

  test('an upload that is not multipart, or has no file: 400', async () => {
    expect((await api(a).post('/v2/apps/{appId}/attachments?access=public', { source: 'x' })).body.errors[0].title).toMatch(/source: a file is required/)
  })

  test('JWT on the v1.1 menu routes too; a bare "Bearer" is 401', async () => {
    const jwt = await new SignJWT({ scope: 'app' }).setProtectedHeader({ alg: 'HS256', kid: a.keyId }).sign(new TextEncoder().encode(a.keySecret))
    expect((await api(a, `Bearer ${jwt}`).get('/v1.1/apps/{appId}/menu')).status).toBe(200)
    expect((await api(a, 'Bearer').get('/v2/apps/{appId}')).status).toBe(401)
  })
})
