/**
 * The Messenger webhook body (§4.3, §4.4) as zod schemas, one per level: the envelope, an entry, one event of
 * `messaging[]`. Each checks only what the adapter reads, and lets every other field through (Facebook adds fields
 * without notice). A body that is signed but malformed (`null`, `{"entry":[null]}`, `"timestamp":"x"`) fails one of
 * them instead of throwing in the middle of processing (issue 14). The types they check are graph-types.ts's.
 */
import * as z from 'zod'
import { lazy } from '../../lib/lazy.js'

export const webhookSchemas = lazy(() => {
  const id = z.union([z.string(), z.number().transform(String)])
  const referral = z.looseObject({ ref: z.string().optional(), source: z.string().optional(),
    type: z.string().optional(), ad_id: id.optional() })
  const attachment = z.looseObject({
    type: z.string(), title: z.string().optional(),
    payload: z.looseObject({ url: z.string().optional(), URL: z.string().optional(), title: z.string().optional(),
      coordinates: z.looseObject({ lat: z.number(), long: z.number() }).optional() }).nullish(),
  })
  const event = z.looseObject({
    // Checkbox-plugin opt-ins carry a user_ref and no PSID (§16).
    sender: z.looseObject({ id: z.string().optional() }).optional(),
    recipient: z.looseObject({ id: z.string() }).optional(),
    timestamp: z.number().optional(),
    message: z.looseObject({
      mid: z.string(), text: z.string().optional(), is_echo: z.boolean().optional(),
      quick_reply: z.looseObject({ payload: z.string() }).optional(), attachments: z.array(attachment).optional(),
      referral: referral.optional(),
    }).optional(),
    // In `standby` a postback comes without its payload (§13).
    postback: z.looseObject({ payload: z.string().optional(), title: z.string().optional(), mid: z.string().optional(),
      referral: referral.optional() }).optional(),
    referral: referral.optional(),
    delivery: z.looseObject({ mids: z.array(z.string()).optional(), watermark: z.number() }).optional(),
    read: z.looseObject({ watermark: z.number() }).optional(),
    optin: z.looseObject({ ref: z.string().optional(), user_ref: z.string().optional() }).optional(),
    // messaging_handovers (§9, §13): ids typed loosely, as Facebook's own sample compares them to numbers.
    pass_thread_control: z.looseObject({ new_owner_app_id: id, previous_owner_app_id: id.nullish(),
      metadata: z.string().optional() }).optional(),
    take_thread_control: z.looseObject({ new_owner_app_id: id.optional(), previous_owner_app_id: id,
      metadata: z.string().optional() }).optional(),
    request_thread_control: z.looseObject({ requested_owner_app_id: id, metadata: z.string().optional() }).optional(),
  })
  return {
    envelope: z.looseObject({ object: z.string(), entry: z.array(z.unknown()) }),
    // `standby`: the events of a thread another app owns, same inner shape as `messaging` (§9, §13).
    entry: z.looseObject({
      id, time: z.number().optional(), messaging: z.array(z.unknown()).optional(),
      standby: z.array(z.unknown()).optional(),
      // Page changes (`feed`, §15) are only counted: the channel does not carry them (messenger/inbound.ts).
      changes: z.array(z.looseObject({ field: z.string(), value: z.looseObject({ item: z.string().optional(),
        comment_id: z.string().optional(), post_id: z.string().optional() }).optional() })).optional().catch(undefined),
    }),
    event,
  }
})
