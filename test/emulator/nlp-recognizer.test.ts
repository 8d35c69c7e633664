/**
 * The built-in NLP recognizer (emulator/messenger/nlp.ts): exact `message.nlpv2` outputs, as a bot's tests would
 * assert them, for each default trait and entity (docs §18), and the datetime resolved in the person's time zone.
 */
import { describe, expect, test } from 'vitest'
import { recognize } from '../../emulator/messenger/nlp.js'

/** Thursday 15 January 2026, 17:00 UTC: 09:00 for a person at UTC-8. */
const NOW = Date.UTC(2026, 0, 15, 17, 0)
const LOCALES = [{ locale: 'en_XX', confidence: 0.9 }]
const SENTIMENT_ID = '5ac2b50a-44e4-466e-9d49-bad6bd40092c'
const NEUTRAL = { id: SENTIMENT_ID, value: 'neutral', confidence: 0.6162 }

describe('traits', () => {
  test("Facebook's example: a greeting and a time in one message", () => {
    expect(recognize('hello, tomorrow at 2pm', NOW, -8)).toEqual({
      detected_locales: LOCALES,
      entities: {
        'datetime:datetime': [{
          id: '340464963587159', name: 'datetime', role: 'datetime', start: 7, end: 22, body: 'tomorrow at 2pm',
          confidence: 0.9704, entities: [], type: 'value', grain: 'hour', value: '2026-01-16T14:00:00.000-08:00',
          values: [{ type: 'value', grain: 'hour', value: '2026-01-16T14:00:00.000-08:00' }],
        }],
      },
      traits: {
        greetings: { id: '5900cc2d-41b7-45b2-b21f-b950d3ae3c5c', value: 'true', confidence: 0.9999 },
        sentiment: NEUTRAL,
      },
    })
  })

  test('thanks and bye, and thanks reads as positive', () => {
    expect(recognize('Thanks, bye!', NOW, 0)).toEqual({
      detected_locales: LOCALES,
      traits: {
        thanks: { id: '5900cc2e-6c8f-4d52-a4b4-0e0b5ad4a1f1', value: 'true', confidence: 0.9992 },
        bye: { id: '5900cc2e-09ed-4764-800c-11e7566acfac', value: 'true', confidence: 0.9957 },
        sentiment: { id: SENTIMENT_ID, value: 'positive', confidence: 0.7 },
      },
    })
  })

  test.each([
    ['I hate this, my order is broken', 'negative', 0.8],
    ['not good', 'negative', 0.7],
    ['This is great, I love it, perfect', 'positive', 0.9],
    ['Where is my parcel', 'neutral', 0.6162],
  ])('sentiment of %j is %s', (text, value, confidence) => {
    expect(recognize(text, NOW, 0).traits).toEqual({ sentiment: { id: SENTIMENT_ID, value, confidence } })
  })

  test('words only match whole: "this" and "they" are no greeting, "bye-bye" is a bye', () => {
    expect(Object.keys(recognize('this they think', NOW, 0).traits!)).toEqual(['sentiment'])
    expect(Object.keys(recognize('ok bye-bye', NOW, 0).traits!)).toEqual(['bye', 'sentiment'])
  })
})

describe('entities', () => {
  test('an email and a phone number, each at its place in the text', () => {
    expect(recognize('mail me at sam.lee@example.com or call +1 (555) 010-9999', NOW, 0).entities).toEqual({
      'email:email': [{
        id: '340464963587160', name: 'email', role: 'email', start: 11, end: 30, body: 'sam.lee@example.com',
        confidence: 0.9997, entities: [], type: 'value', value: 'sam.lee@example.com',
      }],
      'phone_number:phone_number': [{
        id: '340464963587161', name: 'phone_number', role: 'phone_number', start: 39, end: 56,
        body: '+1 (555) 010-9999', confidence: 0.9551, entities: [], type: 'value', value: '+15550109999',
      }],
    })
  })

  test.each([
    ['Can I get $25.50 back?', '$25.50', 25.5, '$'],
    ['it costs 20 euros', '20 euros', 20, 'EUR'],
    ['£7 please', '£7', 7, '£'],
    ['send 100 USD', '100 USD', 100, 'USD'],
  ])('amount of money in %j', (text, body, value, unit) => {
    expect(recognize(text, NOW, 0).entities!['amount_of_money:amount_of_money']).toEqual([{
      id: '340464963587162', name: 'amount_of_money', role: 'amount_of_money', start: text.indexOf(body),
      end: text.indexOf(body) + body.length, body, confidence: 0.9637, entities: [], type: 'value', value, unit,
    }])
  })

  test('a known place, as Wit suggests it, and a URL with its domain', () => {
    expect(recognize('Ship to Paris, see https://www.example.com/track?id=7.', NOW, 0).entities).toEqual({
      'location:location': [{
        id: '624173841772436', name: 'location', role: 'location', start: 8, end: 13, body: 'Paris',
        confidence: 0.9154, entities: [], type: 'value', suggested: true, value: 'Paris',
      }],
      'url:url': [{
        id: '340464963587163', name: 'url', role: 'url', start: 19, end: 53, body: 'https://www.example.com/track?id=7',
        confidence: 0.9912, entities: [], type: 'value', value: 'https://www.example.com/track?id=7', domain: 'example.com',
      }],
    })
  })

  test('no entities: the key is left out, as Facebook leaves it out', () => {
    expect(recognize('ok', NOW, 0)).toEqual({ detected_locales: LOCALES, traits: { sentiment: NEUTRAL } })
  })

  test('short digit runs are not phone numbers', () => {
    expect(recognize('order 12345 please', NOW, 0).entities).toBeUndefined()
  })
})

describe('datetime, in the person\'s time zone', () => {
  const datetime = (text: string, tz: number) =>
    recognize(text, NOW, tz).entities!['datetime:datetime']!.map((d) => [d.body, d.grain, d.value])

  test.each([
    ['friday', -8, 'friday', 'day', '2026-01-16T00:00:00.000-08:00'],
    ['next thursday', 0, 'next thursday', 'day', '2026-01-22T00:00:00.000+00:00'],
    ['see you at 8am', -8, 'at 8am', 'hour', '2026-01-16T08:00:00.000-08:00'],
    ['at 10:30am', -8, 'at 10:30am', 'minute', '2026-01-15T10:30:00.000-08:00'],
    ['noon today', 5.5, 'noon today', 'minute', '2026-01-15T12:00:00.000+05:30'],
    ['yesterday at 18:45', 1, 'yesterday at 18:45', 'minute', '2026-01-14T18:45:00.000+01:00'],
    // 02:00 on Friday 16th in Tokyo: tomorrow is Saturday.
    ['4pm tomorrow', 9, '4pm tomorrow', 'hour', '2026-01-17T16:00:00.000+09:00'],
  ])('%j at UTC%s', (text, tz, body, grain, value) => {
    expect(datetime(text, tz)).toEqual([[body, grain, value]])
  })

  test('the same words a day later resolve a day later: the clock decides', () => {
    expect(recognize('tomorrow', NOW + 86_400_000, 0).entities!['datetime:datetime']![0]!.value)
      .toBe('2026-01-17T00:00:00.000+00:00')
  })

  test('an impossible time is no time', () => {
    expect(recognize('at 13pm', NOW, 0).entities).toBeUndefined()
  })
})
