/** Uploaded attachments and their bytes (conversations-api.md §7; migration 003). */
import type { Db } from './db.js'

export interface AttachmentRow {
  id: string
  appId: string
  conversationId: string | null
  /** Uploaded `for=message`: it goes with the message that uses it. */
  forMessage: boolean
  fileName: string
  mediaType: string
  size: number
  createdAt: string
}

interface AttachmentRecord {
  id: string; app_id: string; conversation_id: string | null; for_message: number; file_name: string
  media_type: string; size: number; created_at: string
}

const COLUMNS = 'id, app_id, conversation_id, for_message, file_name, media_type, size, created_at'
const toAttachment = (r: AttachmentRecord): AttachmentRow => ({
  id: r.id, appId: r.app_id, conversationId: r.conversation_id, forMessage: r.for_message === 1, fileName: r.file_name,
  mediaType: r.media_type, size: r.size, createdAt: r.created_at,
})

export function attachmentsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO attachments (${COLUMNS}, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const get = db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE app_id = ? AND id = ?`)
  const data = db.prepare('SELECT data FROM attachments WHERE app_id = ? AND id = ?')
  const remove = db.prepare('DELETE FROM attachments WHERE app_id = ? AND id = ?')
  const removeForMessages = db.prepare('DELETE FROM attachments WHERE conversation_id = ? AND for_message = 1')
  return {
    create(a: AttachmentRow, bytes: Uint8Array): AttachmentRow {
      insert.run(a.id, a.appId, a.conversationId, a.forMessage ? 1 : 0, a.fileName, a.mediaType, a.size, a.createdAt, bytes)
      return a
    },
    get(appId: string, id: string): AttachmentRow | undefined {
      const r = get.get(appId, id) as AttachmentRecord | undefined
      return r && toAttachment(r)
    },
    bytes(appId: string, id: string): Buffer | undefined {
      return (data.get(appId, id) as { data: Buffer } | undefined)?.data
    },
    delete(appId: string, id: string): boolean {
      return remove.run(appId, id).changes > 0
    },
    /** The conversation's messages are all gone: so are the attachments uploaded for them. */
    deleteForMessagesOf(conversationId: string): void {
      removeForMessages.run(conversationId)
    },
  }
}
export type AttachmentsRepository = ReturnType<typeof attachmentsRepository>
