/** The 24-hour standard messaging window and message tags as pure rules (docs §8). */
import { describe, expect, it } from 'vitest'
import { isWithin, windowClosesAt, windowRefusal, type WindowInput } from '../../emulator/messenger/window.js'

const HOUR = 60 * 60 * 1000
const at = (hoursAgo: number | null, rest: Partial<WindowInput> = {}): WindowInput => ({
  lastPersonAt: hoursAgo === null ? null : 1_000_000_000_000 - hoursAgo * HOUR, now: 1_000_000_000_000,
  messagingType: 'RESPONSE', humanAgentApproved: false, ...rest,
})

describe('windowRefusal', () => {
  it.each([
    ['RESPONSE within 24 h', at(23), undefined],
    ['UPDATE at exactly 24 h', at(24, { messagingType: 'UPDATE' }), undefined],
    ['RESPONSE after 24 h', at(24.01), 'outsideWindow'],
    ['RESPONSE to someone who never wrote', at(null), 'outsideWindow'],
    ['MESSAGE_TAG ACCOUNT_UPDATE a month later', at(24 * 30, { messagingType: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' }), undefined],
    ['MESSAGE_TAG CONFIRMED_EVENT_UPDATE never wrote', at(null, { messagingType: 'MESSAGE_TAG', tag: 'CONFIRMED_EVENT_UPDATE' }), undefined],
    ['HUMAN_AGENT unapproved', at(1, { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }), 'humanAgentNotApproved'],
    ['HUMAN_AGENT approved, 6 days', at(24 * 6, { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', humanAgentApproved: true }), undefined],
    ['HUMAN_AGENT approved, 8 days', at(24 * 8, { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', humanAgentApproved: true }), 'outsideWindow'],
  ] as const)('%s → %s', (_, input, expected) => expect(windowRefusal(input)).toBe(expected))
})

describe('window arithmetic', () => {
  it('closes 24 h after the last action, and is closed without one', () => {
    expect(isWithin(0, 24 * HOUR, 24 * HOUR)).toBe(true)
    expect(isWithin(null, 0, 24 * HOUR)).toBe(false)
    expect(windowClosesAt(1000, 2000)).toBe(1000 + 24 * HOUR)
    expect(windowClosesAt(0, 25 * HOUR)).toBeNull()
  })
})
