/**
 * The Conversations API as data (docs §14): ids, times, defaults and the platforms `/{page-id}/conversations` knows.
 * Sources: https://developers.facebook.com/documentation/business-messaging/messenger-platform/conversations ,
 * https://developers.facebook.com/docs/graph-api/reference/page/conversations ,
 * https://developers.facebook.com/docs/graph-api/reference/conversation (captured JSON: restfb/restfb#687).
 */

/** `platform=` values; the emulator has no Instagram accounts, so `instagram` lists nothing. */
export const CONVERSATION_PLATFORMS = ['messenger', 'instagram'] as const

export const CONVERSATION_LIMITS = {
  /** Items of a page of conversations or messages unless `limit` asks otherwise (Graph's usual 25). */
  pageDefault: 25,
  pageMax: 100,
} as const

/** A conversation's `t_…` id: the newer numeric form (docs §14), here the person's PSID on the page, so it is stable. */
export const conversationId = (psid: string) => `t_${psid}`

/** Graph's times on these nodes: ISO 8601 with `+0000`, not epoch (docs §14: `2017-03-02T09:37:33+0000`). */
export const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000')

/** Conversation fields answered without `fields=`; messages answer only `id` and `created_time` (docs §14). */
export const CONVERSATION_DEFAULT_FIELDS = ['id', 'updated_time']
export const MESSAGE_DEFAULT_FIELDS = ['id', 'created_time']

/** A participant's `email`: Facebook gives `{id}@facebook.com` for Messenger participants (restfb/restfb#687). */
export const participantEmail = (id: string) => `${id}@facebook.com`
