/**
 * The Graph calls the Messenger channel makes, each named after what it does on Facebook's side. Paths and bodies
 * follow messenger-platform.md (section in each comment).
 */
import { appToken, type GraphClient } from '../facebook/graph-client.js'
import { GRAPH_ERRORS, isGraphError } from '../facebook/graph-errors.js'
import type {
  AppSubscriptionsResponse, DebugTokenResponse, HandoverRequest, MeResponse, MessengerProfileResponse, PersistentMenu, SendRequest,
  SendResponse, SubscribedAppsResponse, UserProfile,
} from '../facebook/graph-types.js'

export type HandoverAction = 'pass_thread_control' | 'take_thread_control' | 'request_thread_control' | 'release_thread_control'

export interface PageCredentials {
  pageAccessToken: string
  fbAppId: string
  fbAppSecret: string
}

/**
 * The webhook fields the seed names (messages, messaging_postbacks, messaging_optins, message_reads,
 * messaging_referrals) plus message_deliveries and message_echoes for delivery and echo tracking (§5.2, §5.3), and
 * messaging_handovers and standby, so control changes on a page with the handover protocol reach the switchboard and
 * a thread another app owns is still heard (§9, §13: "without it, a secondary app sees nothing after passing control").
 */
export const REQUIRED_FIELDS = ['messages', 'messaging_postbacks', 'messaging_optins', 'message_reads', 'messaging_referrals'] as const
export const SUBSCRIBED_FIELDS = [...REQUIRED_FIELDS, 'message_deliveries', 'message_echoes', 'messaging_handovers', 'standby'] as const

/** The payload of the Get Started button the adapter sets; its postback marks a conversation start. */
export const GET_STARTED_PAYLOAD = 'GET_STARTED'

/** Graph's refusal under the European privacy rules (messenger-platform.md §7). */
export function isEuPrivacyRefusal(err: unknown): boolean {
  return isGraphError(err, GRAPH_ERRORS.euPrivacyRules)
}

/**
 * Whether a conversation is under the European privacy rules: the page says so (`subject_to_new_eu_privacy_rules`,
 * read when the integration was created) or Facebook refused the person's full profile. Such conversations get no
 * channel delivery events (seed, Impact of Messenger API Updates for Europe; conversations-api.md §12, §15.4).
 */
export function underEuPrivacyRules(pageEea: boolean | null, client: { raw: Record<string, unknown> }): boolean {
  return pageEea === true || client.raw.euPrivacyRules === true
}

export function facebook(graph: GraphClient, creds: PageCredentials) {
  const page = { token: creds.pageAccessToken, appSecret: creds.fbAppSecret }
  const app = { token: appToken(creds.fbAppId, creds.fbAppSecret), appSecret: creds.fbAppSecret }
  return {
    /** With a page token `/me` is the page (§1.6). */
    me: () => graph.get<MeResponse>('/me', { ...page, query: { fields: 'id,name' } }),
    /** App-level webhook for object `page`; Facebook verifies the callback before answering (§5.1, §4.1). */
    subscribeApp: (callbackUrl: string, verifyToken: string) =>
      graph.post<{ success: boolean }>(`/${creds.fbAppId}/subscriptions`, {
        ...app,
        body: { object: 'page', callback_url: callbackUrl, verify_token: verifyToken, fields: SUBSCRIBED_FIELDS.join(',') },
      }),
    appSubscriptions: () => graph.get<AppSubscriptionsResponse>(`/${creds.fbAppId}/subscriptions`, app),
    /** The page subscribes the app (§5.2). */
    subscribePage: (pageId: string) =>
      graph.post<{ success: boolean }>(`/${pageId}/subscribed_apps`, {
        ...page, body: { subscribed_fields: SUBSCRIBED_FIELDS.join(',') },
      }),
    unsubscribePage: (pageId: string) => graph.delete<{ success: boolean }>(`/${pageId}/subscribed_apps`, page),
    pageSubscriptions: (pageId: string) => graph.get<SubscribedAppsResponse>(`/${pageId}/subscribed_apps`, page),
    /** Messenger Profile (§6.1). */
    setGetStarted: () =>
      graph.post<{ result: string }>('/me/messenger_profile', { ...page, body: { get_started: { payload: GET_STARTED_PAYLOAD } } }),
    setPersistentMenu: (menu: PersistentMenu[]) =>
      graph.post<{ result: string }>('/me/messenger_profile', { ...page, body: { persistent_menu: menu } }),
    deletePersistentMenu: () =>
      graph.delete<{ result: string }>('/me/messenger_profile', { ...page, body: { fields: ['persistent_menu'] } }),
    /** EEA status (§7). */
    euPrivacy: async (): Promise<boolean | null> => {
      const res = await graph.get<MessengerProfileResponse>('/me/messenger_profile',
        { ...page, query: { fields: 'subject_to_new_eu_privacy_rules' } })
      const v = res.data?.[0]?.subject_to_new_eu_privacy_rules
      return typeof v === 'boolean' ? v : null
    },
    /** Send API (§3). */
    send: (body: SendRequest) => graph.post<SendResponse>('/me/messages', { ...page, body }),
    /** Handover protocol (§9, §13): `pass_thread_control` names the target app; take, request and release do not. */
    handover: (action: HandoverAction, body: HandoverRequest) =>
      graph.post<{ success: boolean }>(`/me/${action}`, { ...page, body }),
    /** Personas API (§12): a name and picture the page sends as; `/me` with a page token is the page. */
    createPersona: (name: string, pictureUrl: string) =>
      graph.post<{ id: string }>('/me/personas', { ...page, body: { name, profile_picture_url: pictureUrl } }),
    /** User Profile API (§6.2). */
    userProfile: (psid: string, fields = 'first_name,last_name,profile_pic') =>
      graph.get<UserProfile>(`/${encodeURIComponent(psid)}`, { ...page, query: { fields } }),
    /** Inspect the page token with the app token (§1.7). */
    debugPageToken: () =>
      graph.get<DebugTokenResponse>('/debug_token', { ...app, query: { input_token: creds.pageAccessToken } }),
  }
}
export type Facebook = ReturnType<typeof facebook>
