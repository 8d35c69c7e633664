/**
 * What `POST /me/messenger_profile` accepts (docs §6.1), as a pure rule: the properties given → the properties to
 * store, or the catalogue error Graph answers. Version-aware: the persistent menu follows the limits of the Graph
 * version the caller asked for, because Facebook removed nested menus in v8.0 and raised the top level from 3 to 20
 * items at the same time (persistent-menu guide; seed guide "Persistent Menu" for the older limits). Display text past
 * its length (the greeting, menu item titles) is judged by the call's leniency: kept whole with a warning, as
 * production is taken to do, or refused under --strict (limits.ts says why); formats Facebook deprecated but still
 * accepts (flat ice breakers, nested menus below v8.0) are accepted with a warning.
 */
import { graphError } from '../facebook/errors.js'
import { LIMITS, type CutLimitName } from '../facebook/limits.js'
import type { Leniency } from '../facebook/leniency.js'
import { isWebUrl } from './web-url.js'
import {
  MESSENGER_PROFILE_FIELDS, type GetStarted, type Greeting, type IceBreakerQuestion, type IceBreakers, type MenuItem,
  type MessengerProfile, type MessengerProfileField, type PersistentMenu,
} from '../world/messenger-profiles.js'

/** Readable with GET but never set (docs §7): whether the page is under the 2020 privacy rules for Europe. */
export const EU_PRIVACY_FIELD = 'subject_to_new_eu_privacy_rules'

export interface ProfileRuleContext {
  /** The version prefix of the call (`v7.0`), or null for an unversioned call. */
  version: string | null
  /** The page's profile before this call. */
  current: MessengerProfile | undefined
  /** The page is under the privacy rules for Europe (emulator/messenger/eea.ts). */
  eeaRestricted: boolean
  /** How the call is judged: production's leniency (with warnings) or the written contract. */
  leniency: Leniency
}

/** `v7.0` → 7; unversioned calls are served as the app's default version (docs §10). */
export function graphVersionNumber(version: string | null): number {
  const m = version?.match(/^v(\d+(?:\.\d+)?)$/)
  return m ? Number(m[1]) : LIMITS.defaultGraphVersion.value
}

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function object(value: unknown, param: string): Json {
  if (!isObject(value)) throw graphError('paramInvalid', `Param ${param} must be an object`)
  return value
}

function array(value: unknown, param: string): unknown[] {
  if (!Array.isArray(value)) throw graphError('paramInvalid', `Param ${param} must be an array`)
  return value
}

function onlyKeys(value: Json, allowed: readonly string[], param: string): void {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k))
  if (extra.length) throw graphError('paramInvalidKeys', extra.join(', '), param)
}

function text(value: unknown, param: string, max?: number): string {
  if (value === undefined || value === null || value === '') throw graphError('paramRequired', param)
  if (typeof value !== 'string') throw graphError('paramInvalid', `Param ${param} must be a string`)
  if (max !== undefined && [...value].length > max) throw graphError('paramTooLong', param, String(max))
  return value
}

/** Display text: required, and judged against its documented length by the call's leniency. */
function label(value: unknown, param: string, limit: CutLimitName, leniency: Leniency): string {
  const s = text(value, param)
  leniency.label(limit, param, s)
  return s
}

function bool(value: unknown, param: string): boolean | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') throw graphError('paramInvalid', `Param ${param} must be a boolean`)
  return value
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], param: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw graphError('paramOneOf', param, allowed.join(', '), String(value))
  }
  return value as T
}

function maxItems(list: unknown[], max: number, param: string): void {
  if (list.length > max) throw graphError('paramTooManyElements', param)
}

function url(value: unknown, param: string, httpsOnly = false): string {
  const s = text(value, param)
  if (!isWebUrl(s, httpsOnly)) {
    throw graphError('paramInvalid', `Param ${param} must be a valid ${httpsOnly ? 'https ' : ''}URL`)
  }
  return s
}

/** Per-locale lists (greeting, menu, localized ice breakers) need exactly one `default` and no repeated locale. */
function localized<T extends { locale: string }>(items: T[], param: string): T[] {
  const locales = items.map((i) => i.locale)
  const repeated = locales.find((l, i) => locales.indexOf(l) !== i)
  if (repeated) throw graphError('paramInvalid', `Param ${param} has more than one entry for locale ${repeated}`)
  if (!locales.includes('default')) {
    throw graphError('paramInvalid', `Param ${param} must contain an entry with locale "default"`)
  }
  return items
}

function locale(value: unknown, param: string): string {
  const s = text(value, param)
  if (s !== 'default' && !/^[a-z]{2}_[A-Z]{2}$/.test(s)) {
    throw graphError('paramInvalid', `Param ${param} must be "default" or a locale such as en_US`)
  }
  return s
}

function getStarted(value: unknown): GetStarted {
  const o = object(value, 'get_started')
  onlyKeys(o, ['payload'], 'get_started')
  return { payload: text(o.payload, 'get_started[payload]', LIMITS.getStartedPayloadMax.value) }
}

function greeting(value: unknown, leniency: Leniency): Greeting[] {
  return localized(array(value, 'greeting').map((g, i) => {
    const p = `greeting[${i}]`
    const o = object(g, p)
    onlyKeys(o, ['locale', 'text'], p)
    return { locale: locale(o.locale, `${p}[locale]`), text: label(o.text, `${p}[text]`, 'greetingTextMax', leniency) }
  }), 'greeting')
}

const WEBVIEW_RATIOS = ['compact', 'tall', 'full'] as const
const SHARE_BUTTON = ['hide', 'show'] as const
const DISABLED_SURFACES = ['CUSTOMER_CHAT_PLUGIN'] as const
const ITEM_KEYS = ['type', 'title', 'url', 'payload', 'webview_height_ratio', 'messenger_extensions', 'fallback_url',
  'webview_share_button', 'call_to_actions'] as const

/** The menu's shape for a Graph version: which item types exist and how many items each level takes. */
function menuLimits(version: number, leniency: Leniency) {
  const legacy = version < LIMITS.nestedMenuRemovedInVersion.value
  return {
    legacy, leniency,
    topLevelMax: legacy ? LIMITS.legacyMenuTopLevelMax.value : LIMITS.menuTopLevelMax.value,
    nestedMax: LIMITS.legacyMenuNestedMax.value,
    levelsMax: LIMITS.legacyMenuLevelsMax.value,
  }
}

function menuItem(value: unknown, param: string, level: number, limits: ReturnType<typeof menuLimits>): MenuItem {
  const o = object(value, param)
  onlyKeys(o, ITEM_KEYS, param)
  if (o.type === 'nested' && !limits.legacy) throw graphError('nestedMenuDeprecated')
  const types = limits.legacy ? ['web_url', 'postback', 'nested'] as const : ['web_url', 'postback'] as const
  const type = oneOf(o.type, types, `${param}[type]`)
  const item: MenuItem = { type, title: label(o.title, `${param}[title]`, 'menuItemTitleMax', limits.leniency) }
  if (type === 'postback') item.payload = text(o.payload, `${param}[payload]`, LIMITS.menuItemPayloadMax.value)
  if (type === 'web_url') {
    item.url = url(o.url, `${param}[url]`)
    if (o.webview_height_ratio !== undefined) {
      item.webview_height_ratio = oneOf(o.webview_height_ratio, WEBVIEW_RATIOS, `${param}[webview_height_ratio]`)
    }
    const extensions = bool(o.messenger_extensions, `${param}[messenger_extensions]`)
    if (extensions !== undefined) item.messenger_extensions = extensions
    if (o.fallback_url !== undefined) item.fallback_url = url(o.fallback_url, `${param}[fallback_url]`)
    if (o.webview_share_button !== undefined) {
      item.webview_share_button = oneOf(o.webview_share_button, SHARE_BUTTON, `${param}[webview_share_button]`)
    }
  }
  if (type === 'nested') {
    // A submenu is one more level; the seed guide allows three in all (top level + two submenus).
    if (level + 1 > limits.levelsMax) {
      throw graphError('paramInvalid', `Param ${param} nests deeper than ${limits.levelsMax} levels`)
    }
    const children = array(o.call_to_actions ?? [], `${param}[call_to_actions]`)
    if (children.length === 0) throw graphError('paramRequired', `${param}[call_to_actions]`)
    maxItems(children, limits.nestedMax, `${param}[call_to_actions]`)
    item.call_to_actions = children.map((c, i) => menuItem(c, `${param}[call_to_actions][${i}]`, level + 1, limits))
  }
  return item
}

function persistentMenu(value: unknown, version: number, leniency: Leniency): PersistentMenu[] {
  const limits = menuLimits(version, leniency)
  const menus = localized(array(value, 'persistent_menu').map((m, i) => {
    const p = `persistent_menu[${i}]`
    const o = object(m, p)
    onlyKeys(o, ['locale', 'composer_input_disabled', 'disabled_surfaces', 'call_to_actions'], p)
    const menu: PersistentMenu = { locale: locale(o.locale, `${p}[locale]`) }
    const composerDisabled = bool(o.composer_input_disabled, `${p}[composer_input_disabled]`)
    if (composerDisabled !== undefined) menu.composer_input_disabled = composerDisabled
    if (o.disabled_surfaces !== undefined) {
      menu.disabled_surfaces = array(o.disabled_surfaces, `${p}[disabled_surfaces]`)
        .map((s, j) => oneOf(s, DISABLED_SURFACES, `${p}[disabled_surfaces][${j}]`))
    }
    const items = o.call_to_actions === undefined ? undefined : array(o.call_to_actions, `${p}[call_to_actions]`)
    // With the composer disabled the menu is the only way to talk to the bot (persistent-menu reference).
    if (composerDisabled && (!items || items.length === 0)) throw graphError('paramRequired', `${p}[call_to_actions]`)
    if (items) {
      maxItems(items, limits.topLevelMax, `${p}[call_to_actions]`)
      menu.call_to_actions = items.map((c, j) => menuItem(c, `${p}[call_to_actions][${j}]`, 1, limits))
    }
    return menu
  }), 'persistent_menu')
  // Accepted below v8.0, but gone from v8.0 on: the app breaks at its next version upgrade.
  if (menus.some((m) => m.call_to_actions?.some((i) => i.type === 'nested'))) {
    leniency.warn('nestedMenuDeprecated', `v${version.toFixed(1)}`)
  }
  return menus
}

function iceBreakerQuestion(value: unknown, param: string): IceBreakerQuestion {
  const o = object(value, param)
  onlyKeys(o, ['question', 'payload'], param)
  return { question: text(o.question, `${param}[question]`), payload: text(o.payload, `${param}[payload]`) }
}

/**
 * Localized (`[{locale, call_to_actions}]`, since 19 Apr 2022) or the old flat format, never both (docs §6.1). The
 * flat format is still accepted, with a warning: it is documented as replaced.
 */
function iceBreakers(value: unknown, leniency: Leniency): IceBreakers {
  const list = array(value, 'ice_breakers')
  const isLocalized = (x: unknown) => isObject(x) && ('locale' in x || 'call_to_actions' in x)
  const localizedCount = list.filter(isLocalized).length
  if (localizedCount > 0 && localizedCount < list.length) {
    throw graphError('paramInvalid', 'Param ice_breakers mixes the localized and the flat format')
  }
  if (localizedCount === 0) {
    maxItems(list, LIMITS.iceBreakersMax.value, 'ice_breakers')
    const questions = list.map((q, i) => iceBreakerQuestion(q, `ice_breakers[${i}]`))
    leniency.warn('iceBreakersFlatFormat')
    return questions
  }
  return localized(list.map((l, i) => {
    const p = `ice_breakers[${i}]`
    const o = object(l, p)
    onlyKeys(o, ['locale', 'call_to_actions'], p)
    const questions = array(o.call_to_actions, `${p}[call_to_actions]`)
    if (questions.length === 0) throw graphError('paramRequired', `${p}[call_to_actions]`)
    maxItems(questions, LIMITS.iceBreakersMax.value, `${p}[call_to_actions]`)
    return {
      locale: locale(o.locale, `${p}[locale]`),
      call_to_actions: questions.map((q, j) => iceBreakerQuestion(q, `${p}[call_to_actions][${j}]`)),
    }
  }), 'ice_breakers')
}

function whitelistedDomains(value: unknown): string[] {
  const list = array(value, 'whitelisted_domains')
  maxItems(list, LIMITS.whitelistedDomainsMax.value, 'whitelisted_domains')
  return list.map((d, i) => url(d, `whitelisted_domains[${i}]`, true))
}

/**
 * Validates the properties of a POST (any subset, each replacing the stored one as a whole) and answers what to
 * store. Throws the catalogue error Graph answers; nothing is stored on failure.
 */
export function validateProfileUpdate(input: Partial<Record<MessengerProfileField, unknown>> & Json,
  ctx: ProfileRuleContext): MessengerProfile {
  if (EU_PRIVACY_FIELD in input) throw graphError('paramInvalid', `Param ${EU_PRIVACY_FIELD} cannot be set`)
  const given = MESSENGER_PROFILE_FIELDS.filter((f) => input[f] !== undefined)
  if (given.length === 0) {
    throw graphError('paramInvalid', `Requires one of the params: ${MESSENGER_PROFILE_FIELDS.join(', ')}`)
  }
  const out: MessengerProfile = {}
  if (input.get_started !== undefined) out.get_started = getStarted(input.get_started)
  if (input.greeting !== undefined) out.greeting = greeting(input.greeting, ctx.leniency)
  if (input.ice_breakers !== undefined) out.ice_breakers = iceBreakers(input.ice_breakers, ctx.leniency)
  if (input.whitelisted_domains !== undefined) out.whitelisted_domains = whitelistedDomains(input.whitelisted_domains)
  if (input.persistent_menu !== undefined) {
    // Seed guide, "Impact of Messenger API Updates for Europe": "will not be able to send … (persistent menu)".
    if (ctx.eeaRestricted) throw graphError('eeaPrivacyRules').because('persistent_menu on a page under the EU rules')
    out.persistent_menu = persistentMenu(input.persistent_menu, graphVersionNumber(ctx.version), ctx.leniency)
    if (!out.get_started && !ctx.current?.get_started) throw graphError('getStartedRequiredForMenu')
  }
  return out
}

/**
 * The `fields` of a GET or DELETE. GET may also read `subject_to_new_eu_privacy_rules`; DELETE only the properties.
 * Unknown names answer Graph's nonexisting-field error for GET and a param error for DELETE.
 */
export function profileFields(fields: string[] | undefined, method: 'GET' | 'DELETE'):
  (MessengerProfileField | typeof EU_PRIVACY_FIELD)[] {
  if (!fields || fields.length === 0) throw graphError('paramRequired', 'fields')
  return fields.map((f, i) => {
    if ((MESSENGER_PROFILE_FIELDS as string[]).includes(f)) return f as MessengerProfileField
    if (method === 'GET' && f === EU_PRIVACY_FIELD) return f
    if (method === 'GET') throw graphError('nonexistingField', f, 'MessengerProfile')
    throw graphError('paramOneOf', `fields[${i}]`, MESSENGER_PROFILE_FIELDS.join(', '), f)
  })
}

/** Deleting get_started while a menu stays would leave a menu Facebook refuses to keep (docs §6.1). */
export function checkProfileDelete(fields: MessengerProfileField[], current: MessengerProfile | undefined): void {
  if (fields.includes('get_started') && !fields.includes('persistent_menu') && current?.persistent_menu) {
    throw graphError('getStartedRequiredForMenu')
  }
}
