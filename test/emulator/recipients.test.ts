/** The calendar periods that limit recurring notifications (messenger/recipients.ts), without HTTP. */
import { describe, expect, test } from 'vitest'
import { periodOf } from '../../emulator/messenger/recipients.js'

const at = (iso: string) => Date.parse(iso)

describe('periodOf', () => {
  test('a day ends at midnight UTC', () => {
    expect(periodOf('DAILY', at('2026-03-02T23:59:59Z'))).not.toBe(periodOf('DAILY', at('2026-03-03T00:00:00Z')))
    expect(periodOf('DAILY', at('2026-03-03T00:00:00Z'))).toBe(periodOf('DAILY', at('2026-03-03T23:59:59Z')))
  })

  test('a week runs from Monday to Sunday', () => {
    // 1 March 2026 is a Sunday, 2 March a Monday.
    expect(periodOf('WEEKLY', at('2026-03-01T23:59:59Z'))).not.toBe(periodOf('WEEKLY', at('2026-03-02T00:00:00Z')))
    expect(periodOf('WEEKLY', at('2026-03-02T00:00:00Z'))).toBe(periodOf('WEEKLY', at('2026-03-08T23:59:59Z')))
    expect(periodOf('WEEKLY', at('2026-03-08T23:59:59Z'))).not.toBe(periodOf('WEEKLY', at('2026-03-09T00:00:00Z')))
  })

  test('a month is a calendar month, whatever its length', () => {
    expect(periodOf('MONTHLY', at('2026-02-01T00:00:00Z'))).toBe(periodOf('MONTHLY', at('2026-02-28T23:59:59Z')))
    expect(periodOf('MONTHLY', at('2026-02-28T23:59:59Z'))).not.toBe(periodOf('MONTHLY', at('2026-03-01T00:00:00Z')))
    expect(periodOf('MONTHLY', at('2025-03-15T00:00:00Z'))).not.toBe(periodOf('MONTHLY', at('2026-03-15T00:00:00Z')))
  })
})
