/**
 * Page webhook bodies written and read as text (emulator/webhooks/page-body.ts): the bytes are exactly
 * JSON.stringify's, so what is signed and what an app parses agree, and a batch joins queued events unchanged.
 */
import { expect, test } from 'vitest'
import { pageEventBody, readPageEventBody } from '../../emulator/facebook/page-body.js'
import { batchBody } from '../../emulator/webhooks/delivery.js'
import type { Delivery } from '../../emulator/world/outbox.js'

const echo = { sender: { id: '200' }, recipient: { id: '4000' }, timestamp: 1_700_000_000_123,
  message: { is_echo: true, app_id: 1234, mid: 'm_1', text: 'Hé "quoted" \\ <b>' } }
const delivery = { sender: { id: '4000' }, recipient: { id: '200' }, delivery: { mids: ['m_1'], watermark: 17 } }

test('a body is the JSON of {object: "page", entry: [{id, time, messaging}]}, byte for byte', () => {
  const body = pageEventBody('200', 1_700_000_000_456, [JSON.stringify(echo)])
  expect(body).toBe(JSON.stringify({ object: 'page', entry: [{ id: '200', time: 1_700_000_000_456, messaging: [echo] }] }))
})

test('reading a body gives back its time and its events as they were written', () => {
  const events = `${JSON.stringify(echo)},${JSON.stringify(delivery)}`
  expect(readPageEventBody(pageEventBody('200', 42, [events]))).toEqual({ time: 42, key: 'messaging', events })
  expect(readPageEventBody(pageEventBody('200', 42, [events], 'standby'))).toEqual({ time: 42, key: 'standby', events })
})

test('a body not written as a page event is refused, not misread', () => {
  expect(() => readPageEventBody(JSON.stringify({ object: 'user', entry: [] }))).toThrow(/Not a queued page/)
  expect(() => readPageEventBody('{"object":"page","entry":[{"id":"200","time":1,"messaging":[{}]}]')).toThrow()
})

test('a batch is one entry with every row\'s events in order and the newest time', () => {
  const row = (id: number, time: number, event: object): Delivery => ({
    id, appId: '1', pageId: '200', field: 'messages', body: pageEventBody('200', time, [JSON.stringify(event)]),
    status: 'pending', attempts: 0, nextAttemptAt: time, createdAt: time, deliveredAt: null, lastError: null,
  })
  const rows = [row(1, 10, echo), row(2, 30, delivery), row(3, 20, echo)]
  expect(JSON.parse(batchBody(rows))).toEqual({ object: 'page', entry: [{ id: '200', time: 30,
    messaging: [echo, delivery, echo] }] })
  expect(batchBody([rows[0]!])).toBe(rows[0]!.body)
})

test('standby events in a batch keep their order in entries of their own (handover, docs §9)', () => {
  const row = (id: number, time: number, key: 'messaging' | 'standby'): Delivery => ({
    id, appId: '1', pageId: '200', field: key === 'standby' ? 'standby' : 'messages',
    body: pageEventBody('200', time, [JSON.stringify(echo)], key),
    status: 'pending', attempts: 0, nextAttemptAt: time, createdAt: time, deliveredAt: null, lastError: null,
  })
  expect(JSON.parse(batchBody([row(1, 10, 'messaging'), row(2, 20, 'standby'), row(3, 30, 'standby'),
    row(4, 40, 'messaging')]))).toEqual({ object: 'page', entry: [
    { id: '200', time: 10, messaging: [echo] }, { id: '200', time: 30, standby: [echo, echo] },
    { id: '200', time: 40, messaging: [echo] },
  ] })
})
