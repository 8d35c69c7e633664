/**
 * Where uploaded attachments live on the web: `{publicUrl}/media/apps/{appId}/attachments/{id}/{fileName}`, served
 * without credentials (`access=public`, the only access Sunshine offers, conversations-api.md §7) so that Facebook can
 * fetch the file when a message uses its `mediaUrl`; the 24-hex-character id is what keeps it unguessable. Files are
 * served as downloads that cannot run script on the adapter's origin (`Content-Security-Policy: sandbox`, `nosniff`).
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import type { StoredContent } from '../conversations/types.js'
import type { AttachmentRow } from '../store/attachments.js'
import type { MessageRow } from '../store/messages.js'

const MEDIA_PATH = /\/media\/apps\/([^/]+)\/attachments\/([^/]+)\//

export function mediaUrl(ctx: AdapterContext, a: AttachmentRow): string {
  return `${ctx.publicUrl()}/media/apps/${a.appId}/attachments/${a.id}/${encodeURIComponent(a.fileName)}`
}

/** The attachment a media URL names, when it is one of the adapter's. */
export function attachmentOfUrl(url: string): { appId: string; id: string } | undefined {
  // Inbound media URLs come from Facebook: not necessarily well-formed.
  if (!URL.canParse(url)) return undefined
  const m = MEDIA_PATH.exec(new URL(url).pathname + '/')
  return m ? { appId: m[1]!, id: m[2]! } : undefined
}

function mediaUrlsOf(content: StoredContent): string[] {
  const urls = 'mediaUrl' in content && content.mediaUrl ? [content.mediaUrl] : []
  const items = 'items' in content ? content.items : []
  return [...urls, ...items.flatMap((it) => (it.mediaUrl ? [it.mediaUrl] : []))]
}

/** A deleted message takes along the attachments uploaded `for=message` that it used (§7). */
export function forgetAttachmentsOf(ctx: AdapterContext, appId: string, message: MessageRow): void {
  for (const url of mediaUrlsOf(message.content)) {
    const named = attachmentOfUrl(url)
    if (named?.appId === appId && ctx.store.attachments.get(appId, named.id)?.forMessage) ctx.store.attachments.delete(appId, named.id)
  }
}

export function mediaRoutes(ctx: AdapterContext): Hono {
  const r = new Hono()
  r.get('/apps/:appId/attachments/:id/:name', (c) => {
    const { appId, id } = c.req.param()
    const a = ctx.store.attachments.get(appId, id)
    const bytes = a && ctx.store.attachments.bytes(appId, id)
    if (!a || !bytes) return c.text('Not Found', 404)
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': a.mediaType, 'content-length': String(a.size), 'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox',
    })
  })
  return r
}
