/**
 * The Send API request (docs §3.2–§3.5) as zod schemas: the wire types of what a page sends, and every documented
 * limit that Facebook refuses. A failure becomes the catalogue error Graph answers (graph-validation.ts); `(#100)
 * Invalid keys … were found in param "message".` comes from the strict objects (docs §3.8). The limits production
 * does not refuse (labels: quick-reply, button and card titles) and the `messaging_type` it does not require are
 * judged after the schema, by the call's leniency (facebook/leniency.ts): a warning, or under --strict the error.
 * Sources: https://developers.facebook.com/docs/messenger-platform/reference/send-api/ ,
 * https://developers.facebook.com/docs/messenger-platform/reference/buttons ,
 * https://developers.facebook.com/docs/messenger-platform/send-messages/template/generic (button, media, receipt).
 */
import * as z from 'zod'
import { LIMITS, type CutLimitName } from '../facebook/limits.js'
import { graphError } from '../facebook/errors.js'
import type { Leniency } from '../facebook/leniency.js'
import { parseGraph } from './graph-validation.js'
import { lazy } from '../../lib/lazy.js'
import { webUrl } from './web-url.js'

export const MEDIA_TYPES = ['image', 'audio', 'video', 'file'] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

export const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const
export type MessagingType = (typeof MESSAGING_TYPES)[number]
/** The tags left after 2020-03-04 (docs §3.2, §8). */
export const MESSAGE_TAGS = ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE', 'HUMAN_AGENT'] as const
export type MessageTag = (typeof MESSAGE_TAGS)[number]
export const NOTIFICATION_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const
export const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen'] as const
export type SenderAction = (typeof SENDER_ACTIONS)[number]

/** The schemas, built on the first Send API call (lib/lazy.ts) rather than at start. */
const schemas = lazy(() => {
  /** A button title's 20 characters are judged later (`labels`): production shows a longer one cut. */
  const title = z.string().min(1)
  /** Payloads are strings; clients that send a number get it as its text, as Graph reads form values. */
  const payload = z.union([z.string(), z.number().transform(String)])
    .pipe(z.string().min(1).max(LIMITS.payloadMax.value))
  const heightRatio = z.enum(['compact', 'tall', 'full'])

  const webUrlFields = {
    url: webUrl(),
    webview_height_ratio: heightRatio.optional(),
    messenger_extensions: z.boolean().optional(),
    fallback_url: webUrl().optional(),
    webview_share_button: z.enum(['hide', 'show']).optional(),
  }

  const ButtonSchema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('web_url'), title, ...webUrlFields }).strict(),
    z.object({ type: z.literal('postback'), title, payload }).strict(),
    z.object({
      type: z.literal('phone_number'), title,
      payload: z.string().regex(/^\+\d{6,15}$/, 'must be a phone number with a + and the country code'),
    }).strict(),
    z.object({ type: z.literal('account_link'), url: webUrl() }).strict(),
    z.object({ type: z.literal('account_unlink') }).strict(),
    z.object({
      type: z.literal('game_play'), title, payload: payload.optional(),
      game_metadata: z.object({ player_id: z.string().optional(), context_id: z.string().optional() }).strict()
        .optional(),
    }).strict(),
  ])

  const buttons = z.array(ButtonSchema).max(LIMITS.buttonsMax.value)
  /** A generic element's `default_action` is a web_url button without a title (docs §3.4). */
  const defaultAction = z.object({ type: z.literal('web_url'), ...webUrlFields }).strict()

  const GenericTemplate = z.object({
    template_type: z.literal('generic'),
    image_aspect_ratio: z.enum(['horizontal', 'square']).optional(),
    sharable: z.boolean().optional(),
    elements: z.array(z.object({
      title: z.string().min(1),
      subtitle: z.string().optional(),
      image_url: z.url().optional(),
      default_action: defaultAction.optional(),
      buttons: buttons.optional(),
    }).strict()).min(1).max(LIMITS.genericElementsMax.value),
  }).strict()

  const ButtonTemplate = z.object({
    template_type: z.literal('button'),
    text: z.string().min(1).max(LIMITS.buttonTemplateTextMax.value),
    buttons: buttons.min(1),
    sharable: z.boolean().optional(),
  }).strict()

  const MediaTemplate = z.object({
    template_type: z.literal('media'),
    sharable: z.boolean().optional(),
    elements: z.array(z.object({
      media_type: z.enum(['image', 'video']),
      attachment_id: z.string().optional(),
      // Facebook URLs only; other media must be uploaded for an attachment_id (docs §3.4).
      url: z.url().refine((u) => /^https:\/\/(www\.|m\.|business\.)?facebook\.com\//.test(u), 'must be a Facebook URL')
        .optional(),
      buttons: buttons.optional(),
    }).strict().refine((e) => (e.attachment_id === undefined) !== (e.url === undefined),
      'must have either attachment_id or url')).min(1).max(LIMITS.mediaElementsMax.value),
  }).strict()

  const amount = z.number().finite()
  const ReceiptTemplate = z.object({
    template_type: z.literal('receipt'),
    sharable: z.boolean().optional(),
    recipient_name: z.string().min(1),
    merchant_name: z.string().optional(),
    order_number: z.string().min(1),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code'),
    payment_method: z.string().min(1),
    order_url: z.url().optional(),
    timestamp: z.union([z.string(), z.number()]).optional(),
    address: z.object({
      street_1: z.string().min(1), street_2: z.string().optional(), city: z.string().min(1),
      postal_code: z.string().min(1), state: z.string().min(1), country: z.string().min(1),
    }).strict().optional(),
    summary: z.object({
      subtotal: amount.optional(), shipping_cost: amount.optional(), total_tax: amount.optional(), total_cost: amount,
    }).strict(),
    adjustments: z.array(z.object({ name: z.string().min(1), amount }).strict()).optional(),
    elements: z.array(z.object({
      title: z.string().min(1), subtitle: z.string().optional(), quantity: z.number().int().optional(), price: amount,
      currency: z.string().optional(), image_url: z.url().optional(),
    }).strict()).max(LIMITS.receiptElementsMax.value).optional(),
  }).strict()

  /** Recurring notifications' opt-in request (docs §17), sent inside the 24-hour window. */
  const NotificationMessagesTemplate = z.object({
    template_type: z.literal('notification_messages'),
    title: z.string().min(1).max(LIMITS.notificationTitleMax.value),
    image_url: z.url().optional(),
    payload,
    notification_messages_frequency: z.enum(NOTIFICATION_FREQUENCIES),
    notification_messages_reoptin: z.enum(['ENABLED', 'DISABLED']).optional(),
    notification_messages_timezone: z.string().min(1).optional(),
    notification_messages_cta_text: z.string().min(1).optional(),
  }).strict()

  const TemplateSchema = z.discriminatedUnion('template_type',
    [GenericTemplate, ButtonTemplate, MediaTemplate, ReceiptTemplate, NotificationMessagesTemplate])

  const MediaPayload = z.object({
    url: z.url().optional(),
    attachment_id: z.union([z.string(), z.number().transform(String)]).optional(),
    is_reusable: z.boolean().optional(),
  }).strict().refine((p) => (p.url === undefined) !== (p.attachment_id === undefined),
    'must have either url or attachment_id')

  const media = <T extends MediaType>(type: T) => z.object({ type: z.literal(type), payload: MediaPayload }).strict()
  const AttachmentSchema = z.discriminatedUnion('type', [
    media('image'), media('audio'), media('video'), media('file'),
    z.object({ type: z.literal('template'), payload: TemplateSchema }).strict(),
  ])

  const QuickReplySchema = z.object({
    content_type: z.enum(['text', 'user_phone_number', 'user_email']),
    title: z.string().min(1).optional(),
    payload: payload.optional(),
    image_url: z.url().optional(),
  }).strict().superRefine((q, ctx) => {
    // A text quick reply needs both its title and its payload (docs §3.2).
    if (q.content_type !== 'text') return
    for (const key of ['title', 'payload'] as const) {
      if (q[key] === undefined) {
        ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: [key] })
      }
    }
  })

  const OutgoingMessageSchema = z.object({
    text: z.string().min(1).max(LIMITS.messageTextMax.value).optional(),
    attachment: AttachmentSchema.optional(),
    quick_replies: z.array(QuickReplySchema).min(1).max(LIMITS.quickRepliesMax.value).optional(),
    metadata: z.string().max(LIMITS.metadataMax.value).optional(),
  }).strict().refine((m) => (m.text === undefined) !== (m.attachment === undefined),
    'must have either text or attachment, not both')

  const numericId = (what: string) =>
    z.union([z.string().regex(/^\d+$/, `must be ${what}`), z.number().int().transform(String)])
  /** Each way of naming the person (docs §3.2 `recipient`, §15–§17), by the key that names it. */
  const RECIPIENTS = {
    id: z.object({ id: numericId('a PSID') }).strict(),
    user_ref: z.object({ user_ref: z.string().min(1) }).strict(),
    comment_id: z.object({ comment_id: z.string().regex(/^\d+_\d+$/, 'must be a comment id') }).strict(),
    post_id: z.object({ post_id: z.string().regex(/^\d+_\d+$/, 'must be a post id') }).strict(),
    notification_messages_token: z.object({ notification_messages_token: z.string().min(1) }).strict(),
  }

  const Envelope = z.object({
    messaging_type: z.enum(MESSAGING_TYPES).optional(),
    tag: z.enum(MESSAGE_TAGS).optional(),
    notification_type: z.enum(['REGULAR', 'SILENT_PUSH', 'NO_PUSH']).optional(),
    persona_id: z.string().optional(),
  })
  const SenderActionSchema = z.enum(SENDER_ACTIONS)

  return { ButtonSchema, TemplateSchema, MediaPayload, QuickReplySchema, OutgoingMessageSchema, Envelope,
    SenderActionSchema, NotificationMessagesTemplate, RECIPIENTS }
})
type Schemas = ReturnType<typeof schemas>

export type Button = z.infer<Schemas['ButtonSchema']>
export type Template = z.infer<Schemas['TemplateSchema']>
export type NotificationMessagesTemplate = z.infer<Schemas['NotificationMessagesTemplate']>
type RecipientKey = keyof Schemas['RECIPIENTS']
export type Recipient = { [K in RecipientKey]: z.infer<Schemas['RECIPIENTS'][K]> }[RecipientKey]
const RECIPIENT_KEYS: readonly RecipientKey[] = ['id', 'user_ref', 'comment_id', 'post_id', 'notification_messages_token']
export type MediaAttachment = { type: MediaType; payload: z.infer<Schemas['MediaPayload']> }
export type OutgoingAttachment = MediaAttachment | { type: 'template'; payload: Template }
export type QuickReply = z.infer<Schemas['QuickReplySchema']>
export type OutgoingMessage = Omit<z.infer<Schemas['OutgoingMessageSchema']>, 'attachment'> &
  { attachment?: OutgoingAttachment }

export type SendRequest = z.infer<Schemas['Envelope']> & { recipient: Recipient } & (
  | { kind: 'message'; messaging_type: MessagingType; message: OutgoingMessage }
  | { kind: 'sender_action'; sender_action: SenderAction }
)

/**
 * Reads a Send API call from Graph parameters (JSON, form with JSON-string values, or query; docs §11).
 * `message` and `sender_action` are exclusive; `MESSAGE_TAG` needs `tag`. A message without `messaging_type` is sent
 * as production sends it (docs §3.2, §21): a RESPONSE, or a MESSAGE_TAG when it carries a `tag` (as bots written
 * before 2018 send tags; an inference, unverified), with a warning; under --strict it is refused, as documented.
 */
export function parseSendRequest(values: Record<string, unknown>, leniency: Leniency): SendRequest {
  if (values.recipient === undefined) throw graphError('paramRequired', 'recipient')
  const hasMessage = values.message !== undefined
  const hasAction = values.sender_action !== undefined
  if (hasMessage && hasAction) throw graphError('messageAndState')
  if (!hasMessage && !hasAction) throw graphError('messageOrState')
  const { Envelope, SenderActionSchema, OutgoingMessageSchema } = schemas()
  const envelope = { ...parseGraph(Envelope, pick(values, ['messaging_type', 'tag', 'notification_type', 'persona_id'])),
    recipient: parseRecipient(values.recipient) }
  if (hasAction) {
    return { ...envelope, kind: 'sender_action', sender_action: parseGraph(SenderActionSchema, values.sender_action,
      ['sender_action']) }
  }
  const message = parseGraph(OutgoingMessageSchema, values.message, ['message']) as OutgoingMessage
  for (const [limit, param, text] of labels(message)) leniency.label(limit, param, text)
  let messagingType = envelope.messaging_type
  if (messagingType === undefined) {
    if (leniency.strict) throw graphError('paramRequired', 'messaging_type').because('--strict: messaging_type missing')
    messagingType = envelope.tag === undefined ? 'RESPONSE' : 'MESSAGE_TAG'
    leniency.warn('messagingTypeMissing', messagingType)
  }
  if (messagingType === 'MESSAGE_TAG' && envelope.tag === undefined) throw graphError('paramRequired', 'tag')
  return { ...envelope, kind: 'message', messaging_type: messagingType, message }
}

/**
 * The recipient, by the one key that names the person: `id`, `user_ref`, `comment_id`, `post_id` or
 * `notification_messages_token` (docs §3.2). Without any of them Graph asks for `recipient[id]`.
 */
function parseRecipient(value: unknown): Recipient {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw graphError('paramInvalid', 'Param recipient must be an object')
  }
  const keys = RECIPIENT_KEYS.filter((k) => k in value)
  if (keys.length === 0) throw graphError('paramRequired', 'recipient[id]')
  if (keys.length > 1) {
    throw graphError('paramInvalid', `Param recipient must name one person, not ${keys.join(' and ')}`)
  }
  return parseGraph(schemas().RECIPIENTS[keys[0]!], value, ['recipient']) as Recipient
}

type Label = [limit: CutLimitName, param: string, text: string]

/** The titles of buttons in a list, each with its Graph parameter name under `param`. */
function* buttonLabels(buttons: readonly Button[] | undefined, param: string): Generator<Label> {
  for (const [i, b] of (buttons ?? []).entries()) {
    if ('title' in b) yield ['buttonTitleMax', `${param}[buttons][${i}][title]`, b.title]
  }
}

/** The labels of a message that production cuts rather than refuses (limits.ts), with their parameter names. */
function* labels(message: OutgoingMessage): Generator<Label> {
  for (const [i, q] of (message.quick_replies ?? []).entries()) {
    if (q.title !== undefined) yield ['quickReplyTitleMax', `message[quick_replies][${i}][title]`, q.title]
  }
  const a = message.attachment
  if (a?.type !== 'template') return
  const base = 'message[attachment][payload]'
  const t = a.payload
  if (t.template_type === 'button') yield* buttonLabels(t.buttons, base)
  if (t.template_type !== 'generic' && t.template_type !== 'media') return
  for (const [i, e] of t.elements.entries()) {
    const param = `${base}[elements][${i}]`
    if ('title' in e) {
      yield ['elementTitleMax', `${param}[title]`, e.title]
      if (e.subtitle !== undefined) yield ['elementSubtitleMax', `${param}[subtitle]`, e.subtitle]
    }
    yield* buttonLabels(e.buttons, param)
  }
}

function pick(values: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of keys) if (values[k] !== undefined) out[k] = values[k]
  return out
}
