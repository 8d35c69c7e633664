/**
 * A stage's timeline as plain text, for a test runner's failure output (the HTML report is for `messenger-emulator
 * scenarios`): the steps of the story and, between them, every call, webhook and action of the parties in the order
 * they happened, a Graph call's warnings beneath it. One line each, milliseconds since the stage opened.
 */
import type { Party, StepRecord, TimelineEntry } from './timeline.js'

/** How each party is called: on a Messenger bot's stage the business is the bot. */
export type PartyNames = Record<Party, string>

export const BUSINESS_PARTIES: PartyNames = { business: 'business', adapter: 'adapter', facebook: 'Facebook' }
export const MESSENGER_BOT_PARTIES: PartyNames = { business: 'bot', adapter: 'adapter', facebook: 'Facebook' }

export function timelineText(steps: StepRecord[], entries: TimelineEntry[], names: PartyNames): string {
  const t0 = Math.min(entries[0]?.at ?? Infinity, steps[0]?.startedAt ?? Infinity)
  const rows: { at: number; line: string }[] = steps.map((s) => ({
    at: s.startedAt,
    line: `${s.ok ? ' ' : '✗'} ▸ ${s.text}${s.error ? `\n      ${s.error.split('\n').join('\n      ')}` : ''}`,
  }))
  for (const e of entries) {
    const who = e.from === e.to ? names[e.from] : `${names[e.from]} → ${names[e.to]}`
    const warnings = (e.warnings ?? []).map((w) => `\n      ⚠ ${w.code}: ${w.message}`).join('')
    rows.push({ at: e.at, line: `${e.ok ? ' ' : '✗'}   ${who}: ${e.actor ? `${e.actor} ` : ''}${e.title}${warnings}` })
  }
  // A stable sort keeps a step before what it caused in the same millisecond.
  rows.sort((a, b) => a.at - b.at)
  const width = String(Math.max(0, ...rows.map((r) => r.at - t0))).length + 1
  return [`Timeline (ms since the stage opened; ✗ failed):`,
    ...rows.map((r) => `+${String(r.at - t0).padStart(width - 1)} ${r.line}`)].join('\n')
}
