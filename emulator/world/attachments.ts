/**
 * Attachments uploaded through the Attachment Upload API or saved by a send with `is_reusable` (docs §3.6).
 * Attachment ids are page-scoped: another page cannot send them.
 */
import type { Store } from './store.js'

export type MediaType = 'image' | 'audio' | 'video' | 'file'

export interface Attachment {
  id: string
  pageId: string
  appId: string | null
  type: MediaType
  /** Where the media lives: the URL given, or the emulator's own URL for an uploaded file. */
  url: string
  filename: string | null
  contentType: string | null
  size: number | null
  createdAt: number
}

interface AttachmentDbRow {
  id: string; page_id: string; app_id: string | null; type: MediaType; url: string; filename: string | null
  content_type: string | null; size: number | null; created_at: number
}

const COLUMNS = 'id, page_id, app_id, type, url, filename, content_type, size, created_at'

const toAttachment = (r: AttachmentDbRow): Attachment => ({
  id: r.id, pageId: r.page_id, appId: r.app_id, type: r.type, url: r.url, filename: r.filename,
  contentType: r.content_type, size: r.size, createdAt: r.created_at,
})

export class Attachments {
  constructor(private readonly store: Store) {}

  insert(a: Attachment, data?: Uint8Array): Attachment {
    this.store.stmt(`INSERT INTO attachments (${COLUMNS}, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(a.id, a.pageId, a.appId, a.type, a.url, a.filename, a.contentType, a.size, a.createdAt,
        data ? Buffer.from(data) : null)
    return a
  }

  get(id: string): Attachment | undefined {
    const r = this.store.stmt(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`).get(id) as AttachmentDbRow | undefined
    return r && toAttachment(r)
  }

  /** The bytes of an uploaded file (undefined for attachments saved from a URL). */
  data(id: string): Buffer | undefined {
    const r = this.store.stmt('SELECT data FROM attachments WHERE id = ?').get(id) as { data: Buffer | null } | undefined
    return r?.data ?? undefined
  }
}
