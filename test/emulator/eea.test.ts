/**
 * European privacy restrictions (seed guide "Impact of Messenger API Updates for Europe"; docs §7): who is
 * restricted, and what a restricted conversation loses.
 */
import { describe, expect, it } from 'vitest'
import { restrictedParties } from '../../emulator/messenger/eea.js'
import { OPEN_ON_PHONE } from '../../emulator/messenger/thread-view.js'
import { ControlApiError } from '../../emulator/control/client.js'
import { events, received, send, test, text } from './messaging-world.js'

describe('restrictedParties', () => {
  const no = { eea: false }
  const yes = { eea: true }
  it.each([
    ['nobody in Europe', { page: no, admins: [no], person: no }, false],
    ['a European page', { page: yes, admins: [no], person: no }, true],
    ['any European admin', { page: no, admins: [no, yes], person: no }, true],
    ['a European person', { page: no, admins: [], person: yes }, true],
    ['a page-wide question without a person', { page: no, admins: [no] }, false],
  ])('%s → %s', (_, parties, expected) => expect(restrictedParties(parties)).toBe(expected))
})

const media = (psid: string, type: string, url: string) =>
  ({ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { attachment: { type, payload: { url } } } })

describe('a conversation with a person in Europe', () => {
  test('typing and mark_seen succeed without effect; no delivery events; echoes still arrive', async ({ emulator, receiver, w }) => {
    await emulator.client.personAction(w.eva.id, { type: 'text', pageId: w.pageId, text: 'Hallo' })
    for (const action of ['typing_on', 'mark_seen']) {
      const res = await send(emulator, w.token, { recipient: { id: w.eva.psid }, sender_action: action })
      expect(res.body).toEqual({ recipient_id: w.eva.psid })
    }
    const sent = await send(emulator, w.token, text(w.eva.psid, 'Hi Eva'))
    await received(receiver, 'message_echoes', (e) => e.message.mid === sent.body.message_id)
    const thread = await emulator.client.thread(w.eva.id, w.pageId)
    expect(thread).toMatchObject({ restricted: true, typing: { page: false }, marks: { seenByPage: null } })
    expect(thread.bubbles.map((b) => b.status ?? b.seen)).toEqual([false, 'sent'])
    await emulator.client.runDeliveries()
    expect(events(receiver, 'message_deliveries')).toEqual([])
  })

  test('business file/audio/video render as links, images inline; templates only on the phone apps', async ({ emulator, w }) => {
    await emulator.client.personAction(w.eva.id, { type: 'text', pageId: w.pageId, text: 'Hallo' })
    await send(emulator, w.token, media(w.eva.psid, 'file', 'https://example.com/terms.pdf'))
    await send(emulator, w.token, media(w.eva.psid, 'image', 'https://example.com/cat.png'))
    await send(emulator, w.token, { recipient: { id: w.eva.psid }, messaging_type: 'RESPONSE', message: { attachment: {
      type: 'template', payload: { template_type: 'button', text: 'Pick', buttons: [{ type: 'postback', title: 'A', payload: 'A' }] } } } })
    const web = await emulator.client.thread(w.eva.id, w.pageId)
    expect(web.bubbles.slice(1).map((b) => b.attachments?.[0]?.renderedAs ?? b.placeholder)).toEqual(['link', 'inline', OPEN_ON_PHONE])
    const phone = await emulator.client.thread(w.eva.id, w.pageId, 'android')
    expect(phone.bubbles.at(-1)!.template).toMatchObject({ type: 'buttons', text: 'Pick' })
  })

  test('the person cannot send files or read receipts; ad referrals are dropped, m.me ones kept', async ({ emulator, receiver, w }) => {
    const file = await emulator.client.personAction(w.eva.id,
      { type: 'attachment', pageId: w.pageId, attachmentType: 'file', url: 'https://example.com/a.pdf' }).catch((e: ControlApiError) => e)
    expect(file).toMatchObject({ status: 409, instructions: expect.stringContaining('https://example.com/a.pdf') })
    const image = await emulator.client.personAction(w.eva.id,
      { type: 'attachment', pageId: w.pageId, attachmentType: 'image', url: 'https://example.com/a.png' })
    expect(image.events[0]!.field).toBe('messages')
    expect(await emulator.client.personAction(w.eva.id, { type: 'read', pageId: w.pageId }).catch((e) => e.status)).toBe(409)

    await emulator.client.personAction(w.eva.id, { type: 'ad_click', pageId: w.pageId, adId: '42',
      welcome: { text: 'Deal?', quick_replies: [{ title: 'Yes', payload: 'YES' }] } })
    const reply = await emulator.client.personAction(w.eva.id, { type: 'quick_reply', pageId: w.pageId, index: 0 })
    expect((reply.events[0]!.event as any).message).not.toHaveProperty('referral')
    const mme = await emulator.client.personAction(w.eva.id, { type: 'referral', pageId: w.pageId, ref: 'r' })
    expect(mme.events.map((e) => e.field)).toEqual(['messaging_referrals'])
    await received(receiver, 'messaging_referrals')
  })
})

describe('restriction through the page', () => {
  test('a page with a European admin restricts every chat, even with Sam', async ({ emulator, w }) => {
    const doc = await emulator.client.addWorld({ accounts: [{ name: 'Lena Admin', eea: true }],
      pages: [{ name: 'Euro Shop', admins: ['Lena Admin'] }] })
    const page = doc.pages[0]!.id!
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: page, text: 'hi' })
    expect((await emulator.client.thread(w.sam.id, page)).restricted).toBe(true)
    expect((await emulator.client.thread(w.sam.id, w.pageId)).restricted).toBe(false)
  })
})
