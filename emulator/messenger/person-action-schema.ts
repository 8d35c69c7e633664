/**
 * What a person on Messenger can do, as the control API accepts it (`POST /_emulator/people/{personId}/actions`,
 * DESIGN "Control API"): type, tap, read, open an m.me link, click an ad, opt in through a plugin, block the page;
 * comment on a post, tick the checkbox plugin, opt in to or out of recurring notifications, fill a lead ad's form.
 */
import * as z from 'zod'
import { LIMITS } from '../facebook/limits.js'
import { lazy } from '../../lib/lazy.js'

/** Built on the first person's action (lib/lazy.ts) rather than at start. */
export const personActionSchema = lazy(() => {
  const pageId = z.string().regex(/^\d+$/, 'must be a page id')
  const welcomeButton = z.object({
    type: z.enum(['postback', 'web_url']), title: z.string().min(1).max(LIMITS.buttonTitleMax.value),
    payload: z.string().max(LIMITS.payloadMax.value).optional(), url: z.url().optional(),
  }).strict()

  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), pageId, text: z.string().min(1).max(LIMITS.messageTextMax.value),
      replyTo: z.string().optional() }).strict(),
    z.object({
      type: z.literal('attachment'), pageId,
      attachmentType: z.enum(['image', 'video', 'audio', 'file', 'location']),
      url: z.url().optional(),
      coordinates: z.object({ lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) }).strict()
        .optional(),
    }).strict().refine((a) => a.attachmentType === 'location' ? a.coordinates !== undefined : a.url !== undefined,
      { message: 'a location needs coordinates {lat, long}; other attachments need a url' }),
    z.object({ type: z.literal('quick_reply'), pageId, index: z.number().int().min(0).optional(),
      payload: z.string().optional() }).strict()
      .refine((q) => (q.index === undefined) !== (q.payload === undefined),
        { message: 'give either index or payload' }),
    z.object({
      type: z.literal('postback'), pageId,
      /** A button of a page message: its mid, the card (generic template) and the button's index. */
      mid: z.string().optional(), element: z.number().int().min(0).optional(),
      index: z.number().int().min(0).optional(),
      /** A button under the ad's welcome message. */
      adWelcome: z.boolean().optional(),
      /** Or any postback by payload and title (a persistent menu item). */
      payload: z.string().min(1).max(LIMITS.payloadMax.value).optional(), title: z.string().min(1).optional(),
    }).strict().refine((p) => (p.payload !== undefined && p.title !== undefined) || p.index !== undefined,
      { message: 'give {mid, index}, {adWelcome: true, index} or {payload, title}' }),
    z.object({ type: z.literal('get_started'), pageId }).strict(),
    z.object({ type: z.literal('read'), pageId }).strict(),
    z.object({ type: z.literal('typing'), pageId, on: z.boolean().optional() }).strict(),
    z.object({ type: z.literal('referral'), pageId, ref: z.string().max(LIMITS.payloadMax.value).optional(),
      source: z.enum(['SHORTLINK', 'MESSENGER_CODE', 'DISCOVER_TAB']).optional() }).strict(),
    z.object({
      type: z.literal('ad_click'), pageId, adId: z.string().regex(/^\d+$/, 'must be an ad id'),
      ref: z.string().max(LIMITS.payloadMax.value).optional(),
      welcome: z.object({
        text: z.string().min(1).max(LIMITS.buttonTemplateTextMax.value),
        quick_replies: z.array(z.object({ title: z.string().min(1).max(LIMITS.quickReplyTitleMax.value),
          payload: z.string().min(1).max(LIMITS.payloadMax.value) }).strict())
          .max(LIMITS.quickRepliesMax.value).optional(),
        buttons: z.array(welcomeButton).max(LIMITS.buttonsMax.value).optional(),
      }).strict(),
    }).strict(),
    /** The person opts in through a plugin ("Send to Messenger"), with the plugin's data-ref. */
    z.object({ type: z.literal('optin'), pageId, ref: z.string().max(LIMITS.payloadMax.value).optional() }).strict(),
    /** A comment on a page post (the newest when no postId), or with `visitorPost` a post of the person's own. */
    z.object({ type: z.literal('comment'), pageId, postId: z.string().regex(/^\d+_\d+$/, 'must be a post id').optional(),
      text: z.string().min(1).max(LIMITS.messageTextMax.value), visitorPost: z.boolean().optional() }).strict()
      .refine((c) => !(c.visitorPost && c.postId !== undefined), { message: 'a visitor post has no postId' }),
    /** The person ticks the checkbox plugin on a website that set `user_ref` on it. */
    z.object({ type: z.literal('checkbox_optin'), pageId, userRef: z.string().min(1).max(LIMITS.payloadMax.value),
      ref: z.string().max(LIMITS.payloadMax.value).optional() }).strict(),
    /** "Get messages" under a recurring notifications request (the latest, or the one with `mid`). */
    z.object({ type: z.literal('notification_optin'), pageId, mid: z.string().optional() }).strict(),
    /** "Stop these messages" (the newest active token, or `token`). */
    z.object({ type: z.literal('notification_optout'), pageId, token: z.string().optional() }).strict(),
    /** A Messenger lead ad's form, finished (`complete`) or left. */
    z.object({ type: z.literal('lead_form'), pageId, adId: z.string().regex(/^\d+$/, 'must be an ad id'),
      complete: z.boolean(), ref: z.string().max(LIMITS.payloadMax.value).optional() }).strict(),
    z.object({ type: z.literal('block'), pageId }).strict(),
    z.object({ type: z.literal('unblock'), pageId }).strict(),
  ])
})

export type PersonAction = z.infer<ReturnType<typeof personActionSchema>>
export type PersonActionType = PersonAction['type']
