/**
 * Send API request validation without HTTP: every limit Facebook refuses maps onto Graph's error (docs §3.2–§3.8);
 * the labels production cuts and the messaging_type it does not require are warnings, or under strict the error (§21).
 */
import { describe, expect, it } from 'vitest'
import { parseSendRequest as parseWith } from '../../emulator/messenger/send-request.js'
import { GraphError } from '../../emulator/facebook/errors.js'
import { Leniency } from '../../emulator/facebook/leniency.js'

const parseSendRequest = (values: Record<string, unknown>) => parseWith(values, new Leniency())
const base = { recipient: { id: '123' }, messaging_type: 'RESPONSE' }
function error(values: Record<string, unknown>, leniency = new Leniency()): { code: number; subcode?: number; message: string } {
  try {
    parseWith(values, leniency)
  } catch (e) {
    expect(e).toBeInstanceOf(GraphError)
    const g = e as GraphError
    return { code: g.entry.code, ...(g.entry.subcode ? { subcode: g.entry.subcode } : {}), message: g.message }
  }
  throw new Error('expected a GraphError')
}
const template = (payload: Record<string, unknown>) => ({ ...base, message: { attachment: { type: 'template', payload } } })
const postback = (title = 'Go') => ({ type: 'postback', title, payload: 'P' })

describe('parseSendRequest accepts', () => {
  it('text with 13 quick replies, metadata and a notification type', () => {
    const r = parseSendRequest({ ...base, notification_type: 'SILENT_PUSH', message: { text: 'x'.repeat(2000), metadata: 'm',
      quick_replies: Array.from({ length: 13 }, (_, i) => ({ content_type: 'text', title: `t${i}`, payload: i })) } })
    expect(r).toMatchObject({ kind: 'message', message: { quick_replies: expect.arrayContaining([{ content_type: 'text', title: 't1', payload: '1' }]) } })
  })
  it('contact quick replies without a title, every button type, a receipt and a media template', () => {
    expect(() => parseSendRequest({ ...base, message: { text: 'x', quick_replies: [{ content_type: 'user_email' }] } })).not.toThrow()
    expect(() => parseSendRequest(template({ template_type: 'generic', elements: [{ title: 't', buttons: [
      { type: 'web_url', title: 'w', url: 'https://e.com', webview_height_ratio: 'tall', messenger_extensions: true, fallback_url: 'https://e.com/f' },
      { type: 'phone_number', title: 'Call', payload: '+15105551234' }, { type: 'account_link', url: 'https://e.com/login' },
    ] }] }))).not.toThrow()
    expect(() => parseSendRequest(template({ template_type: 'receipt', recipient_name: 'S', order_number: '1', currency: 'USD',
      payment_method: 'Visa', summary: { total_cost: 10 }, elements: [{ title: 'Coat', price: 50 }] }))).not.toThrow()
    expect(() => parseSendRequest(template({ template_type: 'media',
      elements: [{ media_type: 'image', url: 'https://www.facebook.com/photo.php?fbid=1' }] }))).not.toThrow()
  })
  it('a sender action alone, without messaging_type', () => {
    expect(parseSendRequest({ recipient: { id: '1' }, sender_action: 'typing_on' })).toMatchObject({ kind: 'sender_action' })
  })
})

describe('parseSendRequest refuses', () => {
  it.each([
    ['button template text over 640', template({ template_type: 'button', text: 'x'.repeat(641), buttons: [postback()] }),
      { code: 100, message: '(#100) Length of param message[attachment][payload][text] must be less than or equal to 640' }],
    ['a button template without buttons', template({ template_type: 'button', text: 'x', buttons: [] }),
      { code: 100, message: '(#100) Param message[attachment][payload][buttons] must be non-empty' }],
    ['4 buttons on a card', template({ template_type: 'generic', elements: [{ title: 't', buttons: [postback(), postback(), postback(), postback()] }] }),
      { code: 105, message: '(#105) param message[attachment][payload][elements][0][buttons] has too many elements' }],
    ['two media elements', template({ template_type: 'media', elements: [{ media_type: 'image', attachment_id: '1' }, { media_type: 'image', attachment_id: '2' }] }),
      { code: 105, message: /\[elements\] has too many elements/ }],
    ['payload over 1000', template({ template_type: 'button', text: 'x', buttons: [{ type: 'postback', title: 't', payload: 'p'.repeat(1001) }] }),
      { code: 100, message: /\[payload\] must be less than or equal to 1000/ }],
    ['an unknown button type', template({ template_type: 'button', text: 'x', buttons: [{ type: 'element_share' }] }),
      { code: 100, message: /\[buttons\]\[0\]\[type\] must be one of \{web_url, postback, phone_number, account_link, account_unlink, game_play\} - got "element_share"/ }],
    ['the deprecated location quick reply', { ...base, message: { text: 'x', quick_replies: [{ content_type: 'location' }] } },
      { code: 100, message: /\[content_type\] must be one of \{text, user_phone_number, user_email\} - got "location"/ }],
    ['text and attachment together', { ...base, message: { text: 'x', attachment: { type: 'image', payload: { url: 'https://e.com/a.png' } } } },
      { code: 100, message: /must have either text or attachment/ }],
    ['media with neither url nor attachment_id', { ...base, message: { attachment: { type: 'image', payload: {} } } },
      { code: 100, message: /must have either url or attachment_id/ }],
    ['an unknown messaging_type', { ...base, messaging_type: 'NON_PROMOTIONAL_SUBSCRIPTION', message: { text: 'x' } },
      { code: 100, message: /messaging_type must be one of \{RESPONSE, UPDATE, MESSAGE_TAG\}/ }],
    ['a retired tag', { ...base, messaging_type: 'MESSAGE_TAG', tag: 'ISSUE_RESOLUTION', message: { text: 'x' } },
      { code: 100, message: /Param tag must be one of/ }],
    ['MESSAGE_TAG without a tag', { ...base, messaging_type: 'MESSAGE_TAG', message: { text: 'x' } },
      { code: 100, message: '(#100) The parameter tag is required' }],
    ['an unknown sender action', { recipient: { id: '1' }, sender_action: 'typing' },
      { code: 100, message: /Param sender_action must be one of \{typing_on, typing_off, mark_seen\}/ }],
  ] as const)('%s', (_, values, expected) => {
    const e = error(values as Record<string, unknown>)
    expect(e.code).toBe(expected.code)
    if (typeof expected.message === 'string') expect(e.message).toBe(expected.message)
    else expect(e.message).toMatch(expected.message)
  })
})

/** Every label production cuts: a message carrying it, and the parameter Graph names. */
const LONG_LABELS = [
  ['a quick-reply title over 20', { ...base, message: { text: 'x', quick_replies: [{ content_type: 'text', title: 'Search by order number', payload: 'p' }] } },
    'message[quick_replies][0][title]', 20],
  ['a button title over 20', template({ template_type: 'button', text: 'x', buttons: [postback('Talk to a human agent now')] }),
    'message[attachment][payload][buttons][0][title]', 20],
  ['a card title over 80', template({ template_type: 'generic', elements: [{ title: 'x'.repeat(81) }] }),
    'message[attachment][payload][elements][0][title]', 80],
  ['a card subtitle over 80', template({ template_type: 'generic', elements: [{ title: 't', subtitle: 's'.repeat(81) }] }),
    'message[attachment][payload][elements][0][subtitle]', 80],
  ['a card button title over 20', template({ template_type: 'generic', elements: [{ title: 't', buttons: [postback(), postback('y'.repeat(21))] }] }),
    'message[attachment][payload][elements][0][buttons][1][title]', 20],
  ['a media button title over 20', template({ template_type: 'media', elements: [{ media_type: 'image', attachment_id: '1', buttons: [postback('z'.repeat(25))] }] }),
    'message[attachment][payload][elements][0][buttons][0][title]', 20],
] as const

describe('labels past their limit (docs §21)', () => {
  it.each(LONG_LABELS)('%s: accepted whole, with a warning naming it', (_, values, param, max) => {
    const leniency = new Leniency()
    const request = parseWith(values as Record<string, unknown>, leniency)
    expect(JSON.stringify(request)).toContain(JSON.stringify(values.message).slice(1, -1))
    expect(leniency.warnings).toEqual([{ code: 'labelCut', docs: expect.stringMatching(/^https:\/\/developers\.facebook\.com\//),
      message: `${param} is longer than ${max} characters: accepted and stored whole, but people see its first ${max} characters and "…". --strict refuses it.` }])
  })
  it.each(LONG_LABELS)('%s: refused under strict', (_, values, param, max) => {
    expect(error(values as Record<string, unknown>, new Leniency(true))).toEqual({
      code: 100, message: `(#100) Length of param ${param} must be less than or equal to ${max}` })
  })
  it('a label at its limit, counted in characters (an emoji is one), is no warning', () => {
    const leniency = new Leniency(true)
    parseWith({ ...base, message: { text: 'x', quick_replies: [{ content_type: 'text', title: '👍'.repeat(20), payload: 'p' }] } }, leniency)
    expect(leniency.warnings).toEqual([])
  })
})

describe('messaging_type (docs §3.2, §21)', () => {
  const noType = { recipient: { id: '1' }, message: { text: 'hi' } }
  it('missing: sent as RESPONSE, with a warning', () => {
    const leniency = new Leniency()
    expect(parseWith(noType, leniency)).toMatchObject({ kind: 'message', messaging_type: 'RESPONSE' })
    expect(leniency.warnings).toEqual([expect.objectContaining({ code: 'messagingTypeMissing',
      message: expect.stringMatching(/^messaging_type is missing: sent as RESPONSE/) })])
  })
  it('missing beside a tag: sent as MESSAGE_TAG', () => {
    const leniency = new Leniency()
    expect(parseWith({ ...noType, tag: 'POST_PURCHASE_UPDATE' }, leniency)).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' })
    expect(leniency.warnings[0]!.message).toMatch(/sent as MESSAGE_TAG/)
  })
  it('missing under strict: refused, as documented', () => {
    expect(error(noType, new Leniency(true))).toEqual({ code: 100, message: '(#100) The parameter messaging_type is required' })
  })
  it('given: no warning', () => {
    const leniency = new Leniency()
    parseWith({ ...noType, messaging_type: 'UPDATE' }, leniency)
    expect(leniency.warnings).toEqual([])
  })
})
