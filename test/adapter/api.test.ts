import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RunningAdapter } from '../../adapter/index.js'
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

  test('keys can be created, read and deleted', async () => {
    const created = await api(a).post('/v2/apps/{appId}/keys', { displayName: 'ci' })
    expect(created.status).toBe(201)
    expect(created.body.key.secret.length).toBeGreaterThanOrEqual(32)
    const other = api(a, `Basic ${Buffer.from(`${created.body.key.id}:${created.body.key.secret}`).toString('base64')}`)
    expect((await other.get('/v2/apps/{appId}')).status).toBe(200)
    expect((await api(a).delete(`/v2/apps/{appId}/keys/${created.body.key.id}`)).status).toBe(200)
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
    expect(tooMany.body.errors[0].title).toMatch(/1 to 3 items at its first level/)
    const sub = (items: unknown[]) => ({ type: 'submenu', text: 'More', items })
    const tooDeep = await api(a).put('/v1.1/apps/{appId}/menu', { items: [sub([sub([sub([{ type: 'postback', text: 'x', payload: 'x' }])])])] })
    expect(tooDeep.body.errors[0].title).toMatch(/at most 3 levels/)
    const bigSub = await api(a).put('/v1.1/apps/{appId}/menu', { items: [sub(Array.from({ length: 6 }, (_, i) => ({ type: 'postback', text: `S${i}`, payload: 'x' })))] })
    expect(bigSub.body.errors[0].title).toMatch(/items\[0\]\.items: a submenu has 1 to 5 items \(got 6\)/)
    const ok = await api(a).put('/v1.1/apps/{appId}/menu', { items: [{ type: 'link', text: 'Site', uri: 'https://acme.test' }, sub([{ type: 'postback', text: 'Hours', payload: 'HOURS' }])] })
    expect(ok.status).toBe(200)
    expect(ok.body.menu.items[1].items[0]._id).toHaveLength(24)
    expect((await api(a).get('/v1.1/apps/{appId}/menu')).body.menu.items).toHaveLength(2)
  })
})
