/**
 * Webhook signatures (docs §4.2): Facebook signs the exact raw body with the app secret, as
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>` and the legacy `X-Hub-Signature: sha1=<hex HMAC-SHA1>`.
 * Source: https://developers.facebook.com/docs/messenger-platform/webhooks#validate-payloads
 */
import { createHmac } from 'node:crypto'

export interface SignatureHeaders {
  'x-hub-signature': string
  'x-hub-signature-256': string
}

export function signatureHeaders(rawBody: string, appSecret: string): SignatureHeaders {
  const hmac = (algorithm: 'sha1' | 'sha256') => createHmac(algorithm, appSecret).update(rawBody, 'utf8').digest('hex')
  return { 'x-hub-signature': `sha1=${hmac('sha1')}`, 'x-hub-signature-256': `sha256=${hmac('sha256')}` }
}
