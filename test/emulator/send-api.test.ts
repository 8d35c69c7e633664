/** The Send API over HTTP (docs §3): messages, limits, recipients, window, echoes and deliveries, attachments. */
import { describe, expect } from 'vitest'
import { events, received, send, test, text } from './messaging-world.js'
import { expectGraphError, graph } from './fixtures.js'

const HOUR = 60 * 60

describe('sending a message', () => {
  test('answers recipient_id and an m_ mid, echoes it with app_id and metadata, then reports delivery',
    async ({ emulator, receiver, w }) => {
      await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
      const res = await send(emulator, w.token, text(w.sam.psid, 'Hello Sam', { metadata: 'ticket-42' }))
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ recipient_id: w.sam.psid, message_id: expect.stringMatching(/^m_/) })
      const mid = res.body.message_id
      const echo = await received(receiver, 'message_echoes')
      expect(echo).toMatchObject({
        sender: { id: w.pageId }, recipient: { id: w.sam.psid },
        message: { is_echo: true, app_id: Number(w.appId), metadata: 'ticket-42', mid, text: 'Hello Sam' },
      })
      const delivery = await received(receiver, 'message_deliveries')
      expect(delivery).toMatchObject({ sender: { id: w.sam.psid }, delivery: { mids: [mid], watermark: expect.any(Number) } })
      const thread = await emulator.client.thread(w.sam.id, w.pageId)
      expect(thread.bubbles.map((b) => [b.from, b.text, b.status ?? null])).toEqual([
        ['person', 'hi', null], ['page', 'Hello Sam', 'delivered'],
      ])
    })

  test('works on /{page-id}/messages and with a form body whose values are JSON strings', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const byId = await send(emulator, w.token, text(w.sam.psid, 'one'), `/${w.pageId}/messages`)
    expect(byId.status).toBe(200)
    const form = new URLSearchParams({
      access_token: w.token, recipient: JSON.stringify({ id: w.sam.psid }), messaging_type: 'RESPONSE',
      message: JSON.stringify({ text: 'two' }),
    })
    const res = await graph(emulator, '/v3.2/me/messages', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
    })
    expect(res.status).toBe(200)
    expect((await emulator.client.thread(w.sam.id, w.pageId)).bubbles.map((b) => b.text)).toEqual(['hi', 'one', 'two'])
  })

  test('refuses a PSID of another page, an unknown PSID and a person who blocked the page', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const { access_token: otherToken } = await emulator.client.pageToken(w.appId, w.otherPageId)
    expectGraphError(await send(emulator, otherToken, text(w.sam.psid, 'x')),
      { code: 100, subcode: 2018001, type: 'OAuthException', message: '(#100) No matching user found' })
    expectGraphError(await send(emulator, w.token, text('1234567890123456', 'x')), { code: 100, subcode: 2018001 })
    await emulator.client.personAction(w.sam.id, { type: 'block', pageId: w.pageId })
    expectGraphError(await send(emulator, w.token, text(w.sam.psid, 'x')),
      { code: 551, subcode: 1545041, message: "(#551) This person isn't available right now." })
    expect((await emulator.client.thread(w.sam.id, w.pageId)).bubbles).toHaveLength(1)
  })

  test('needs a page token for this page with pages_messaging (#230)', async ({ emulator, w }) => {
    const owner = (await emulator.client.exportWorld()).accounts[0]!.id!
    const user = await emulator.client.userToken(owner, w.appId, ['pages_show_list'])
    const accounts = await graph(emulator, `/me/accounts?access_token=${user.access_token}`)
    const pageToken = accounts.body.data.find((p: any) => p.id === w.pageId).access_token
    // The owner revokes pages_messaging (granted by Token Generation): every token of theirs loses it.
    await graph(emulator, `/me/permissions/pages_messaging?access_token=${user.access_token}`, { method: 'DELETE' })
    expectGraphError(await send(emulator, pageToken, text(w.sam.psid, 'x')), { status: 403, code: 230 })
    expectGraphError(await send(emulator, user.access_token, text(w.sam.psid, 'x'), `/${w.pageId}/messages`),
      { status: 403, code: 200 })
  })
})

describe('the 24-hour window and tags', () => {
  test('a person who never wrote, or wrote more than 24 h ago, cannot get a RESPONSE', async ({ emulator, w }) => {
    const closed = { code: 10, subcode: 2018278, message: '(#10) This message is sent outside of allowed window.' }
    expectGraphError(await send(emulator, w.token, text(w.sam.psid, 'x')), closed)
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    await emulator.client.advanceClock(23 * HOUR)
    expect((await send(emulator, w.token, text(w.sam.psid, 'still open'))).status).toBe(200)
    await emulator.client.advanceClock(2 * HOUR)
    expectGraphError(await send(emulator, w.token, text(w.sam.psid, 'too late')), closed)
    const tagged = { ...text(w.sam.psid, 'Your order shipped'), messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' }
    expect((await send(emulator, w.token, tagged)).status).toBe(200)
  })

  test('HUMAN_AGENT needs App Review approval and reaches 7 days back', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    await emulator.client.advanceClock(3 * 24 * HOUR)
    const agent = { ...text(w.sam.psid, 'An agent here'), messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }
    expectGraphError(await send(emulator, w.token, agent), { code: 100, subcode: 2018276 })
    await emulator.client.setAppFeature(w.appId, 'human_agent', true)
    expect((await send(emulator, w.token, agent)).status).toBe(200)
    await emulator.client.advanceClock(5 * 24 * HOUR)
    expectGraphError(await send(emulator, w.token, agent), { code: 10, subcode: 2018278 })
  })
})

describe('validation', () => {
  test.for([
    ['text over 2000', { text: 'x'.repeat(2001) }, 100, '(#100) Length of param message[text] must be less than or equal to 2000'],
    ['14 quick replies', { text: 'q', quick_replies: Array.from({ length: 14 }, (_, i) => ({ content_type: 'text', title: `t${i}`, payload: 'p' })) },
      105, '(#105) param message[quick_replies] has too many elements'],
    ['quick reply without title', { text: 'q', quick_replies: [{ content_type: 'text', payload: 'p' }] }, 100,
      '(#100) The parameter message[quick_replies][0][title] is required'],
    ['unknown key', { text: 'x', reply_to: { mid: 'm_1' } }, 100, '(#100) Invalid keys "reply_to" were found in param "message".'],
    ['metadata over 1000', { text: 'x', metadata: 'm'.repeat(1001) }, 100, /message\[metadata\] must be less than or equal to 1000/],
    ['4 buttons', { attachment: { type: 'template', payload: { template_type: 'button', text: 'Pick',
      buttons: Array.from({ length: 4 }, () => ({ type: 'postback', title: 'b', payload: 'p' })) } } }, 105,
      '(#105) param message[attachment][payload][buttons] has too many elements'],
    ['11 carousel cards', { attachment: { type: 'template', payload: { template_type: 'generic',
      elements: Array.from({ length: 11 }, () => ({ title: 't' })) } } }, 105, /\[elements\] has too many elements/],
    ['receipt without summary', { attachment: { type: 'template', payload: { template_type: 'receipt', recipient_name: 'S',
      order_number: '1', currency: 'USD', payment_method: 'Visa' } } }, 100, '(#100) The parameter message[attachment][payload][summary] is required'],
    ['unknown template', { attachment: { type: 'template', payload: { template_type: 'list' } } }, 100,
      /message\[attachment\]\[payload\]\[template_type\] must be one of \{generic, button, media, receipt, notification_messages\} - got "list"/],
  ] as const)('%s is refused and nothing is stored', async ([, message, code, expected], { emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const res = await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_type: 'RESPONSE', message })
    expectGraphError(res, { code: code as number, message: expected as string | RegExp })
    expect((await emulator.client.thread(w.sam.id, w.pageId)).bubbles).toHaveLength(1)
  })

  // A missing messaging_type is production's RESPONSE, or --strict's refusal: leniency.test.ts.
  test('needs recipient, and message or sender_action but not both', async ({ emulator, w }) => {
    expectGraphError(await send(emulator, w.token, { message: { text: 'x' } }),
      { code: 100, message: '(#100) The parameter recipient is required' })
    expectGraphError(await send(emulator, w.token, { recipient: { id: w.sam.psid } }), { code: 100, message: /either message or state/ })
    expectGraphError(await send(emulator, w.token, { recipient: { id: w.sam.psid }, sender_action: 'typing_on', message: { text: 'x' } }),
      { code: 100, message: /both message and state/ })
  })
})

describe('sender actions', () => {
  test('typing_on shows until typing_off or ~20 s; mark_seen marks the person\'s messages seen', async ({ emulator, receiver, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const typing = await send(emulator, w.token, { recipient: { id: w.sam.psid }, sender_action: 'typing_on' })
    expect(typing.body).toEqual({ recipient_id: w.sam.psid })
    expect((await emulator.client.thread(w.sam.id, w.pageId)).typing.page).toBe(true)
    await emulator.client.advanceClock(21)
    expect((await emulator.client.thread(w.sam.id, w.pageId)).typing.page).toBe(false)
    await send(emulator, w.token, { recipient: { id: w.sam.psid }, sender_action: 'mark_seen' })
    const thread = await emulator.client.thread(w.sam.id, w.pageId)
    expect(thread.bubbles[0]!.seen).toBe(true)
    await received(receiver, 'messages')
    expect(events(receiver, 'message_echoes')).toHaveLength(0)
  })
})

describe('attachments', () => {
  test('upload by URL or multipart filedata, send by attachment_id, is_reusable answers an id', async ({ emulator, w }) => {
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const upload = await send(emulator, w.token,
      { message: { attachment: { type: 'image', payload: { url: 'https://example.com/cat.png', is_reusable: true } } } },
      '/me/message_attachments')
    expect(upload.body).toEqual({ attachment_id: expect.stringMatching(/^\d+$/) })

    const form = new FormData()
    form.set('message', JSON.stringify({ attachment: { type: 'file', payload: { is_reusable: true } } }))
    form.set('filedata', new Blob(['%PDF-1.4 invoice'], { type: 'application/pdf' }), 'invoice.pdf')
    const multipart = await graph(emulator, `/v21.0/me/message_attachments?access_token=${w.token}`, { method: 'POST', body: form })
    expect(multipart.status).toBe(200)

    const byId = await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_type: 'RESPONSE',
      message: { attachment: { type: 'file', payload: { attachment_id: multipart.body.attachment_id } } } })
    expect(byId.status).toBe(200)
    const reusable = await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_type: 'RESPONSE',
      message: { attachment: { type: 'video', payload: { url: 'https://example.com/v.mp4', is_reusable: true } } } })
    expect(reusable.body).toEqual({ recipient_id: w.sam.psid, message_id: expect.any(String), attachment_id: expect.any(String) })

    const thread = await emulator.client.thread(w.sam.id, w.pageId)
    const file = thread.bubbles[1]!.attachments![0]!
    expect(file).toMatchObject({ type: 'file', renderedAs: 'inline' })
    const download = await fetch(file.url!)
    expect(await download.text()).toBe('%PDF-1.4 invoice')
    expect(download.headers.get('content-type')).toBe('application/pdf')
  })

  test('attachment ids are page-scoped', async ({ emulator, w }) => {
    const { access_token: otherToken } = await emulator.client.pageToken(w.appId, w.otherPageId)
    const upload = await send(emulator, otherToken,
      { message: { attachment: { type: 'image', payload: { url: 'https://example.com/cat.png', is_reusable: true } } } },
      '/me/message_attachments')
    await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'hi' })
    const res = await send(emulator, w.token, { recipient: { id: w.sam.psid }, messaging_type: 'RESPONSE',
      message: { attachment: { type: 'image', payload: { attachment_id: upload.body.attachment_id } } } })
    expectGraphError(res, { code: 100, message: /attachment_id\] must be a valid attachment id/ })
  })
})
