/**
 * Messenger's built-in NLP (docs §18), emulated by a small deterministic recognizer: when a page has turned it on
 * (`POST /{page-id}/nlp_configs`), every text a person sends reaches the page's apps with `message.nlpv2`, the
 * default traits (greetings, thanks, bye, sentiment) and entities (datetime, amount of money, phone number, email,
 * URL, location) Facebook's default model detects. Wit.ai is a trained model; this is a few word lists and patterns,
 * English only, so tests can assert exact outputs. The wire shape is facebook/nlp.ts.
 */
import type { World } from '../world/world.js'
import {
  ENGLISH_LOCALE, WIT_IDS, type MessageNlp, type NlpEntity, type NlpEntityName, type NlpTrait, type NlpTraitName,
} from '../facebook/nlp.js'
import { findDatetimes } from './nlp-datetime.js'

/** Fixed confidences: Wit gives a probability; the emulator gives the same number for the same kind of match. */
const CONFIDENCE = {
  greetings: 0.9999, thanks: 0.9992, bye: 0.9957, neutral: 0.6162, locale: 0.9,
  datetime: 0.9704, email: 0.9997, phone_number: 0.9551, amount_of_money: 0.9637, url: 0.9912, location: 0.9154,
} as const

/** Phrases of each English trait, matched as whole words anywhere in the text. */
const TRAIT_PHRASES: Record<Exclude<NlpTraitName, 'sentiment'>, string[]> = {
  greetings: ['hi', 'hello', 'hey', 'hiya', 'howdy', 'greetings', 'good morning', 'good afternoon', 'good evening'],
  thanks: ['thanks', 'thank you', 'thx', 'ty', 'cheers', 'much appreciated', 'appreciate it'],
  bye: ['bye', 'goodbye', 'bye bye', 'see you', 'see ya', 'cya', 'good night', 'farewell', 'talk later'],
}

const POSITIVE = new Set(['good', 'great', 'love', 'awesome', 'amazing', 'excellent', 'happy', 'perfect', 'nice',
  'wonderful', 'fantastic', 'glad', 'thanks', 'best', 'cool', 'helpful', 'like'])
const NEGATIVE = new Set(['bad', 'terrible', 'awful', 'hate', 'angry', 'broken', 'worst', 'horrible', 'disappointed',
  'sad', 'wrong', 'poor', 'useless', 'annoyed', 'late', 'refund', 'problem'])
const NEGATIONS = new Set(['not', 'no', 'never', "isn't", "don't", "doesn't", "wasn't", "didn't", "aren't"])

/** Places the emulator knows by name (Wit knows every place; tests need only a few). */
const PLACES = ['New York', 'San Francisco', 'Los Angeles', 'Chicago', 'Boston', 'Seattle', 'Toronto', 'London',
  'Paris', 'Berlin', 'Madrid', 'Lisbon', 'Rome', 'Amsterdam', 'Dublin', 'Vienna', 'Zurich', 'Stockholm', 'Oslo',
  'Copenhagen', 'Tokyo', 'Singapore', 'Sydney', 'Mumbai', 'Delhi', 'Dubai', 'Mexico City', 'São Paulo']

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const wordsOf = (phrases: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\d])(?:${phrases.map(escape).join('|')})(?![\\p{L}\\d])`, 'iu')

const TRAIT_PATTERNS = Object.fromEntries(Object.entries(TRAIT_PHRASES).map(([k, v]) => [k, wordsOf(v)])) as
  Record<keyof typeof TRAIT_PHRASES, RegExp>
const PLACE_PATTERN = new RegExp(wordsOf(PLACES).source, 'giu')
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)]/gi
const MONEY = /([$€£])\s?(\d+(?:\.\d{1,2})?)|\b(\d+(?:\.\d{1,2})?)\s?(dollars?|bucks|usd|euros?|eur|pounds?|gbp)\b/gi
const PHONE = /(?<![\w+])\+?\(?\d[\d ().-]{5,}\d(?!\w)/g

/** What a currency is called in Wit's `unit`. */
const UNITS: Record<string, string> = {
  $: '$', dollar: '$', dollars: '$', bucks: '$', usd: 'USD', '€': 'EUR', euro: 'EUR', euros: 'EUR', eur: 'EUR',
  '£': '£', pound: '£', pounds: '£', gbp: 'GBP',
}

interface Found { name: NlpEntityName; start: number; end: number; extra: Partial<NlpEntity> & Pick<NlpEntity, 'value'> }

function matches(text: string, pattern: RegExp, name: NlpEntityName,
  extra: (m: RegExpExecArray) => Found['extra'] | undefined): Found[] {
  const out: Found[] = []
  for (const m of text.matchAll(pattern)) {
    const e = extra(m)
    if (e) out.push({ name, start: m.index, end: m.index + m[0].length, extra: e })
  }
  return out
}

/** Candidates in order of precedence: an email is not also a URL, an amount not also a phone number. */
function candidates(text: string, nowMs: number, tzHours: number): Found[] {
  return [
    ...matches(text, EMAIL, 'email', (m) => ({ value: m[0] })),
    ...matches(text, URL_PATTERN, 'url', (m) => ({
      value: m[0], domain: m[0].replace(/^https?:\/\//i, '').replace(/^www\./i, '').split(/[/?#:]/)[0]!.toLowerCase(),
    })),
    ...matches(text, MONEY, 'amount_of_money', (m) => ({
      type: 'value', value: Number(m[2] ?? m[3]), unit: UNITS[(m[1] ?? m[4]!).toLowerCase()]!,
    })),
    ...matches(text, PHONE, 'phone_number', (m) => {
      const digits = m[0].replace(/\D/g, '')
      return digits.length >= 7 && digits.length <= 15 ? { value: `${m[0].startsWith('+') ? '+' : ''}${digits}` } : undefined
    }),
    ...findDatetimes(text, nowMs, tzHours).map((d): Found => ({
      name: 'datetime', start: d.start, end: d.end, extra: { ...d.value, values: [d.value] },
    })),
    ...matches(text, PLACE_PATTERN, 'location', (m) => ({ suggested: true, type: 'value', value: m[0] })),
  ]
}

function entities(text: string, nowMs: number, tzHours: number): MessageNlp['entities'] {
  const taken: Found[] = []
  for (const f of candidates(text, nowMs, tzHours)) {
    if (!taken.some((t) => f.start < t.end && t.start < f.end)) taken.push(f)
  }
  const out: NonNullable<MessageNlp['entities']> = {}
  for (const f of taken.sort((a, b) => a.start - b.start)) {
    const entity: NlpEntity = {
      id: WIT_IDS[f.name].id, name: f.name, role: f.name, start: f.start, end: f.end, body: text.slice(f.start, f.end),
      confidence: CONFIDENCE[f.name], entities: [], type: 'value', ...f.extra,
    }
    ;(out[`${f.name}:${f.name}`] ??= []).push(entity)
  }
  return out
}

/** Positive minus negative words, a negation word flipping the word after it. */
function sentimentScore(text: string): number {
  const tokens = text.toLowerCase().match(/[\p{L}']+/gu) ?? []
  let score = 0
  tokens.forEach((t, i) => {
    const sign = POSITIVE.has(t) ? 1 : NEGATIVE.has(t) ? -1 : 0
    score += NEGATIONS.has(tokens[i - 1] ?? '') ? -sign : sign
  })
  return score
}

function traits(text: string): MessageNlp['traits'] {
  const trait = (name: NlpTraitName, value: string, confidence: number): NlpTrait =>
    ({ id: WIT_IDS[name].id, value, confidence })
  const out: NonNullable<MessageNlp['traits']> = {}
  for (const name of ['greetings', 'thanks', 'bye'] as const) {
    if (TRAIT_PATTERNS[name].test(text)) out[name] = trait(name, 'true', CONFIDENCE[name])
  }
  const score = sentimentScore(text)
  out.sentiment = score === 0 ? trait('sentiment', 'neutral', CONFIDENCE.neutral)
    : trait('sentiment', score > 0 ? 'positive' : 'negative', Math.round(Math.min(0.9512, 0.7 + 0.1 * (Math.abs(score) - 1)) * 1e4) / 1e4)
  return out
}

/**
 * What built-in NLP finds in a text sent at `nowMs` by a person whose profile's time zone is `tzHours` from UTC:
 * `message.nlpv2`, with `entities` left out when there are none.
 */
export function recognize(text: string, nowMs: number, tzHours: number): MessageNlp {
  const found = entities(text, nowMs, tzHours)
  return {
    detected_locales: [{ locale: ENGLISH_LOCALE, confidence: CONFIDENCE.locale }],
    ...(Object.keys(found ?? {}).length ? { entities: found } : {}),
    traits: traits(text),
  }
}

/** `message.nlpv2` for a text the person sends the page, or nothing when the page has built-in NLP off. */
export function messageNlp(world: World, pageId: string, personId: string, text: string): MessageNlp | undefined {
  if (!world.nlpConfigs.get(pageId)?.enabled) return undefined
  return recognize(text, world.clock.now(), world.people.get(personId)?.timezone ?? 0)
}
