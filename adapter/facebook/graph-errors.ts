/**
 * The Graph errors the adapter acts on, by name, so no handler compares loose numbers
 * (messenger-platform.md §2.1, §2.2, §3.9, §7).
 */
import { GraphApiError } from './graph-client.js'

export interface GraphErrorId { code: number; subcode?: number }

export const GRAPH_ERRORS = {
  /** 190/460: the page owner changed their password (§2.2; the seed's "Facebook User Password Reset"). */
  passwordChanged: { code: 190, subcode: 460 },
  /** 10/2018336: refused under the European privacy rules (§7). */
  euPrivacyRules: { code: 10, subcode: 2018336 },
} satisfies Record<string, GraphErrorId>

/**
 * Graph's refusal of a `persona_id` it does not know (deleted on the page, or another page's): code 100 naming the
 * persona (§12; the exact wording is unpublished, so the message is matched loosely).
 */
export const UNKNOWN_PERSONA = { code: 100, message: /persona/i }

/** Invalid, expired or revoked tokens and sessions (§2.1: 102, 190). */
export const TOKEN_ERROR_CODES = [102, 190]
/** Throttling: application, user, page and rate limits (§2.1: 4, 17, 32, 613). */
export const THROTTLING_ERROR_CODES = [4, 17, 32, 613]
/** A permission the token lacks (§2.1: 10, 200, 210, 230). */
export const PERMISSION_ERROR_CODES = [10, 200, 210, 230]
/** The person cannot be messaged: blocked or unavailable (§3.9: 551). */
export const PERSON_UNAVAILABLE_CODE = 551

/** Whether `err` is Graph's answer `id` (same code, and same subcode when `id` names one). */
export function isGraphError(err: unknown, id: GraphErrorId): boolean {
  return err instanceof GraphApiError && err.code === id.code && (id.subcode === undefined || err.subcode === id.subcode)
}
