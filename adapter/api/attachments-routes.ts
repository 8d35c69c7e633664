/**
 * Attachments (conversations-api.md §7): `POST /v2/apps/{appId}/attachments?access=public[&for=message]
 * [&conversationId=…]`, multipart with the file in `source` (50 MB at most), answers `{ attachment: { mediaUrl,
 * mediaType } }`; a message may then use the `mediaUrl`, which the adapter serves (media.ts). `POST …/attachments/remove`
 * `{ mediaUrl }` deletes one.
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { attachmentRemove } from '../conversations/resource-schemas.js'
import type { AttachmentJson } from '../conversations/types.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { conversationOf } from './lookups.js'
import { attachmentOfUrl, mediaUrl } from './media.js'
import { parseBody } from './validate.js'

/** "Request size limits: … file uploads 50 MB" (conversations-api.md §0). */
export const ATTACHMENT_BYTES_MAX = 50 * 1024 * 1024

export function attachmentsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx

  r.post('/', async (c) => {
    const app = c.var.app
    const access = c.req.query('access')
    if (access !== 'public') throw apiError('badRequest', 'access: must be public (the only access level Sunshine offers)')
    const purpose = c.req.query('for')
    if (purpose !== undefined && purpose !== 'message') throw apiError('badRequest', 'for: only message is supported')
    const conversationId = c.req.query('conversationId')
    if (conversationId !== undefined) conversationOf(ctx, app, conversationId)
    const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>))
    const source = form.source
    if (!(source instanceof File)) throw apiError('badRequest', 'source: a file is required, sent as multipart/form-data')
    if (source.size === 0) throw apiError('badRequest', 'source: the file is empty')
    const row = store.attachments.create({
      id: ctx.ids.record(), appId: app.id, conversationId: conversationId ?? null, forMessage: purpose === 'message',
      fileName: source.name || 'file', mediaType: source.type || 'application/octet-stream', size: source.size,
      createdAt: new Date(ctx.clock.now()).toISOString(),
    }, new Uint8Array(await source.arrayBuffer()))
    return c.json({ attachment: { mediaUrl: mediaUrl(ctx, row), mediaType: row.mediaType } satisfies AttachmentJson }, 201)
  })

  r.post('/remove', async (c) => {
    const { mediaUrl: url } = await parseBody(c, attachmentRemove)
    const named = attachmentOfUrl(url)
    if (!named || named.appId !== c.var.app.id || !store.attachments.delete(named.appId, named.id)) throw apiError('attachmentNotFound')
    return c.json({})
  })
  return r
}
