/**
 * The Attachment Upload API: `POST /me/message_attachments` (docs §3.6) with a URL (`is_reusable: true`) in JSON or
 * form parameters, or multipart with the `message` JSON and a `filedata` file part. Answers `{attachment_id}`;
 * the id is page-scoped. Source: https://developers.facebook.com/docs/messenger-platform/reference/attachment-upload-api
 */
import * as z from 'zod'
import { graphError } from '../facebook/errors.js'
import { route, type GraphRoute } from './router.js'
import { requirePageToken } from './send.js'
import { parseGraph } from '../messenger/graph-validation.js'
import { MEDIA_TYPES } from '../messenger/send-request.js'
import { saveAttachment } from '../messenger/attachments.js'

const UploadMessage = z.object({
  attachment: z.object({
    type: z.enum(MEDIA_TYPES),
    payload: z.object({ url: z.url().optional(), is_reusable: z.boolean().optional() }).strict().optional(),
  }).strict(),
}).strict()

export const attachmentRoutes: GraphRoute[] = [
  route({
    node: 'page', method: 'POST', edge: 'message_attachments',
    description: 'Attachment Upload API: save media for reuse, answer its attachment_id',
    handle: async (req) => {
      requirePageToken(req)
      const { params } = req
      const raw = params.object('message')
      if (raw === undefined) throw graphError('paramRequired', 'message')
      const { attachment } = parseGraph(UploadMessage, raw, ['message'])
      const filedata = params.files.filedata
      if (!filedata && !attachment.payload?.url) throw graphError('paramRequired', 'message[attachment][payload][url]')
      const file = filedata && { name: filedata.name, type: filedata.type, bytes: new Uint8Array(await filedata.arrayBuffer()) }
      const saved = req.world.tx(() => saveAttachment(req.world, {
        pageId: req.node.id, appId: req.access.app.id, type: attachment.type, url: attachment.payload?.url, file,
        origin: new URL(req.c.req.url).origin,
      }))
      return { attachment_id: saved.id }
    },
  }),
]
