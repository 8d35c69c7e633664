/**
 * Graph's User node with a user token (docs §20): every field a login library asks for, fields the token may not
 * read left out (with a warning), unknown ones refused; the picture field's forms and the /picture edge. Judged also
 * by the clients people log in with: passport-facebook's Strategy and Meta's facebook-nodejs-business-sdk.
 */
import { describe, expect } from 'vitest'
import { Strategy, type Profile } from 'passport-facebook'
import { FacebookAdsApi, User } from 'facebook-nodejs-business-sdk'
import { emulatorTest, expectGraphError, get } from './fixtures.js'
import type { CompleteWorldDocument } from '../../emulator/control/types.js'

interface LoginWorld { doc: CompleteWorldDocument; appId: string; secret: string; patId: string; kimId: string }

const test = emulatorTest.extend('w', async ({ emulator }): Promise<LoginWorld> => {
  await emulator.client.reset()
  const doc = await emulator.client.addWorld({
    apps: [{ name: 'Acme Login' }],
    accounts: [
      { name: 'Pat Quinn Owner', middleName: 'Quinn', email: 'pat@example.com', birthday: '04/15/1990', gender: 'female' },
      { name: 'Kim Stranger' },
    ],
  })
  return { doc, appId: doc.apps[0]!.id, secret: doc.apps[0]!.secret!, patId: doc.accounts[0]!.id, kimId: doc.accounts[1]!.id }
})

const token = async (emulator: { client: { userToken(a: string, b: string, s: string[]): Promise<{ access_token: string }> } },
  accountId: string, appId: string, scopes: string[]) => (await emulator.client.userToken(accountId, appId, scopes)).access_token

describe('GET /me with a user token', () => {
  test("answers every field passport-facebook asks for, middle_name included", async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, ['email'])
    const res = await get(emulator, '/v3.2/me', pat, { fields: 'id,name,last_name,first_name,middle_name,email' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ id: w.patId, name: 'Pat Quinn Owner', last_name: 'Owner', first_name: 'Pat',
      middle_name: 'Quinn', email: 'pat@example.com' })
    expect(res.headers.get('x-emulator-warning')).toBeNull()
  })

  test('without fields: id and name; short_name, name_format, link and age_range as Graph gives them', async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, ['user_link', 'user_age_range', 'user_birthday', 'user_gender'])
    expect((await get(emulator, '/me', pat)).body).toEqual({ id: w.patId, name: 'Pat Quinn Owner' })
    const res = await get(emulator, `/${w.patId}`, pat, { fields: 'short_name,name_format,link,age_range,birthday,gender' })
    expect(res.body).toEqual({ short_name: 'Pat', name_format: '{first} {middle} {last}',
      link: `https://www.facebook.com/app_scoped_user_id/${w.patId}/`, age_range: { min: 21 }, birthday: '04/15/1990',
      gender: 'female', id: w.patId })
  })

  test('a field the token may not read is left out, as Facebook does, and the call says why', async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, [])
    const res = await get(emulator, '/me', pat, { fields: 'id,name,email,birthday,gender,locale,timezone' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ id: w.patId, name: 'Pat Quinn Owner' })
    const [entry] = (await emulator.client.requests({ limit: 1 })).data
    expect(entry!.warnings.map((x) => x.message)).toEqual([
      'email was left out of the answer, as Facebook does without an error: the token lacks the email permission.',
      'birthday was left out of the answer, as Facebook does without an error: the token lacks the user_birthday permission.',
      'gender was left out of the answer, as Facebook does without an error: the token lacks the user_gender permission.',
      expect.stringMatching(/^locale was left out .*: no permission gives apps a user's locale any more/),
      expect.stringMatching(/^timezone was left out .*: no permission gives apps a user's timezone any more/),
    ])
    expect(res.headers.get('x-emulator-warning')).toMatch(/^userFieldWithheld: email was left out/)
  })

  test('an account without an email answers none even with the permission; another account is read by its public fields',
    async ({ emulator, w }) => {
      const kim = await token(emulator, w.kimId, w.appId, ['email'])
      expect((await get(emulator, '/me', kim, { fields: 'first_name,last_name,middle_name,email' })).body)
        .toEqual({ first_name: 'Kim', last_name: 'Stranger', id: w.kimId })
      expect((await get(emulator, `/${w.patId}`, kim, { fields: 'name,email' })).body)
        .toEqual({ name: 'Pat Quinn Owner', id: w.patId })
    })

  test('a field the User node does not have is refused', async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, [])
    expectGraphError(await get(emulator, '/me', pat, { fields: 'id,middle_nam' }), {
      code: 100, type: 'OAuthException', message: '(#100) Tried accessing nonexisting field (middle_nam) on node type (User)' })
  })

  test('picture, picture.type(large), picture.width(…).height(…) and picture{url}', async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, [])
    const picture = async (field: string) => (await get(emulator, '/me', pat, { fields: field })).body.picture
    const url = (size: number) => `${emulator.url}/_emulator/accounts/${w.patId}/picture?size=${size}`
    expect(await picture('picture')).toEqual({ data: { height: 50, width: 50, is_silhouette: false, url: url(50) } })
    expect((await picture('picture.type(large)')).data).toMatchObject({ width: 200, height: 200, url: url(200) })
    expect((await picture('picture.width(120).height(120)')).data).toMatchObject({ width: 120, height: 120 })
    expect(await picture('picture{url}')).toEqual({ data: { url: url(50) } })
    const both = await get(emulator, '/me', pat, { fields: 'name,picture.type(normal){url,width},id' })
    expect(both.body).toEqual({ name: 'Pat Quinn Owner', picture: { data: { url: url(100), width: 100 } }, id: w.patId })
    expectGraphError(await get(emulator, '/me', pat, { fields: 'picture.type(huge)' }), { code: 100, message: /Param type must be one of/ })
    const image = await fetch(url(200))
    expect(image.headers.get('content-type')).toBe('image/svg+xml')
    expect(await image.text()).toMatch(/^<svg [^>]*width="200" height="200".*>PO<\/text><\/svg>$/)
  })

  test('GET /{user-id}/picture redirects to the image; redirect=false answers its data', async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, [])
    const res = await fetch(`${emulator.url}/v21.0/${w.patId}/picture?type=large&access_token=${pat}`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`${emulator.url}/_emulator/accounts/${w.patId}/picture?size=200`)
    expect((await get(emulator, '/me/picture', pat, { redirect: 'false', width: '64' })).body).toEqual({
      data: { height: 64, width: 64, is_silhouette: false, url: `${emulator.url}/_emulator/accounts/${w.patId}/picture?size=64` } })
  })
})

describe('the world document', () => {
  test('carries the User node data and round-trips it; a wrong birthday is refused', async ({ emulator, w }) => {
    const exported = await emulator.client.exportWorld()
    expect(exported.accounts).toEqual([
      { id: w.patId, name: 'Pat Quinn Owner', eea: false, middleName: 'Quinn', email: 'pat@example.com',
        birthday: '04/15/1990', gender: 'female' },
      { id: w.kimId, name: 'Kim Stranger', eea: false },
    ])
    await emulator.client.reset()
    await emulator.client.addWorld(exported)
    expect(await emulator.client.exportWorld()).toEqual(exported)
    await expect(emulator.client.addWorld({ accounts: [{ name: 'Al', birthday: '1990-04-15' }] }))
      .rejects.toThrow(/birthday is MM\/DD\/YYYY, MM\/DD or YYYY/)
  })
})

describe('judged by the official clients', () => {
  test("passport-facebook's Strategy builds the profile from the emulator's /me", async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, ['email', 'user_gender', 'user_link'])
    const strategy = new Strategy({
      clientID: w.appId, clientSecret: w.secret, callbackURL: 'https://app.example/callback',
      authorizationURL: `${emulator.url}/v3.2/dialog/oauth`, tokenURL: `${emulator.url}/v3.2/oauth/access_token`,
      profileURL: `${emulator.url}/v3.2/me`, enableProof: true,
      profileFields: ['id', 'displayName', 'name', 'gender', 'profileUrl', 'emails', 'photos'],
    }, () => undefined)
    const profile = await new Promise<Profile>((resolve, reject) =>
      strategy.userProfile(pat, (err, p) => (err ? reject(err) : resolve(p!))))
    expect(profile).toMatchObject({
      provider: 'facebook', id: w.patId, displayName: 'Pat Quinn Owner',
      name: { familyName: 'Owner', givenName: 'Pat', middleName: 'Quinn' }, gender: 'female',
      profileUrl: `https://www.facebook.com/app_scoped_user_id/${w.patId}/`, emails: [{ value: 'pat@example.com' }],
      photos: [{ value: `${emulator.url}/_emulator/accounts/${w.patId}/picture?size=50` }],
    })
    // It sent appsecret_proof (enableProof), which the emulator checked.
    expect((await emulator.client.requests({ limit: 1 })).data[0]!.params).toMatchObject({ appsecret_proof: '[redacted]' })
  })

  test("passport-facebook sees Graph's error for a field the User node does not have", async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, [])
    const strategy = new Strategy({ clientID: w.appId, clientSecret: w.secret, callbackURL: 'https://app.example/cb',
      profileURL: `${emulator.url}/me`, profileFields: ['id', 'shoe_size'] }, () => undefined)
    const err = await new Promise<unknown>((resolve) => strategy.userProfile(pat, resolve))
    expect(err).toMatchObject({ name: 'FacebookGraphAPIError', code: 100,
      message: '(#100) Tried accessing nonexisting field (shoe_size) on node type (User)' })
  })

  test("Meta's business SDK reads /me once its Graph URL points at the emulator", async ({ emulator, w }) => {
    const pat = await token(emulator, w.patId, w.appId, ['email'])
    // The SDK has no setting for its base URL: FacebookAdsApi.GRAPH is a static getter answering graph.facebook.com.
    const graphUrl = Object.getOwnPropertyDescriptor(FacebookAdsApi, 'GRAPH')!
    Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => emulator.url, configurable: true })
    try {
      FacebookAdsApi.init(pat, 'en_US', false)
      const me = await new User('me').get(['id', 'name', 'first_name', 'middle_name', 'last_name', 'email', 'picture.type(large)'])
      expect(me.exportAllData()).toMatchObject({ id: w.patId, name: 'Pat Quinn Owner', first_name: 'Pat',
        middle_name: 'Quinn', last_name: 'Owner', email: 'pat@example.com', picture: { data: { width: 200 } } })
      const [entry] = (await emulator.client.requests({ limit: 1 })).data
      expect(entry).toMatchObject({ path: '/me', version: FacebookAdsApi.VERSION, status: 200 })
      await expect(new User('me').get(['id', 'colour'])).rejects.toMatchObject({ status: 400,
        response: { code: 100, type: 'OAuthException', message: '(#100) Tried accessing nonexisting field (colour) on node type (User)' } })
    } finally {
      Object.defineProperty(FacebookAdsApi, 'GRAPH', graphUrl)
    }
  })
})
