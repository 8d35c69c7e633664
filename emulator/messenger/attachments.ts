/**
 * Media attachments of the Send API and the Attachment Upload API (docs §3.2, §3.6): a URL, an uploaded file, or an
 * `attachment_id` saved earlier for the same page. `is_reusable: true` saves the media and answers its id.
 * Source: https://developers.facebook.com/docs/messenger-platform/reference/attachment-upload-api
 */
import type { World } from '../world/world.js'
import type { Attachment } from '../world/attachments.js'
import { graphError } from '../facebook/errors.js'
import { LIMITS } from '../facebook/limits.js'
import type { MediaAttachment, MediaType, OutgoingAttachment } from './send-request.js'

export interface UploadedFile { name: string; type: string; bytes: Uint8Array }

/** Where the emulator serves an uploaded file (the control API's attachment download). */
export const attachmentFileUrl = (origin: string, id: string) => `${origin}/_emulator/attachments/${id}`

/** Saves media for the page and answers its page-scoped attachment. */
export function saveAttachment(world: World, input: {
  pageId: string; appId: string; type: MediaType; url?: string | undefined; file?: UploadedFile | undefined
  origin: string
}): Attachment {
  const id = world.ids.attachment()
  if (input.file && input.file.bytes.byteLength > LIMITS.attachmentBytesMax.value) {
    throw graphError('attachmentTooLarge')
  }
  const url = input.file ? attachmentFileUrl(input.origin, id) : input.url
  if (!url) throw graphError('paramInvalid', 'Param message[attachment][payload] must have either url or a filedata file')
  return world.attachments.insert({
    id, pageId: input.pageId, appId: input.appId, type: input.type, url, filename: input.file?.name ?? null,
    contentType: input.file?.type ?? null, size: input.file?.bytes.byteLength ?? null, createdAt: world.clock.now(),
  }, input.file?.bytes)
}

/** An attachment id the page may send: its own, of a matching type (ids are page-scoped, docs §3.6). */
export function attachmentFor(world: World, pageId: string, id: string, param: string): Attachment {
  const a = world.attachments.get(id)
  if (!a || a.pageId !== pageId) throw graphError('paramInvalid', `Param ${param} must be a valid attachment id`)
  return a
}

export interface ResolvedAttachment { attachment: OutgoingAttachment; savedId?: string }

/**
 * What is stored and rendered for an outgoing attachment: media by `attachment_id` gets its URL, media sent with
 * `is_reusable` is saved (answered as `attachment_id`), media templates' ids get their URLs too.
 */
export function resolveAttachment(world: World, pageId: string, appId: string, origin: string,
  attachment: OutgoingAttachment): ResolvedAttachment {
  if (attachment.type === 'template') {
    if (attachment.payload.template_type !== 'media') return { attachment }
    const elements = attachment.payload.elements.map((e, i) => e.attachment_id === undefined ? e : {
      ...e, url: attachmentFor(world, pageId, e.attachment_id,
        `message[attachment][payload][elements][${i}][attachment_id]`).url,
    })
    return { attachment: { type: 'template', payload: { ...attachment.payload, elements } } }
  }
  const media: MediaAttachment = attachment
  const { attachment_id: id, url, is_reusable: reusable } = media.payload
  if (id !== undefined) {
    const saved = attachmentFor(world, pageId, id, 'message[attachment][payload][attachment_id]')
    return { attachment: { type: media.type, payload: { url: saved.url, attachment_id: saved.id } } }
  }
  if (!reusable) return { attachment: { type: media.type, payload: { url: url! } } }
  const saved = saveAttachment(world, { pageId, appId, type: media.type, url, origin })
  return { attachment: { type: media.type, payload: { url: saved.url, attachment_id: saved.id } }, savedId: saved.id }
}
