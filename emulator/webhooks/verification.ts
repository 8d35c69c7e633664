/**
 * Facebook's verification request (docs §4.1): before it accepts a callback URL it calls
 * `GET {callback_url}?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` and requires 200 with the challenge as
 * the body. Anything else fails the subscription with (#2200) or (#2201), and nothing is saved.
 * Source: https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests
 */
import { randomInt } from 'node:crypto'
import { graphError } from '../facebook/errors.js'

/** Throws the catalogue error Graph answers when the callback does not verify. */
export async function verifyCallback(callbackUrl: string, verifyToken: string, timeoutMs: number): Promise<void> {
  // Facebook's challenges are decimal numbers (docs §4.1 example: 1158201444).
  const challenge = String(randomInt(1_000_000_000, 2_147_483_647))
  const url = new URL(callbackUrl)
  url.searchParams.set('hub.mode', 'subscribe')
  url.searchParams.set('hub.verify_token', verifyToken)
  url.searchParams.set('hub.challenge', challenge)
  let res: Response
  let body: string
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' })
    body = await res.text()
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') {
      throw graphError('callbackVerificationFailed',
        `Operation timed out after ${timeoutMs} milliseconds with 0 bytes received`)
    }
    throw graphError('callbackVerificationFailed', "Couldn't connect to server")
  }
  if (res.status !== 200) throw graphError('callbackVerificationFailed', `HTTP Status Code = ${res.status}`)
  if (body.trim() !== challenge) throw graphError('challengeMismatch', challenge, body.slice(0, 100))
}
