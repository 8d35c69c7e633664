/**
 * Recurring notifications (docs §17): the page asks with the notification_messages template inside the window, the
 * person opts in (a token in messaging_optins), the page sends with the token outside the window once per period of
 * its frequency, until the person stops the messages or the token expires.
 */
import { describe, expect } from 'vitest'
import { test, receivedEvent, sdkSend } from './reach-world.js'
import { send } from './messaging-world.js'
import { expectGraphError } from './fixtures.js'

const DAY = 24 * 60 * 60
const request = (psid: string, extra: Record<string, unknown> = {}) => ({
  recipient: { id: psid }, messaging_type: 'RESPONSE',
  message: { attachment: { type: 'template', payload: {
    template_type: 'notification_messages', title: 'Weekly deals', image_url: 'https://example.com/deals.png',
    payload: 'DEALS', notification_messages_frequency: 'WEEKLY', notification_messages_reoptin: 'ENABLED', ...extra,
  } } },
})
const notify = (token: string, t: string) => ({ recipient: { notification_messages_token: token }, message: { text: t } })

describe('recurring notifications', () => {
  test('opt in, send outside the window once a week, stop and resume', async ({ emulator, receiver, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'deals?' })
    const asked = await send(emulator, w.token, request(w.sam.psid))
    expect(asked.status).toBe(200)
    const thread = await emulator.client.thread(w.sam.id, w.pageId)
    expect(thread.bubbles.at(-1)?.template).toEqual({ type: 'notification_request', title: 'Weekly deals',
      frequency: 'WEEKLY', imageUrl: 'https://example.com/deals.png' })

    const optin = await emulator.client.personAction(w.sam.id, { type: 'notification_optin', pageId: w.pageId })
    const token = optin.notificationMessagesToken!
    const event = await receivedEvent(receiver, (e) => e.optin?.notification_messages_token === token)
    expect(event).toEqual({ sender: { id: w.sam.psid }, recipient: { id: w.pageId }, timestamp: expect.any(Number),
      optin: { type: 'notification_messages', payload: 'DEALS', title: 'Weekly deals', notification_messages_token: token,
        notification_messages_frequency: 'WEEKLY', notification_messages_timezone: 'UTC',
        token_expiry_timestamp: expect.any(Number), user_token_status: 'NOT_REFRESHED' } })
    expect(event.optin.token_expiry_timestamp - event.timestamp).toBe(273 * DAY * 1000)

    // Asking again on the same topic is refused while the person is opted in.
    expectGraphError(await send(emulator, w.token, request(w.sam.psid)), { code: 613, subcode: 1893016 })

    await emulator.client.advanceClock(3 * DAY)
    const sent = await sdkSend(emulator, w.token, w.pageId, notify(token, 'This week: 20% off'))
    expect(sent).toMatchObject({ recipient_id: w.sam.psid, message_id: expect.stringMatching(/^m_/) })
    expectGraphError(await send(emulator, w.token, notify(token, 'And more')), { code: 4, subcode: 2018354 })
    const texts = (await emulator.client.thread(w.sam.id, w.pageId)).bubbles.map((b) => b.text)
    expect(texts).toContain('This week: 20% off')
    expect(texts).not.toContain('And more')
    await emulator.client.advanceClock(7 * DAY)
    expect((await send(emulator, w.token, notify(token, 'Next week: 30% off'))).status).toBe(200)

    await emulator.client.advanceClock(7 * DAY)
    const stop = await emulator.client.personAction(w.sam.id, { type: 'notification_optout', pageId: w.pageId })
    expect(stop.events[0]?.event).toMatchObject({ optin: { notification_messages_status: 'STOP_NOTIFICATIONS',
      notification_messages_token: token } })
    expectGraphError(await send(emulator, w.token, notify(token, 'x')), { code: 10, subcode: 1893015,
      message: '(#10) This user has currently stopped notification messages for this topic' })
    const resume = await emulator.client.personAction(w.sam.id, { type: 'notification_optin', pageId: w.pageId })
    expect(resume.events[0]?.event).toMatchObject({ optin: { notification_messages_status: 'RESUME_NOTIFICATIONS' } })
    expect((await send(emulator, w.token, notify(token, 'Welcome back'))).status).toBe(200)
  })

  test('a token expires, and belongs to its page', async ({ emulator, w }) => {
    await emulator.client.personAction(w.kim.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    await send(emulator, w.token, request(w.kim.psid, { notification_messages_frequency: 'DAILY' }))
    const { notificationMessagesToken: token } =
      await emulator.client.personAction(w.kim.id, { type: 'notification_optin', pageId: w.pageId })
    expectGraphError(await send(emulator, w.otherToken, notify(token!, 'x')),
      { code: 100, message: '(#100) notification_messages_token is invalid' })
    expectGraphError(await send(emulator, w.token, notify('nope', 'x')), { code: 100 })
    await emulator.client.advanceClock(183 * DAY)
    expectGraphError(await send(emulator, w.token, notify(token!, 'x')),
      { code: 100, message: '(#100) notification_messages_token has expired' })
  })

  test('the request needs the window, a frequency and a title of 65 characters at most', async ({ emulator, w }) => {
    expectGraphError(await send(emulator, w.token, request(w.kim.psid)), { code: 10, subcode: 2018278 })
    await emulator.client.personAction(w.kim.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    expectGraphError(await send(emulator, w.token, request(w.kim.psid, { notification_messages_frequency: 'HOURLY' })),
      { code: 100 })
    expectGraphError(await send(emulator, w.token, request(w.kim.psid, { title: 'x'.repeat(66) })), { code: 100 })
    await expect(emulator.client.personAction(w.kim.id, { type: 'notification_optin', pageId: w.pageId }))
      .rejects.toThrow(/No recurring notifications request/)
  })
})

describe('a Messenger lead ad', () => {
  test('opens the thread from the ad, then ends with LEAD_COMPLETE or LEAD_INCOMPLETE', async ({ emulator, receiver, w }) => {
    const done = await emulator.client.personAction(w.sam.id,
      { type: 'lead_form', pageId: w.pageId, adId: '6045246247433', complete: true })
    expect(done.events.map((e) => e.event)).toEqual([
      { sender: { id: w.sam.psid }, recipient: { id: w.pageId }, timestamp: expect.any(Number),
        referral: { source: 'ADS', type: 'OPEN_THREAD', ad_id: '6045246247433' } },
      { sender: { id: w.sam.psid }, recipient: { id: w.pageId }, timestamp: expect.any(Number),
        referral: { source: 'ADS', type: 'LEAD_COMPLETE', ad_id: '6045246247433' } },
    ])
    await receivedEvent(receiver, (e) => e.referral?.type === 'LEAD_COMPLETE')
    // The form was an interaction: the page may answer in the 24-hour window.
    expect((await send(emulator, w.token, { recipient: { id: w.sam.psid }, message: { text: 'Thanks!' } })).status).toBe(200)
    const left = await emulator.client.personAction(w.kim.id,
      { type: 'lead_form', pageId: w.pageId, adId: '6045246247433', complete: false })
    expect(left.events[1]?.event).toMatchObject({ referral: { type: 'LEAD_INCOMPLETE' } })
  })
})
