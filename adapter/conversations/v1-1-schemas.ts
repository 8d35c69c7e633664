/**
 * Request bodies of the v1.1 API as zod schemas (docs/conversations-api.md §18; the v1.1 models of Smooch's generated
 * clients, smooch-api 5.34.1 `AppUserPreCreate`, `AppUserUpdate`, `MessagePost`, `ConversationActivity`,
 * `WebhookCreate`, `WebhookUpdate`, https://rubydoc.info/gems/smooch-api/5.34.1/file/docs/). A v1.1 message is
 * flat (`role`, `type`, `text`, …); it is turned into the v2 message it is, and checked by v2's schema, so both
 * versions accept and refuse the same content (refusals name the v1.1 fields).
 */
import * as z from 'zod'
import { metadata } from './schemas.js'
import { V11_TRIGGERS } from './v1-1-triggers.js'

const profileFields = {
  givenName: z.string().max(128).optional(),
  surname: z.string().max(128).optional(),
  email: z.string().max(128).optional(),
  signedUpAt: z.iso.datetime({ offset: true }).optional(),
  /** v1.1's custom properties are v2's metadata, and follow its rule (flat, at most 4 KB). */
  properties: metadata.optional(),
}

export const appUserPost = z.object({ userId: z.string().min(1).max(1024), ...profileFields })
export const appUserPut = z.object(profileFields).strict()

/** `role` and `type` are required; `name`/`avatarUrl` name the author; the rest is the content. */
export const messagePostV11 = z.object({
  role: z.enum(['appUser', 'appMaker']),
  type: z.string().min(1),
}).loose()

/** The v2 message a v1.1 one is (check it with v2's `messagePost`; `v11FieldOf` names its fields back). */
export function asV2Message(v11: z.infer<typeof messagePostV11>): unknown {
  const { role, name, avatarUrl, metadata: md, destination, override, mediaType: _readOnly, ...content } = v11
  return {
    author: { type: role === 'appUser' ? 'user' : 'business', ...(name !== undefined ? { displayName: name } : {}),
      ...(avatarUrl !== undefined ? { avatarUrl } : {}) },
    content,
    ...(md !== undefined ? { metadata: md } : {}),
    ...(destination !== undefined ? { destination } : {}),
    ...(override !== undefined ? { override } : {}),
  }
}

/** A v2 message's field path as the v1.1 body names it: `content.text` → `text`, `author.displayName` → `name`. */
export function v11FieldOf(path: PropertyKey[]): PropertyKey[] {
  const [head, ...rest] = path
  if (head === 'content') return rest
  if (head === 'author') return rest[0] === 'displayName' ? ['name'] : rest[0] === 'type' ? ['role'] : rest
  return path
}

/** "Notify Smooch when an app maker starts or stops typing a response", or has read the conversation. */
export const activityPostV11 = z.object({
  role: z.literal('appMaker'),
  type: z.enum(['typing:start', 'typing:stop', 'conversation:read']),
})

const webhookFields = {
  triggers: z.array(z.enum(V11_TRIGGERS)).min(1).optional(),
  includeClient: z.boolean().optional(),
  includeFullAppUser: z.boolean().optional(),
}
export const webhookPostV11 = z.object({ target: z.url(), ...webhookFields })
export const webhookPutV11 = z.object({ target: z.url().optional(), ...webhookFields }).strict()
