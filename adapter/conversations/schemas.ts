/**
 * Request bodies of messages and activities, as zod schemas (zod v4). The TypeScript types of message content and
 * actions are inferred from here, so each wire format is declared once (conversations-api.md §6–§9). Apps, users,
 * conversations and integrations are in resource-schemas.ts.
 * Messenger-specific limits (action truncation, reply buttons in carousels) are applied by messenger/outbound.ts, not
 * here: Sunshine accepts such a message and adapts it per channel.
 */
import * as z from 'zod'

/** "Flat object, values only string/number/boolean, ≤4 KB" (conversations-api.md §3, metadata rule). */
export const METADATA_BYTES_MAX = 4096
export const metadata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .refine((m) => Buffer.byteLength(JSON.stringify(m)) <= METADATA_BYTES_MAX, { message: `Metadata is limited to ${METADATA_BYTES_MAX} bytes` })
export const uri = z.url().max(2048)

const extraChannelOptions = z.object({
  messenger: z.object({
    messenger_extensions: z.boolean().optional(),
    webview_share_button: z.literal('hide').optional(),
  }).optional(),
}).loose()

const actionBase = { text: z.string().min(1).max(4096), metadata: metadata.optional() }

export const linkAction = z.object({
  type: z.literal('link'), ...actionBase, uri, default: z.boolean().optional(), extraChannelOptions: extraChannelOptions.optional(),
})
export const webviewAction = z.object({
  type: z.literal('webview'), ...actionBase, uri, fallback: uri, size: z.enum(['compact', 'tall', 'full']).optional(),
  openOnReceive: z.boolean().optional(), default: z.boolean().optional(), extraChannelOptions: extraChannelOptions.optional(),
})
export const postbackAction = z.object({ type: z.literal('postback'), ...actionBase, payload: z.string().min(1).max(1000) })
export const replyAction = z.object({
  type: z.literal('reply'), ...actionBase, payload: z.string().min(1).max(1000), iconUrl: uri.optional(),
})
export const locationRequestAction = z.object({ type: z.literal('locationRequest'), ...actionBase })
export const buyAction = z.object({
  type: z.literal('buy'), ...actionBase, amount: z.int().positive(), currency: z.string().length(3).optional(),
})

export const action = z.discriminatedUnion('type', [
  linkAction, webviewAction, postbackAction, replyAction, locationRequestAction, buyAction,
])
export type Action = z.infer<typeof action>

/** Carousel and list items (conversations-api.md §7 "Item"). Reply/locationRequest are refused by the route. */
export const item = z.object({
  title: z.string().min(1).max(128),
  description: z.string().max(128).optional(),
  mediaUrl: uri.optional(),
  mediaType: z.string().max(128).optional(),
  altText: z.string().max(128).optional(),
  size: z.enum(['compact', 'large']).optional(),
  actions: z.array(action).min(1),
  metadata: metadata.optional(),
})
export type Item = z.infer<typeof item>

const common = { blockChatInput: z.boolean().optional() }

export const textContent = z.object({
  type: z.literal('text'), ...common,
  text: z.string().max(4096).optional(),
  actions: z.array(action).optional(),
  payload: z.string().optional(),
}).refine((c) => (c.text !== undefined && c.text.length > 0) || (c.actions?.length ?? 0) > 0,
  { message: 'A text message needs text or actions' })
export const imageContent = z.object({
  type: z.literal('image'), ...common, mediaUrl: uri, altText: z.string().max(128).optional(),
  text: z.string().max(4096).optional(), actions: z.array(action).optional(),
})
export const fileContent = z.object({
  type: z.literal('file'), ...common, mediaUrl: uri, altText: z.string().max(128).optional(),
  text: z.string().max(4096).optional(),
})
export const locationContent = z.object({
  type: z.literal('location'), ...common,
  coordinates: z.object({ lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) }),
  location: z.object({ address: z.string().optional(), name: z.string().optional() }).optional(),
})
/** "You can send carousels containing up to 10 items" (seed, Carousel). */
export const carouselContent = z.object({
  type: z.literal('carousel'), ...common, items: z.array(item).min(1).max(10),
  displaySettings: z.object({ imageAspectRatio: z.enum(['horizontal', 'square']) }).optional(),
})
export const listContent = z.object({
  type: z.literal('list'), ...common, items: z.array(item).min(1).max(10), actions: z.array(action).optional(),
})

export const content = z.discriminatedUnion('type', [
  textContent, imageContent, fileContent, locationContent, carouselContent, listContent,
])
export type Content = z.infer<typeof content>

export const messagePost = z.object({
  author: z.object({
    type: z.enum(['business', 'user']),
    displayName: z.string().max(128).optional(),
    avatarUrl: uri.optional(),
    userId: z.string().optional(),
    userExternalId: z.string().optional(),
    subtypes: z.array(z.string()).optional(),
  }),
  content,
  destination: z.union([
    z.object({ integrationId: z.string().min(1) }),
    z.object({ integrationType: z.string().min(1) }),
  ]).optional(),
  metadata: metadata.optional(),
  /** Passthrough: `payload` is the body of a Send API call, sent as given (seed, Passthrough API). */
  override: z.object({
    messenger: z.object({ payload: z.record(z.string(), z.unknown()) }).optional(),
  }).loose().optional(),
})
export type MessagePost = z.infer<typeof messagePost>

export const activityPost = z.object({
  author: z.object({ type: z.enum(['business', 'user']), userId: z.string().optional(), displayName: z.string().optional(),
    avatarUrl: uri.optional() }),
  type: z.enum(['typing:start', 'typing:stop', 'conversation:read']),
})
export type ActivityPost = z.infer<typeof activityPost>
