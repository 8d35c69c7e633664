/**
 * Facebook signs every webhook POST: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>`, computed
 * over the exact raw bytes (messenger-platform.md §4.2). Compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export function signBody(rawBody: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`
}

/** Whether a secret given by a caller (a verify token) is the expected one, in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false
  // Compared as digests, so neither the length nor the first differing byte shows in the timing.
  const digest = (s: string) => createHmac('sha256', 'compare').update(s).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

export function validSignature(rawBody: Uint8Array, header: string | undefined, appSecret: string): boolean {
  if (!header || !header.startsWith('sha256=')) return false
  const expected = Buffer.from(signBody(rawBody, appSecret))
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
