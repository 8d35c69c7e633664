import { describe, expect, test } from 'vitest'
import { messengerRefusal, senderAction, toSendRequests } from '../../adapter/messenger/outbound.js'
import type { Action, Content } from '../../adapter/conversations/schemas.js'

const send = (content: Content, override?: { messenger: { payload: Record<string, unknown> } }) =>
  toSendRequests({ psid: 'PSID', content, ...(override ? { override } : {}) }) as any[]

const replies = (n: number): Action[] => Array.from({ length: n }, (_, i) => ({ type: 'reply', text: `R${i}`, payload: `P${i}` }))

describe('outbound: content → Send API', () => {
  test('text is a RESPONSE text message to the PSID', () => {
    expect(send({ type: 'text', text: 'Hello 👋' })).toEqual([
      { recipient: { id: 'PSID' }, messaging_type: 'RESPONSE', message: { text: 'Hello 👋' } },
    ])
  })

  test('reply actions become quick replies, at most 11 (seed), labels clipped to 20', () => {
    const [req] = send({ type: 'text', text: 'Rate us', actions: [...replies(13), { type: 'reply', text: 'x'.repeat(30), payload: 'L' }] })
    expect(req.message.quick_replies).toHaveLength(11)
    expect(req.message.quick_replies[0]).toEqual({ content_type: 'text', title: 'R0', payload: 'P0' })
    const [withIcon] = send({ type: 'text', text: 'a', actions: [{ type: 'reply', text: 'Great', payload: 'G', iconUrl: 'https://x.test/s.png' }] })
    expect(withIcon.message.quick_replies[0].image_url).toBe('https://x.test/s.png')
  })

  test('link, webview and postback actions make a button template (a compound message), at most 3', () => {
    const [req] = send({
      type: 'text', text: 'Choose',
      actions: [
        { type: 'link', text: 'Site', uri: 'https://acme.test' },
        { type: 'webview', text: 'Book', uri: 'https://acme.test/book', fallback: 'https://acme.test/f', size: 'compact' },
        { type: 'postback', text: 'Agent', payload: 'AGENT' },
        { type: 'postback', text: 'Extra', payload: 'EXTRA' },
        { type: 'reply', text: 'Yes', payload: 'YES' },
      ],
    })
    expect(req.message.attachment).toEqual({
      type: 'template',
      payload: {
        template_type: 'button', text: 'Choose',
        buttons: [
          { type: 'web_url', title: 'Site', url: 'https://acme.test' },
          { type: 'web_url', title: 'Book', url: 'https://acme.test/book', webview_height_ratio: 'compact' },
          { type: 'postback', title: 'Agent', payload: 'AGENT' },
        ],
      },
    })
    expect(req.message.quick_replies).toEqual([{ content_type: 'text', title: 'Yes', payload: 'YES' }])
  })

  test('webview with messenger extensions carries the fallback url', () => {
    const [req] = send({
      type: 'text', text: 'x',
      actions: [{ type: 'webview', text: 'Open', uri: 'https://a.test', fallback: 'https://b.test', extraChannelOptions: { messenger: { messenger_extensions: true } } }],
    })
    expect(req.message.attachment.payload.buttons[0]).toMatchObject({ messenger_extensions: true, fallback_url: 'https://b.test', webview_height_ratio: 'tall' })
  })

  test('image and GIF: text first, then the image; with buttons a one-element generic template', () => {
    expect(send({ type: 'image', mediaUrl: 'https://x.test/cat.gif', text: 'Look' }).map((r) => r.message)).toEqual([
      { text: 'Look' }, { attachment: { type: 'image', payload: { url: 'https://x.test/cat.gif', is_reusable: true } } },
    ])
    const [tpl] = send({ type: 'image', mediaUrl: 'https://x.test/a.png', text: 'Hat', actions: [{ type: 'postback', text: 'Buy', payload: 'BUY' }] })
    expect(tpl.message.attachment.payload).toEqual({
      template_type: 'generic', elements: [{ title: 'Hat', image_url: 'https://x.test/a.png', buttons: [{ type: 'postback', title: 'Buy', payload: 'BUY' }] }],
    })
  })

  test('file is a file attachment; location is text with a map link', () => {
    expect(send({ type: 'file', mediaUrl: 'https://x.test/a.pdf' })[0].message).toEqual({ attachment: { type: 'file', payload: { url: 'https://x.test/a.pdf', is_reusable: true } } })
    const [loc] = send({ type: 'location', coordinates: { lat: 45.5, long: -73.6 }, location: { name: 'Zendesk', address: '5333 Casgrain' } })
    expect(loc.message.text).toBe('Zendesk\n5333 Casgrain\nhttps://maps.google.com/maps?q=45.5,-73.6')
  })

  test('carousel → generic template: default action, 3 buttons per item, aspect ratio', () => {
    const [req] = send({
      type: 'carousel', displaySettings: { imageAspectRatio: 'square' },
      items: [{
        title: 'Tacos', description: 'Get your tacos', mediaUrl: 'https://x.test/t.jpg',
        actions: [
          { type: 'link', text: 'More', uri: 'https://x.test/more', default: true },
          { type: 'postback', text: 'A', payload: 'A' }, { type: 'postback', text: 'B', payload: 'B' },
          { type: 'postback', text: 'C', payload: 'C' }, { type: 'postback', text: 'D', payload: 'D' },
        ],
      }],
    })
    expect(req.message.attachment.payload).toEqual({
      template_type: 'generic', image_aspect_ratio: 'square',
      elements: [{
        title: 'Tacos', subtitle: 'Get your tacos', image_url: 'https://x.test/t.jpg',
        default_action: { type: 'web_url', url: 'https://x.test/more' },
        buttons: ['A', 'B', 'C'].map((p) => ({ type: 'postback', title: p, payload: p })),
      }],
    })
  })

  test('reply and locationRequest in a carousel are refused with a clear reason', () => {
    const reason = messengerRefusal({ type: 'carousel', items: [{ title: 'x', actions: [{ type: 'reply', text: 'r', payload: 'p' }] }] })
    expect(reason).toMatch(/items\[0\]\.actions: reply actions are not allowed in a carousel/)
    expect(messengerRefusal({ type: 'carousel', items: [{ title: 'x', actions: [{ type: 'locationRequest', text: 'Where?' }] }] })).toMatch(/locationRequest/)
    expect(messengerRefusal({ type: 'text', text: 'fine' })).toBeUndefined()
  })

  test('list → generic template; long text split at 2000', () => {
    const [list] = send({ type: 'list', items: [{ title: 'One', actions: [{ type: 'postback', text: 'Go', payload: 'GO' }] }] })
    expect(list.message.attachment.payload.template_type).toBe('generic')
    expect(send({ type: 'text', text: 'a'.repeat(4096) }).map((r) => r.message.text.length)).toEqual([2000, 2000, 96])
  })

  test('passthrough payload is sent as given, recipient replaced', () => {
    const [req] = send({ type: 'text', text: 'fallback' }, {
      messenger: { payload: { recipient: { id: 'SOMEONE_ELSE' }, message: { text: 'See you at 7?' }, tag: 'CONFIRMED_EVENT_UPDATE' } },
    })
    expect(req).toEqual({ recipient: { id: 'PSID' }, message: { text: 'See you at 7?' }, tag: 'CONFIRMED_EVENT_UPDATE', messaging_type: 'MESSAGE_TAG' })
  })

  test('typing and read are sender actions', () => {
    expect(senderAction('PSID', 'typing_on')).toEqual({ recipient: { id: 'PSID' }, sender_action: 'typing_on' })
  })
})
