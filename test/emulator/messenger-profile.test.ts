/**
 * The Messenger Profile API over HTTP (docs §6.1): set, read and delete with a page token, in the encodings real
 * clients use, per requested Graph version; refusals change nothing; pages under the EU privacy rules (docs §7).
 */
import { describe, expect } from 'vitest'
import { expectGraphError, get, graph, test, type BaseWorld } from './fixtures.js'
import type { RunningEmulator } from '../../emulator/index.js'

async function pageToken(emulator: RunningEmulator, w: BaseWorld, pageId = w.pageId): Promise<string> {
  return (await emulator.client.pageToken(w.appId, pageId)).access_token
}

function post(emulator: RunningEmulator, path: string, token: string, body: unknown) {
  return graph(emulator, `${path}?access_token=${token}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  })
}

const FIELDS = 'get_started,greeting,persistent_menu,ice_breakers,whitelisted_domains'
const readProfile = (emulator: RunningEmulator, token: string, fields = FIELDS) =>
  get(emulator, '/v21.0/me/messenger_profile', token, { fields })

const postback = (n: number) => ({ type: 'postback', title: `Item ${n}`, payload: `P${n}` })
const menu = (items: unknown[]) => [{ locale: 'default', composer_input_disabled: false, call_to_actions: items }]

describe('set, read, delete', () => {
  test('POST any subset answers success and GET answers exactly what was set', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    expect((await readProfile(emulator, token)).body).toEqual({ data: [] })
    const profile = {
      get_started: { payload: 'GET_STARTED' },
      greeting: [{ locale: 'default', text: 'Hello {{user_first_name}}!' }],
      persistent_menu: menu([postback(1), { type: 'web_url', title: 'Shop', url: 'https://example.com' }]),
    }
    const set = await post(emulator, '/v21.0/me/messenger_profile', token, profile)
    expect(set).toMatchObject({ status: 200, body: { result: 'success' } })
    expect((await readProfile(emulator, token)).body).toEqual({ data: [profile] })
    expect((await readProfile(emulator, token, 'greeting')).body).toEqual({ data: [{ greeting: profile.greeting }] })
    // The page-id form is the same object.
    expect((await get(emulator, `/${w.pageId}/messenger_profile`, token, { fields: 'get_started' })).body)
      .toEqual({ data: [{ get_started: { payload: 'GET_STARTED' } }] })
  })

  test('a form body with JSON-string values sets the same thing', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    const form = new URLSearchParams({
      access_token: token, whitelisted_domains: JSON.stringify(['https://shop.example']),
      ice_breakers: JSON.stringify([{ question: 'Hours?', payload: 'HOURS' }]),
    })
    const res = await graph(emulator, '/me/messenger_profile', { method: 'POST', body: form })
    expect(res.body).toEqual({ result: 'success' })
    expect((await readProfile(emulator, token, 'ice_breakers,whitelisted_domains')).body.data[0]).toEqual({
      ice_breakers: [{ question: 'Hours?', payload: 'HOURS' }], whitelisted_domains: ['https://shop.example'],
    })
  })

  test('DELETE takes fields as a JSON array in the body, a comma string, or via ?method=delete', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    await post(emulator, '/me/messenger_profile', token, {
      get_started: { payload: 'G' }, greeting: [{ locale: 'default', text: 'Hi' }],
      whitelisted_domains: ['https://a.example'],
    })
    const viaBody = await graph(emulator, `/v21.0/me/messenger_profile?access_token=${token}`, {
      method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: ['greeting'] }),
    })
    expect(viaBody.body).toEqual({ result: 'success' })
    const viaQuery = await graph(emulator,
      `/me/messenger_profile?method=delete&fields=whitelisted_domains&access_token=${token}`, { method: 'POST' })
    expect(viaQuery.body).toEqual({ result: 'success' })
    expect((await readProfile(emulator, token)).body).toEqual({ data: [{ get_started: { payload: 'G' } }] })
  })

  test('GET and DELETE require fields', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    expectGraphError(await get(emulator, '/me/messenger_profile', token), {
      code: 100, message: '(#100) The parameter fields is required',
    })
    const del = await graph(emulator, `/me/messenger_profile?access_token=${token}`, { method: 'DELETE' })
    expectGraphError(del, { code: 100, message: '(#100) The parameter fields is required' })
  })
})

describe('refusals change nothing', () => {
  test('one bad property refuses the whole POST', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    const res = await post(emulator, '/me/messenger_profile', token, {
      get_started: { payload: 'G' }, greeting: [{ locale: 'en_US', text: 'Hi' }],
    })
    expectGraphError(res, { code: 100, type: 'OAuthException', message: /greeting must contain an entry with locale "default"/ })
    expect((await readProfile(emulator, token)).body).toEqual({ data: [] })
  })

  test('a menu without Get Started is 100/2018145', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    expectGraphError(await post(emulator, '/me/messenger_profile', token, { persistent_menu: menu([postback(1)]) }), {
      code: 100, subcode: 2018145,
      message: '(#100) You must set a Get Started button if you also wish to use persistent menu.',
    })
    expect((await readProfile(emulator, token)).body).toEqual({ data: [] })
  })

  test('deleting Get Started from under a menu is refused', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    await post(emulator, '/me/messenger_profile', token, { get_started: { payload: 'G' }, persistent_menu: menu([postback(1)]) })
    const res = await graph(emulator, `/me/messenger_profile?fields=get_started&access_token=${token}`,
      { method: 'DELETE' })
    expectGraphError(res, { code: 100, subcode: 2018145 })
    expect((await readProfile(emulator, token, 'get_started')).body.data).toHaveLength(1)
  })
})

describe('the menu follows the requested Graph version', () => {
  const nested = { type: 'nested', title: 'More', call_to_actions: [postback(1), postback(2)] }

  test('nested items: accepted on v7.0, (#11) on v8.0 and unversioned (served as v21.0)', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    const body = { get_started: { payload: 'G' }, persistent_menu: menu([nested]) }
    expect((await post(emulator, '/v7.0/me/messenger_profile', token, body)).body).toEqual({ result: 'success' })
    for (const path of ['/v8.0/me/messenger_profile', '/me/messenger_profile']) {
      expectGraphError(await post(emulator, path, token, body), {
        code: 11, message: '(#11) Setting of Nested Persistent Menu has been deprecated for v8.0 and higher',
      })
    }
  })

  test('four top-level items: (#105) on v2.6, accepted on v21.0', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    const body = { get_started: { payload: 'G' }, persistent_menu: menu([1, 2, 3, 4].map(postback)) }
    expectGraphError(await post(emulator, '/v2.6/me/messenger_profile', token, body), { code: 105 })
    expect((await post(emulator, '/v21.0/me/messenger_profile', token, body)).body).toEqual({ result: 'success' })
  })
})

describe('who may call it', () => {
  test('a page token without pages_messaging is (#230)', async ({ emulator, w }) => {
    const user = await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list'])
    const accounts = await get(emulator, '/me/accounts', user.access_token)
    const token = accounts.body.data[0].access_token as string
    expectGraphError(await readProfile(emulator, token), {
      status: 403, code: 230, message: '(#230) Requires pages_messaging permission to manage the object',
    })
  })

  test("a user token is (#200); another page's token is 100/33", async ({ emulator, w }) => {
    const user = await emulator.client.userToken(w.ownerId, w.appId, ['pages_show_list', 'pages_messaging'])
    expectGraphError(await get(emulator, `/${w.pageId}/messenger_profile`, user.access_token, { fields: FIELDS }),
      { status: 403, code: 200 })
    const other = await emulator.client.addWorld({ pages: [{ name: 'Other', admins: [w.ownerId] }] })
    const otherToken = await pageToken(emulator, w, other.pages[0]!.id!)
    expectGraphError(await get(emulator, `/${w.pageId}/messenger_profile`, otherToken, { fields: FIELDS }),
      { code: 100, subcode: 33 })
  })
})

describe('pages under the EU privacy rules (docs §7)', () => {
  test('subject_to_new_eu_privacy_rules is false for an ordinary page', async ({ emulator, w }) => {
    const token = await pageToken(emulator, w)
    expect((await readProfile(emulator, token, 'subject_to_new_eu_privacy_rules')).body)
      .toEqual({ data: [{ subject_to_new_eu_privacy_rules: false }] })
  })

  test.for([
    ['a page in Europe', { name: 'Berlin', eea: true }, []],
    ['a page with an admin in Europe', { name: 'Remote' }, ['Ines EU']],
  ] as const)('%s: flag true, persistent menu refused (10/2018336), the rest accepted',
  async ([, page, admins], { emulator, w }) => {
    const added = await emulator.client.addWorld({
      accounts: [{ name: 'Ines EU', eea: true }], pages: [{ ...page, admins: [w.ownerId, ...admins] }],
    })
    const token = await pageToken(emulator, w, added.pages[0]!.id!)
    expect((await readProfile(emulator, token, 'subject_to_new_eu_privacy_rules')).body)
      .toEqual({ data: [{ subject_to_new_eu_privacy_rules: true }] })
    const res = await post(emulator, '/me/messenger_profile', token, {
      get_started: { payload: 'G' }, persistent_menu: menu([postback(1)]),
    })
    expectGraphError(res, {
      code: 10, subcode: 2018336, type: 'OAuthException',
      message: '(#10) This action was not submitted due to new privacy rules in Europe. See developer documentation ' +
        'for more info.',
    })
    expect((await readProfile(emulator, token)).body).toEqual({ data: [] })
    expect((await post(emulator, '/me/messenger_profile', token, { get_started: { payload: 'G' } })).body)
      .toEqual({ result: 'success' })
  })
})
