/** People acting on Messenger through the control API, and the thread they see (DESIGN "Control API"). */
import { describe, expect } from 'vitest'
import { ControlApiError } from '../../emulator/control/client.js'
import { events, received, send, test, text } from './messaging-world.js'
import { graph } from './fixtures.js'

async function refusal(promise: Promise<unknown>): Promise<ControlApiError> {
  const err = await promise.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(ControlApiError)
  return err as ControlApiError
}

const buttonTemplate = (psid: string) => ({
  recipient: { id: psid }, messaging_type: 'RESPONSE',
  message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'What next?', buttons: [
    { type: 'web_url', title: 'Shop', url: 'https://example.com/shop' },
    { type: 'postback', title: 'Talk to us', payload: 'TALK' },
  ] } } },
})

describe('a person writes and taps', () => {
  test('a text arrives as a messages event and opens the window', async ({ emulator, receiver, w }) => {
    const result = await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'Hello?' })
    expect(result).toMatchObject({ psid: w.sam.psid, mid: expect.stringMatching(/^m_/), restricted: false })
    expect(result.events.map((e) => e.field)).toEqual(['messages'])
    const event = await received(receiver, 'messages')
    expect(event).toMatchObject({ sender: { id: w.sam.psid }, recipient: { id: w.pageId }, message: { mid: result.mid, text: 'Hello?' } })
    expect((await emulator.client.thread(w.sam.id, w.pageId)).windowClosesAt).not.toBeNull()
  })

  test('quick replies show above the composer, a tap sends the title with the payload, and they vanish',
    async ({ emulator, receiver, w }) => {
      await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
      await send(emulator, w.token, text(w.sam.psid, 'Coming tonight?', { quick_replies: [
        { content_type: 'text', title: 'Yes', payload: 'YES' }, { content_type: 'text', title: 'No', payload: 'NO' },
      ] }))
      expect((await emulator.client.thread(w.sam.id, w.pageId)).quickReplies.map((q) => q.title)).toEqual(['Yes', 'No'])
      await emulator.client.personAction(w.sam.id, { type: 'quick_reply', pageId: w.pageId, index: 1 })
      const event = await received(receiver, 'messages', (e) => e.message.quick_reply)
      expect(event.message).toMatchObject({ text: 'No', quick_reply: { payload: 'NO' } })
      const thread = await emulator.client.thread(w.sam.id, w.pageId)
      expect(thread.quickReplies).toEqual([])
      expect(thread.bubbles.at(-1)).toMatchObject({ from: 'person', text: 'No', payload: 'NO' })
      const err = await refusal(emulator.client.personAction(w.sam.id, { type: 'quick_reply', pageId: w.pageId, payload: 'YES' }))
      expect(err.status).toBe(409)
    })

  test('a postback button sends messaging_postbacks; a web_url button sends nothing', async ({ emulator, receiver, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const { body } = await send(emulator, w.token, buttonTemplate(w.sam.psid))
    const thread = await emulator.client.thread(w.sam.id, w.pageId)
    expect(thread.bubbles.at(-1)!.template).toMatchObject({ type: 'buttons', text: 'What next?',
      buttons: [{ index: 0, type: 'web_url', title: 'Shop' }, { index: 1, type: 'postback', title: 'Talk to us' }] })
    const tap = await emulator.client.personAction(w.sam.id, { type: 'postback', pageId: w.pageId, mid: body.message_id, index: 1 })
    const event = await received(receiver, 'messaging_postbacks')
    expect(event.postback).toEqual({ title: 'Talk to us', payload: 'TALK', mid: tap.mid })
    expect((await refusal(emulator.client.personAction(w.sam.id,
      { type: 'postback', pageId: w.pageId, mid: body.message_id, index: 0 }))).message).toMatch(/web_url button/)
  })

  test('a carousel renders its cards; a card button is tapped by element and index', async ({ emulator, receiver, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const { body } = await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_type: 'RESPONSE',
      message: { attachment: { type: 'template', payload: { template_type: 'generic', elements: [
        { title: 'Hat', buttons: [{ type: 'postback', title: 'Buy hat', payload: 'HAT' }] },
        { title: 'Coat', subtitle: 'Warm', buttons: [{ type: 'postback', title: 'Buy coat', payload: 'COAT' }] },
      ] } } } })
    const card = (await emulator.client.thread(w.sam.id, w.pageId)).bubbles.at(-1)!.template
    expect(card).toMatchObject({ type: 'carousel', cards: [{ title: 'Hat' }, { title: 'Coat', subtitle: 'Warm' }] })
    await emulator.client.personAction(w.sam.id, { type: 'postback', pageId: w.pageId, mid: body.message_id, element: 1, index: 0 })
    expect((await received(receiver, 'messaging_postbacks')).postback.payload).toBe('COAT')
  })

  test('reading emits message_reads and marks the page messages read; typing shows without a webhook',
    async ({ emulator, receiver, w }) => {
      await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
      await send(emulator, w.token, text(w.sam.psid, 'Answer'))
      await emulator.client.personAction(w.sam.id, { type: 'typing', pageId: w.pageId })
      expect((await emulator.client.thread(w.sam.id, w.pageId)).typing.person).toBe(true)
      await emulator.client.personAction(w.sam.id, { type: 'read', pageId: w.pageId })
      expect((await received(receiver, 'message_reads')).read.watermark).toEqual(expect.any(Number))
      expect((await emulator.client.thread(w.sam.id, w.pageId)).bubbles.at(-1)!.status).toBe('read')
    })
})

describe('opt-ins', () => {
  test('a plugin opt-in sends messaging_optins with its ref and opens the window', async ({ emulator, receiver, w }) => {
    const result = await emulator.client.personAction(w.sam.id, { type: 'optin', pageId: w.pageId, ref: 'SIGNUP_FORM' })
    expect(result.events.map((e) => e.field)).toEqual(['messaging_optins'])
    const event = await received(receiver, 'messaging_optins')
    expect(event).toEqual({ sender: { id: w.sam.psid }, recipient: { id: w.pageId }, timestamp: expect.any(Number),
      optin: { ref: 'SIGNUP_FORM' } })
    expect((await emulator.client.thread(w.sam.id, w.pageId)).windowClosesAt).not.toBeNull()
  })
})

describe('Get Started, m.me links and ads', () => {
  async function setProfile(emulator: any, token: string, profile: unknown) {
    const res = await graph(emulator, `/me/messenger_profile?access_token=${token}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }

  test('an m.me referral on a new thread rides on the Get Started postback; the menu shows', async ({ emulator, receiver, w }) => {
    await setProfile(emulator, w.token, { get_started: { payload: 'START' }, persistent_menu: [{ locale: 'default',
      call_to_actions: [{ type: 'postback', title: 'Talk to an agent', payload: 'AGENT' }] }] })
    const before = await emulator.client.thread(w.sam.id, w.pageId)
    expect(before.getStarted).toEqual({ shown: true, payload: 'START' })
    expect(before.persistentMenu).toEqual([{ index: 0, type: 'postback', title: 'Talk to an agent', payload: 'AGENT' }])
    const ref = await emulator.client.personAction(w.sam.id, { type: 'referral', pageId: w.pageId, ref: 'spring-sale' })
    expect(ref.events).toEqual([])
    await emulator.client.personAction(w.sam.id, { type: 'get_started', pageId: w.pageId })
    const event = await received(receiver, 'messaging_postbacks')
    expect(event.postback).toMatchObject({ title: 'Get Started', payload: 'START',
      referral: { ref: 'spring-sale', source: 'SHORTLINK', type: 'OPEN_THREAD' } })
    expect((await emulator.client.thread(w.sam.id, w.pageId)).getStarted.shown).toBe(false)
    await emulator.client.personAction(w.sam.id, { type: 'referral', pageId: w.pageId, ref: 'again' })
    expect((await received(receiver, 'messaging_referrals')).referral).toEqual({ ref: 'again', source: 'SHORTLINK', type: 'OPEN_THREAD' })
  })

  test('an ad welcome shows but is not history nor sent; its quick reply and button carry the ad referral',
    async ({ emulator, receiver, w }) => {
      const click = await emulator.client.personAction(w.sam.id, { type: 'ad_click', pageId: w.pageId, adId: '6045246247433',
        ref: 'ad-ref', welcome: { text: 'Hi! Want a deal?', quick_replies: [{ title: 'Continue', payload: 'continue' }] } })
      expect(click.events).toEqual([])
      const thread = await emulator.client.thread(w.sam.id, w.pageId)
      expect(thread.bubbles).toEqual([expect.objectContaining({ mid: null, kind: 'ad_welcome', inHistory: false, text: 'Hi! Want a deal?' })])
      expect(thread.quickReplies.map((q) => q.title)).toEqual(['Continue'])
      await emulator.client.personAction(w.sam.id, { type: 'quick_reply', pageId: w.pageId, payload: 'continue' })
      const message = (await received(receiver, 'messages')).message
      expect(message).toMatchObject({ text: 'Continue', quick_reply: { payload: 'continue' },
        referral: { source: 'ADS', type: 'OPEN_THREAD', ad_id: '6045246247433', ref: 'ad-ref' } })

      await emulator.client.personAction(w.sam.id, { type: 'ad_click', pageId: w.pageId, adId: '6045246247434',
        welcome: { text: 'More?', buttons: [{ type: 'postback', title: 'Tell me more', payload: 'tell_me_more' }] } })
      expect((await received(receiver, 'messaging_referrals')).referral).toMatchObject({ source: 'ADS', ad_id: '6045246247434' })
      await emulator.client.personAction(w.sam.id, { type: 'postback', pageId: w.pageId, adWelcome: true, index: 0 })
      const postback = (await received(receiver, 'messaging_postbacks')).postback
      expect(postback).toMatchObject({ title: 'Tell me more', payload: 'tell_me_more', referral: { source: 'ADS', ad_id: '6045246247434' } })
    })
})

describe('who and where', () => {
  test('unknown person or page → 404 with instructions; first contact creates the PSID', async ({ emulator, w }) => {
    const noPerson = await refusal(emulator.client.personAction('999', { type: 'text', pageId: w.pageId, text: 'x' }))
    expect(noPerson).toMatchObject({ status: 404, instructions: expect.stringContaining('/_emulator/world') })
    expect((await refusal(emulator.client.thread(w.sam.id, '999'))).status).toBe(404)
    const [page] = (await emulator.client.addWorld({ pages: [{ name: 'New Page' }] })).pages
    expect((await emulator.client.thread(w.sam.id, page!.id!)).psid).toBeNull()
    const first = await emulator.client.personAction(w.sam.id, { type: 'text', pageId: page!.id!, text: 'hello' })
    expect((await emulator.client.thread(w.sam.id, page!.id!)).psid).toBe(first.psid)
  })

  test('a malformed action is refused with the reason', async ({ emulator, receiver, w }) => {
    const err = await refusal(emulator.client.personAction(w.sam.id, { type: 'attachment', pageId: w.pageId, attachmentType: 'image' } as any))
    expect(err.status).toBe(400)
    expect(events(receiver, 'messages')).toEqual([])
  })
})
