/**
 * `/me/accounts` and `GET /{page-id}` (docs §1.5): the pages an account has a role on and allowed the app, each with
 * its page token, cursor paging in both directions, and the seed's server-to-server call with client_id and
 * client_secret.
 */
import { describe, expect } from 'vitest'
import { expectGraphError, get, test, type BaseWorld, type GraphResponse } from './fixtures.js'
import type { RunningEmulator } from '../../emulator/index.js'

/** 30 pages the owner administers, plus one the stranger administers. */
async function manyPages(emulator: RunningEmulator, w: BaseWorld): Promise<string[]> {
  const doc = await emulator.client.addWorld({
    pages: [
      ...Array.from({ length: 29 }, (_, i) => ({ name: `Branch ${i + 1}`, admins: [w.ownerId] })),
      { name: 'Not theirs', admins: [w.strangerId] },
    ],
  })
  return [w.pageId, ...doc.pages.slice(0, 29).map((p) => p.id!)]
}

async function userToken(emulator: RunningEmulator, w: BaseWorld): Promise<string> {
  return (await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list', 'pages_messaging'])).access_token
}

/** Follows `paging[direction]` links until there are none; answers every page of results. */
async function follow(first: GraphResponse, direction: 'next' | 'previous'): Promise<GraphResponse[]> {
  const pages = [first]
  for (let link = first.body.paging?.[direction]; link; link = pages.at(-1)!.body.paging?.[direction]) {
    const res = await fetch(link as string)
    pages.push({ status: res.status, headers: res.headers, body: await res.json() })
  }
  return pages
}

describe('/me/accounts', () => {
  test('pages through 30 pages with after/next and back with before/previous', async ({ emulator, w }) => {
    const expected = await manyPages(emulator, w)
    const token = await userToken(emulator, w)
    const forward = await follow(await get(emulator, '/v21.0/me/accounts', token, { limit: '7' }), 'next')
    expect(forward.map((p) => p.body.data.length)).toEqual([7, 7, 7, 7, 2])
    const items = forward.flatMap((p) => p.body.data)
    expect(items.map((p) => p.id)).toEqual(expected)
    expect(forward.at(-1)!.body.paging).not.toHaveProperty('next')
    expect(forward[0]!.body.paging).not.toHaveProperty('previous')
    expect(forward[0]!.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) })

    const back = await follow(forward.at(-1)!, 'previous')
    expect(back.flatMap((p) => p.body.data).map((p) => p.id).length).toBe(30)
    expect(back.at(-1)!.body.data.map((p: { id: string }) => p.id)).toEqual(expected.slice(0, 7))

    // Each page comes with its own working page token and the admin's tasks.
    expect(items[3]).toMatchObject({
      id: expected[3], name: 'Branch 3', category: 'Brand', access_token: expect.stringMatching(/^EAA/),
      category_list: [{ id: expect.any(String), name: 'Brand' }], tasks: expect.arrayContaining(['MESSAGING']),
    })
    expect((await get(emulator, '/me', items[3].access_token)).body).toEqual({ id: expected[3], name: 'Branch 3' })
  })

  test('the default page size is 25; limit is capped at 500', async ({ emulator, w }) => {
    await manyPages(emulator, w)
    const token = await userToken(emulator, w)
    const first = await get(emulator, '/me/accounts', token)
    expect(first.body.data).toHaveLength(25)
    expect(first.body.paging.next).toContain('limit=25')
    const all = await get(emulator, '/me/accounts', token, { limit: '100000000000' })
    expect(all.body.data).toHaveLength(30)
    expect(all.body.paging).not.toHaveProperty('next')
  })

  test('only pages with a role and chosen in the dialog, and only with pages_show_list', async ({ emulator, w }) => {
    const pages = await manyPages(emulator, w)
    const token = await userToken(emulator, w)
    // "Choose what you allow": the owner picked only two of their pages.
    const consent = emulator.world.consents.get(w.appId, w.ownerId)!
    emulator.world.consents.save({ ...consent, pageIds: [pages[1]!, pages[5]!] })
    const res = await get(emulator, '/me/accounts', token)
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([pages[1], pages[5]])

    const noList = await emulator.client.userToken(w.strangerId, w.appId, ['pages_messaging'])
    expect((await get(emulator, '/me/accounts', noList.access_token)).body).toEqual({ data: [] })
  })

  test('fields= picks what each page answers', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const res = await get(emulator, '/me/accounts', token, { fields: 'name,access_token' })
    expect(res.body.data).toEqual([{ id: w.pageId, name: 'Acme', access_token: expect.stringMatching(/^EAA/) }])
  })

  test('the seed\'s call with client_id and client_secret; wrong ones are refused', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    const ok = await get(emulator, '/me/accounts', token, { client_id: w.appId, client_secret: w.appSecret, limit: '500' })
    expect(ok.body.data).toHaveLength(1)
    expectGraphError(await get(emulator, '/me/accounts', token, { client_id: '42', client_secret: w.appSecret }),
      { code: 101 })
    expectGraphError(await get(emulator, '/me/accounts', token, { client_id: w.appId, client_secret: 'f'.repeat(32) }),
      { code: 1, message: 'Error validating client secret.' })
  })

  test.for([
    ['limit=0', { limit: '0' }], ['limit=-3', { limit: '-3' }], ['limit=abc', { limit: 'abc' }],
    ['limit=1.5', { limit: '1.5' }], ['a cursor that is not ours', { after: 'not-a-cursor!' }],
    ['an empty-looking cursor', { before: '====' }], ['fields=[broken', { fields: '[broken' }],
  ] as const)('%s is a (#100) parameter error', async ([, query], { emulator, w }) => {
    const token = await userToken(emulator, w)
    expectGraphError(await get(emulator, '/me/accounts', token, query), { code: 100, type: 'OAuthException',
      message: /^\(#100\) / })
  })

  test('another account\'s pages are not listed to this token', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    expectGraphError(await get(emulator, `/${w.strangerId}/accounts`, token), { status: 403, code: 200 })
  })

  test('an app token cannot list pages: /me is no one (2500)', async ({ emulator, w }) => {
    expectGraphError(await get(emulator, '/me/accounts', `${w.appId}|${w.appSecret}`), { code: 2500 })
  })
})

describe('GET /{page-id}', () => {
  test('answers name and id, or the fields asked for, access_token included', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    expect((await get(emulator, `/${w.pageId}`, token)).body).toEqual({ name: 'Acme', id: w.pageId })
    const res = await get(emulator, `/v21.0/${w.pageId}`, token, { fields: 'access_token,category' })
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^EAA/), category: 'Brand', id: w.pageId })
    expect((await get(emulator, '/me', res.body.access_token)).body.id).toBe(w.pageId)
  })

  test('an unknown field is (#100) nonexisting field on node type (Page)', async ({ emulator, w }) => {
    const token = await userToken(emulator, w)
    expectGraphError(await get(emulator, `/${w.pageId}`, token, { fields: 'name,shoe_size' }), {
      code: 100, type: 'OAuthException',
      message: '(#100) Tried accessing nonexisting field (shoe_size) on node type (Page)',
    })
  })

  test('someone without a role on the page gets no page token (#200)', async ({ emulator, w }) => {
    const theirs = await emulator.client.userToken(w.strangerId, w.appId, ['pages_show_list'])
    expectGraphError(await get(emulator, `/${w.pageId}`, theirs.access_token, { fields: 'access_token' }),
      { status: 403, code: 200 })
  })
})
