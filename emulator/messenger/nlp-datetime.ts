/**
 * The datetime part of the emulator's recognizer (messenger/nlp.ts): finds "tomorrow at 4pm", "friday", "at 9:30am",
 * "noon" in English text and resolves them as Wit.ai does, in the person's own time zone (Facebook localizes dates
 * and times by the person's profile, docs §18): the local time with its UTC offset and a grain (`day`, `hour`,
 * `minute`), always in the future for a bare time (Wit resolves "at 4pm" after 4pm as tomorrow's).
 * Deterministic: the same text, clock and time zone give the same value.
 */
import type { NlpDatetimeValue } from '../facebook/nlp.js'

export interface FoundDatetime { start: number; end: number; body: string; value: NlpDatetimeValue }

const DAY_MS = 86_400_000
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

const DAY = new RegExp(`\\b(today|tomorrow|yesterday|(?:next |this |on )?(?:${WEEKDAYS.join('|')}))\\b`, 'gi')
const TIME = /\b(?:at )?(?:(\d{1,2})(?::([0-5]\d))? ?(am|pm)|(\d{1,2}):([0-5]\d)|(noon|midnight))\b/gi

interface Piece { start: number; end: number; days?: number; hour?: number; minute?: number }

/** Days from today the word names: a weekday is the next one to come (1 to 7 days ahead). */
function daysAhead(word: string, weekdayToday: number): number {
  const w = word.toLowerCase().replace(/^(next|this|on) /, '')
  if (w === 'today') return 0
  if (w === 'tomorrow') return 1
  if (w === 'yesterday') return -1
  return ((WEEKDAYS.indexOf(w) - weekdayToday + 6) % 7) + 1
}

function clock(m: RegExpExecArray): { hour: number; minute?: number } | undefined {
  if (m[6]) return { hour: m[6].toLowerCase() === 'noon' ? 12 : 0, minute: 0 }
  const [h, min, half] = m[1] !== undefined ? [Number(m[1]), m[2], m[3]!.toLowerCase()] : [Number(m[4]), m[5], '']
  if (half ? h < 1 || h > 12 : h > 23) return undefined
  const hour = half === 'pm' ? (h % 12) + 12 : half === 'am' ? h % 12 : h
  return min === undefined ? { hour } : { hour, minute: Number(min) }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')

/** `-07:00`, `+05:30`: the offset of a time zone given in hours (the profile's `timezone`). */
function offset(tzHours: number): string {
  const minutes = Math.round(tzHours * 60)
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`
}

/** Wit's form: `2020-06-16T16:00:00.000-07:00`, the local wall time and its offset. */
function isoLocal(localMs: number, tzHours: number): string {
  const d = new Date(localMs)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:` +
    `${pad(d.getUTCMinutes())}:00.000${offset(tzHours)}`
}

function pieces(text: string, weekdayToday: number): Piece[] {
  const found: Piece[] = []
  for (const m of text.matchAll(DAY)) {
    found.push({ start: m.index, end: m.index + m[0].length, days: daysAhead(m[1]!, weekdayToday) })
  }
  for (const m of text.matchAll(TIME)) {
    const t = clock(m)
    if (t) found.push({ start: m.index, end: m.index + m[0].length, ...t })
  }
  return found.sort((a, b) => a.start - b.start)
}

/** A day and a time next to each other ("tomorrow at 4pm", "4pm tomorrow") are one datetime. */
function merge(found: Piece[], text: string): Piece[] {
  const out: Piece[] = []
  for (const p of found) {
    const last = out[out.length - 1]
    const between = last ? text.slice(last.end, p.start) : ''
    if (last && /^ ?$/.test(between) && (last.days === undefined) !== (p.days === undefined)) {
      out[out.length - 1] = { ...last, ...p, start: last.start, end: p.end }
    } else {
      out.push(p)
    }
  }
  return out
}

/** Every datetime in the text, resolved against `nowMs` in the time zone `tzHours` hours from UTC. */
export function findDatetimes(text: string, nowMs: number, tzHours: number): FoundDatetime[] {
  const localNow = nowMs + tzHours * 3_600_000
  const today = localNow - (localNow % DAY_MS)
  return merge(pieces(text, new Date(localNow).getUTCDay()), text).map((p) => {
    const hasTime = p.hour !== undefined
    let at = today + (p.days ?? 0) * DAY_MS + (p.hour ?? 0) * 3_600_000 + (p.minute ?? 0) * 60_000
    if (p.days === undefined && at <= localNow) at += DAY_MS
    const grain: NlpDatetimeValue['grain'] = !hasTime ? 'day' : p.minute === undefined ? 'hour' : 'minute'
    return { start: p.start, end: p.end, body: text.slice(p.start, p.end), value: { type: 'value', grain, value: isoLocal(at, tzHours) } }
  })
}
