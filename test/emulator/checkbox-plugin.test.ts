/**
 * The checkbox plugin (docs §16): the opt-in names the person by the website's `user_ref` only; the page may send one
 * message to it within 24 hours, answered without the PSID; the person's answer carries their PSID and the link.
 */
import { describe, expect } from 'vitest'
import { test, receivedEvent, sdkSend } from './reach-world.js'
import { send } from './messaging-world.js'
import { expectGraphError } from './fixtures.js'

const toRef = (userRef: string, t: string) => ({ recipient: { user_ref: userRef }, message: { text: t } })
const HOUR = 60 * 60

describe('a checkbox plugin opt-in', () => {
  test('sends messaging_optins with the user_ref and no sender', async ({ emulator, receiver, w }) => {
    const res = await emulator.client.personAction(w.sam.id,
      { type: 'checkbox_optin', pageId: w.pageId, userRef: 'cart-77', ref: 'checkout' })
    const event = await receivedEvent(receiver, (e) => e.optin?.user_ref === 'cart-77')
    expect(event).toEqual({ recipient: { id: w.pageId }, timestamp: expect.any(Number),
      optin: { ref: 'checkout', user_ref: 'cart-77' } })
    expect(res.events).toEqual([{ field: 'messaging_optins', event }])
  })

  test('lets the page send once, without PSID, echo or delivery; the answer links the PSID', async ({ emulator, receiver, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'checkbox_optin', pageId: w.pageId, userRef: 'cart-78' })
    // Through Meta's SDK, as a shop's server would.
    const sent = await sdkSend(emulator, w.token, w.pageId, toRef('cart-78', 'Your order is confirmed'))
    expect(sent).toEqual({ message_id: expect.stringMatching(/^m_/) })
    expect((await emulator.client.thread(w.sam.id, w.pageId)).bubbles.map((b) => b.text)).toEqual(['Your order is confirmed'])
    expectGraphError(await send(emulator, w.token, toRef('cart-78', 'again')),
      { code: 100, subcode: 2018001, message: '(#100) No matching user found' })
    // Until the person answers there is no conversation to send to.
    expectGraphError(await send(emulator, w.token, { recipient: { id: w.sam.psid }, message: { text: 'x' } }),
      { code: 10, subcode: 2018278 })

    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'Thanks!' })
    const answer = await receivedEvent(receiver, (e) => e.message?.text === 'Thanks!')
    expect(answer).toMatchObject({ sender: { id: w.sam.psid },
      message: { prior_message: { source: 'checkbox_plugin', identifier: 'cart-78' } } })
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'Bye' })
    const next = await receivedEvent(receiver, (e) => e.message?.text === 'Bye')
    expect(next.message).not.toHaveProperty('prior_message')
    expect(receiver.posts.flatMap((p) => (p.body.entry as any[]).flatMap((e) => e.messaging ?? []))
      .filter((e) => e.message?.is_echo || e.delivery)).toHaveLength(0)
  })

  test('is refused after 24 hours, on another page and for an unknown user_ref', async ({ emulator, w }) => {
    await emulator.client.personAction(w.kim.id, { type: 'checkbox_optin', pageId: w.pageId, userRef: 'cart-79' })
    expectGraphError(await send(emulator, w.otherToken, toRef('cart-79', 'x')), { code: 100, subcode: 2018001 })
    expectGraphError(await send(emulator, w.token, toRef('nobody', 'x')), { code: 100, subcode: 2018001 })
    await emulator.client.advanceClock(24 * HOUR + 60)
    expectGraphError(await send(emulator, w.token, toRef('cart-79', 'late')), { code: 100, subcode: 2018001 })
  })

  test('refuses a sender action to a user_ref and a recipient naming two people', async ({ emulator, w }) => {
    await emulator.client.personAction(w.kim.id, { type: 'checkbox_optin', pageId: w.pageId, userRef: 'cart-80' })
    expectGraphError(await send(emulator, w.token, { recipient: { user_ref: 'cart-80' }, sender_action: 'typing_on' }),
      { code: 100, message: '(#100) The parameter recipient[id] is required' })
    expectGraphError(await send(emulator, w.token,
      { recipient: { id: w.kim.psid, user_ref: 'cart-80' }, message: { text: 'x' } }), { code: 100 })
  })
})
