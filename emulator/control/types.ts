/** Wire types of the control API, shared by the routes and the typed client. */
import type { WorldDocument } from '../world/document.js'

export type { WorldDocument }
export type CompleteWorldDocument = Required<WorldDocument>

export interface UserTokenResponse { access_token: string; token_type: 'bearer'; expires_in: number }
export interface PageTokenResponse { access_token: string }
export interface ClockState { now: string; offsetSeconds: number }
export interface Consent { appId: string; accountId: string; granted: string[]; declined: string[]; pageIds: string[] }
