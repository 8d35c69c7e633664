/**
 * The User Profile API (docs §6.2): `GET /{PSID}` with the token of the page that issued the PSID, default and
 * requested fields, a picture that really loads, and chats under the EU privacy rules (docs §7).
 */
import { describe, expect } from 'vitest'
import { expectGraphError, get, test, type BaseWorld } from './fixtures.js'
import type { RunningEmulator } from '../../emulator/index.js'

const EU_MESSAGE = '(#10) This action was not submitted due to new privacy rules in Europe. See developer ' +
  'documentation for more info.'

async function setup(emulator: RunningEmulator, w: BaseWorld) {
  const token = (await emulator.client.pageToken(w.appId, w.pageId)).access_token
  return { token, psid: w.doc.people[0]!.psids![w.pageId]! }
}

describe('GET /{PSID}', () => {
  test('without fields: first_name, last_name, profile_pic and id; the picture loads', async ({ emulator, w }) => {
    const { token, psid } = await setup(emulator, w)
    const res = await get(emulator, `/v21.0/${psid}`, token)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ first_name: 'Sam', last_name: 'Lee', profile_pic: expect.any(String), id: psid })
    const pic = await fetch(res.body.profile_pic as string)
    expect(pic.status).toBe(200)
    expect(pic.headers.get('content-type')).toBe('image/svg+xml')
    expect(await pic.text()).toContain('>SL</text>')
  })

  test('requested fields, including locale, timezone and gender', async ({ emulator, w }) => {
    const doc = await emulator.client.addWorld({ people: [{ firstName: 'Ana', lastName: 'Lima', locale: 'pt_BR',
      timezone: -3, gender: 'female', psids: { [w.pageId]: '4100000000000001' } }] })
    const { token } = await setup(emulator, w)
    const psid = doc.people[0]!.psids![w.pageId]!
    const res = await get(emulator, `/${psid}`, token, { fields: 'name,first_name,locale,timezone,gender' })
    expect(res.body).toEqual({ name: 'Ana Lima', first_name: 'Ana', locale: 'pt_BR', timezone: -3, gender: 'female',
      id: psid })
  })

  test('an unknown field is (#100) nonexisting field', async ({ emulator, w }) => {
    const { token, psid } = await setup(emulator, w)
    expectGraphError(await get(emulator, `/${psid}`, token, { fields: 'first_name,email' }), {
      code: 100, message: '(#100) Tried accessing nonexisting field (email) on node type (User)',
    })
  })

  test("a PSID of another page is 100/33, as an unknown id is", async ({ emulator, w }) => {
    const other = await emulator.client.addWorld({ pages: [{ name: 'Other', admins: [w.ownerId] }],
      people: [{ firstName: 'Kai', lastName: 'Ito' }] })
    const { token } = await setup(emulator, w)
    const foreign = other.people[0]!.psids![other.pages[0]!.id!]!
    expectGraphError(await get(emulator, `/${foreign}`, token), {
      code: 100, subcode: 33, type: 'GraphMethodException',
      message: new RegExp(`^Unsupported get request\\. Object with ID '${foreign}' does not exist`),
    })
  })

  test('a user token is refused', async ({ emulator, w }) => {
    const { psid } = await setup(emulator, w)
    const user = await emulator.client.userToken(w.ownerId, w.appId, ['pages_messaging'])
    expectGraphError(await get(emulator, `/${psid}`, user.access_token), { status: 403, code: 200 })
  })
})

describe('chats under the EU privacy rules', () => {
  test.for([
    ['a person in Europe', true, false],
    ['a page in Europe', false, true],
  ] as const)('%s: id and names only; the picture, locale, timezone, gender are (#10) 2018336',
    async ([, personEea, pageEea], { emulator, w }) => {
      const doc = await emulator.client.addWorld({
        pages: [{ name: 'Shop', admins: [w.ownerId], eea: pageEea }],
        people: [{ firstName: 'Eva', lastName: 'Berg', eea: personEea }],
      })
      const pageId = doc.pages[0]!.id!
      const psid = doc.people[0]!.psids![pageId]!
      const token = (await emulator.client.pageToken(w.appId, pageId)).access_token
      expect((await get(emulator, `/${psid}`, token)).body).toEqual({ first_name: 'Eva', last_name: 'Berg', id: psid })
      expect((await get(emulator, `/${psid}`, token, { fields: 'id,name,first_name,last_name' })).body)
        .toEqual({ id: psid, name: 'Eva Berg', first_name: 'Eva', last_name: 'Berg' })
      for (const field of ['profile_pic', 'locale', 'timezone', 'gender']) {
        expectGraphError(await get(emulator, `/${psid}`, token, { fields: `first_name,${field}` }), {
          code: 10, subcode: 2018336, type: 'OAuthException', message: EU_MESSAGE,
        })
      }
    })
})
