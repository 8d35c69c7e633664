/**
 * The Messenger Profile rules as a pure function (docs §6.1): what a POST may set, per requested Graph version, and
 * the exact catalogue error for each way it can be wrong.
 */
import { describe, expect, test } from 'vitest'
import {
  checkProfileDelete, graphVersionNumber, profileFields, validateProfileUpdate, type ProfileRuleContext,
} from '../../emulator/messenger/profile-rules.js'
import { GraphError } from '../../emulator/facebook/errors.js'
import { Leniency } from '../../emulator/facebook/leniency.js'
import type { MessengerProfile } from '../../emulator/world/messenger-profiles.js'

const ctx = (over: Partial<ProfileRuleContext> = {}): ProfileRuleContext => ({
  version: 'v21.0', current: { get_started: { payload: 'GET_STARTED' } }, eeaRestricted: false, leniency: new Leniency(),
  ...over,
})
const codes = (c: ProfileRuleContext) => c.leniency.warnings.map((w) => w.code)

const postback = (n: number) => ({ type: 'postback', title: `Item ${n}`, payload: `P${n}` })
const menu = (items: unknown[], extra: Record<string, unknown> = {}) =>
  [{ locale: 'default', composer_input_disabled: false, call_to_actions: items, ...extra }]

/** Runs the rule and answers the Graph error body it throws (code, subcode, message). */
function refusal(input: Record<string, unknown>, context = ctx()) {
  try {
    validateProfileUpdate(input, context)
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError)
    const { code, error_subcode, message } = (err as GraphError).body('t').error
    return { code, subcode: error_subcode, message }
  }
  throw new Error('expected the rule to refuse the input')
}

describe('graphVersionNumber', () => {
  test.each([['v7.0', 7], ['v8.0', 8], ['v2.6', 2.6], ['v21.0', 21], [null, 21]])('%s → %s', (v, n) => {
    expect(graphVersionNumber(v)).toBe(n)
  })
})

describe('accepted input', () => {
  test('the full example of the reference is stored as given', () => {
    const input = {
      get_started: { payload: 'GET_STARTED' },
      greeting: [{ locale: 'default', text: 'Hello {{user_first_name}}!' }, { locale: 'en_US', text: 'Hi' }],
      persistent_menu: menu([postback(1),
        { type: 'web_url', title: 'Shop now', url: 'https://example.com', webview_height_ratio: 'full' }],
      { disabled_surfaces: ['CUSTOMER_CHAT_PLUGIN'] }),
      ice_breakers: [{ locale: 'default', call_to_actions: [{ question: 'Where are you?', payload: 'LOCATION' }] }],
      whitelisted_domains: ['https://example.com'],
    }
    expect(validateProfileUpdate(input, ctx({ current: undefined }))).toEqual(input)
  })

  test('from v8.0 the top level takes 20 items', () => {
    const items = Array.from({ length: 20 }, (_, i) => postback(i))
    expect(validateProfileUpdate({ persistent_menu: menu(items) }, ctx()).persistent_menu![0]!.call_to_actions)
      .toHaveLength(20)
  })

  test('below v8.0 nested submenus are accepted, three levels deep, with one warning of what v8.0 removed', () => {
    const nested = { type: 'nested', title: 'More', call_to_actions: [
      { type: 'nested', title: 'Even more', call_to_actions: [postback(1)] }, postback(2)] }
    const v7 = ctx({ version: 'v7.0' })
    const out = validateProfileUpdate({ persistent_menu: menu([nested, postback(3)]) }, v7)
    expect(out.persistent_menu![0]!.call_to_actions![0]!.call_to_actions![0]!.call_to_actions).toHaveLength(1)
    expect(v7.leniency.warnings).toEqual([expect.objectContaining({ code: 'nestedMenuDeprecated',
      message: expect.stringMatching(/^persistent_menu has nested items: v7\.0 still accepts them/) })])
  })

  test('ice breakers in the old flat format are accepted, with a warning (also under strict)', () => {
    const flat = [{ question: 'Hours?', payload: 'HOURS' }]
    for (const strict of [false, true]) {
      const c = ctx({ leniency: new Leniency(strict) })
      expect(validateProfileUpdate({ ice_breakers: flat }, c).ice_breakers).toEqual(flat)
      expect(codes(c)).toEqual(['iceBreakersFlatFormat'])
    }
  })

  test('a greeting over 160 characters and a menu title over 30 are kept whole, with warnings (docs §21)', () => {
    const c = ctx()
    const greeting = [{ locale: 'default', text: 'g'.repeat(161) }]
    const long = { ...postback(1), title: 'Talk to a person about your order' }
    const out = validateProfileUpdate({ greeting, persistent_menu: menu([long]) }, c)
    expect(out.greeting).toEqual(greeting)
    expect(out.persistent_menu![0]!.call_to_actions![0]!.title).toBe(long.title)
    expect(c.leniency.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^greeting\[0\]\[text\] is longer than 160 characters/),
      expect.stringMatching(/^persistent_menu\[0\]\[call_to_actions\]\[0\]\[title\] is longer than 30 characters/),
    ])
  })

  test('the full example of the reference gives no warning', () => {
    const c = ctx()
    validateProfileUpdate({ greeting: [{ locale: 'default', text: 'Hello {{user_first_name}}!' }], persistent_menu: menu([postback(1)]) }, c)
    expect(c.leniency.warnings).toEqual([])
  })

  test('a menu may come with its get_started in the same call', () => {
    const out = validateProfileUpdate({ get_started: { payload: 'GO' }, persistent_menu: menu([postback(1)]) },
      ctx({ current: undefined }))
    expect(out.get_started).toEqual({ payload: 'GO' })
  })
})

describe('refused input', () => {
  test.each([
    ['nested items from v8.0', { persistent_menu: menu([{ type: 'nested', title: 'M', call_to_actions: [postback(1)] }]) },
      { code: 11, message: '(#11) Setting of Nested Persistent Menu has been deprecated for v8.0 and higher' }],
    ['21 top-level items', { persistent_menu: menu(Array.from({ length: 21 }, (_, i) => postback(i))) },
      { code: 105, message: '(#105) param persistent_menu[0][call_to_actions] has too many elements' }],
    ['a payload over 1000 characters', { persistent_menu: menu([{ ...postback(1), payload: 'p'.repeat(1001) }]) },
      { code: 100, message: /persistent_menu\[0\]\[call_to_actions\]\[0\]\[payload\] must be less than or equal to 1000/ }],
    ['a call button in the menu', { persistent_menu: menu([{ type: 'phone_number', title: 'Call', payload: '+1' }]) },
      { code: 100, message: /Param persistent_menu\[0\]\[call_to_actions\]\[0\]\[type\] must be one of \{web_url, postback\}/ }],
    ['composer disabled without items', { persistent_menu: [{ locale: 'default', composer_input_disabled: true }] },
      { code: 100, message: '(#100) The parameter persistent_menu[0][call_to_actions] is required' }],
    ['a menu without the default locale', { persistent_menu: [{ locale: 'en_US', call_to_actions: [postback(1)] }] },
      { code: 100, message: /persistent_menu must contain an entry with locale "default"/ }],
    ['an unknown key in a menu item', { persistent_menu: menu([{ ...postback(1), callToActions: [] }]) },
      { code: 100, message: '(#100) Invalid keys "callToActions" were found in param ' +
        '"persistent_menu[0][call_to_actions][0]".' }],
    ['a greeting without the default locale', { greeting: [{ locale: 'en_US', text: 'Hi' }] },
      { code: 100, message: /greeting must contain an entry with locale "default"/ }],
    ['five ice breakers', { ice_breakers: Array.from({ length: 5 }, (_, i) => ({ question: `Q${i}`, payload: 'P' })) },
      { code: 105, message: '(#105) param ice_breakers has too many elements' }],
    ['mixed ice breaker formats', { ice_breakers: [{ question: 'Q', payload: 'P' },
      { locale: 'default', call_to_actions: [{ question: 'Q', payload: 'P' }] }] },
      { code: 100, message: /mixes the localized and the flat format/ }],
    ['an http whitelisted domain', { whitelisted_domains: ['http://example.com'] },
      { code: 100, message: /whitelisted_domains\[0\] must be a valid https URL/ }],
    ['51 whitelisted domains', { whitelisted_domains: Array.from({ length: 51 }, (_, i) => `https://d${i}.example`) },
      { code: 105, message: '(#105) param whitelisted_domains has too many elements' }],
    ['a get_started without payload', { get_started: {} },
      { code: 100, message: '(#100) The parameter get_started[payload] is required' }],
    ['nothing to set', { foo: 1 }, { code: 100, message: /Requires one of the params: get_started/ }],
    ['the read-only EU flag', { subject_to_new_eu_privacy_rules: false }, { code: 100, message: /cannot be set/ }],
  ])('%s', (_name, input, expected) => {
    const got = refusal(input)
    expect(got.code).toBe(expected.code)
    if (typeof expected.message === 'string') expect(got.message).toBe(expected.message)
    else expect(got.message).toMatch(expected.message)
  })

  test.each([
    ['a title over 30 characters', { persistent_menu: menu([{ ...postback(1), title: 'x'.repeat(31) }]) },
      '(#100) Length of param persistent_menu[0][call_to_actions][0][title] must be less than or equal to 30'],
    ['a greeting over 160 characters', { greeting: [{ locale: 'default', text: 'g'.repeat(161) }] },
      '(#100) Length of param greeting[0][text] must be less than or equal to 160'],
  ])('under strict, %s', (_name, input, message) => {
    expect(refusal(input, ctx({ leniency: new Leniency(true) }))).toEqual({ code: 100, subcode: undefined, message })
  })

  test('below v8.0: 4 top-level items, 6 in a submenu and a fourth level are refused', () => {
    const v7 = ctx({ version: 'v7.0' })
    expect(refusal({ persistent_menu: menu([1, 2, 3, 4].map(postback)) }, v7).code).toBe(105)
    const wide = { type: 'nested', title: 'M', call_to_actions: [1, 2, 3, 4, 5, 6].map(postback) }
    expect(refusal({ persistent_menu: menu([wide]) }, v7).message).toMatch(/\[0\]\[call_to_actions\] has too many/)
    const level = (inner: unknown) => ({ type: 'nested', title: 'L', call_to_actions: [inner] })
    expect(refusal({ persistent_menu: menu([level(level(level(postback(1))))]) }, v7).message)
      .toMatch(/nests deeper than 3 levels/)
  })

  test('a menu needs a Get Started button (100/2018145)', () => {
    expect(refusal({ persistent_menu: menu([postback(1)]) }, ctx({ current: undefined }))).toEqual({
      code: 100, subcode: 2018145,
      message: '(#100) You must set a Get Started button if you also wish to use persistent menu.',
    })
  })

  test('a page under the EU privacy rules cannot set a menu (10/2018336), but may set the rest', () => {
    const eea = ctx({ eeaRestricted: true })
    expect(refusal({ persistent_menu: menu([postback(1)]) }, eea)).toMatchObject({ code: 10, subcode: 2018336 })
    expect(validateProfileUpdate({ greeting: [{ locale: 'default', text: 'Hej' }] }, eea).greeting).toHaveLength(1)
  })
})

describe('fields of GET and DELETE', () => {
  test('GET may read the EU flag, DELETE may not; both need fields', () => {
    expect(profileFields(['greeting', 'subject_to_new_eu_privacy_rules'], 'GET')).toHaveLength(2)
    expect(() => profileFields(['subject_to_new_eu_privacy_rules'], 'DELETE')).toThrow(/must be one of/)
    expect(() => profileFields(undefined, 'GET')).toThrow('(#100) The parameter fields is required')
    expect(() => profileFields(['colour'], 'GET')).toThrow('nonexisting field (colour) on node type (MessengerProfile)')
  })

  test('get_started cannot be deleted from under a menu', () => {
    const current: MessengerProfile = {
      get_started: { payload: 'G' },
      persistent_menu: [{ locale: 'default', call_to_actions: [{ type: 'postback', title: 'T', payload: 'P' }] }],
    }
    expect(() => checkProfileDelete(['get_started'], current)).toThrow(/Get Started button/)
    expect(() => checkProfileDelete(['get_started', 'persistent_menu'], current)).not.toThrow()
  })
})
