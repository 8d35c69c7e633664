/**
 * A real webhook receiver for the webhook tests: a node:http server on a free port that answers Facebook's
 * verification request (docs §4.1) and records every signed POST (docs §4.2) with its raw body. Tests script its
 * answers (fail, hang) to drive retries and timeouts, and check signatures with node:crypto themselves.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHmac } from 'node:crypto'
import type { PageWebhookBody } from '../../emulator/facebook/webhook-types.js'

export interface ReceivedPost {
  headers: IncomingHttpHeaders
  raw: string
  body: PageWebhookBody
  /** What the receiver answered: an HTTP status, or 'hang' (never answered). */
  answer: number | 'hang'
}

/** How the receiver answers verification: echo the challenge (when the token matches), a status, or a wrong body. */
export type VerificationMode = 'echo' | 'wrong-challenge' | number

export interface Receiver {
  url: string
  verifyToken: string
  posts: ReceivedPost[]
  verifications: URLSearchParams[]
  verification: VerificationMode
  /** Answers for the next POSTs, in order; once used up every POST gets 200. */
  plan: (number | 'hang')[]
  /** The POSTs answered 200, i.e. acknowledged deliveries. */
  acknowledged(): ReceivedPost[]
  close(): Promise<void>
}

export async function startReceiver(verifyToken = 'let-me-in'): Promise<Receiver> {
  const hanging = new Set<ServerResponse>()
  const receiver: Receiver = {
    url: '', verifyToken, posts: [], verifications: [], verification: 'echo', plan: [],
    acknowledged: () => receiver.posts.filter((p) => p.answer === 200),
    close: () => new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver')
    if (req.method === 'GET') {
      receiver.verifications.push(url.searchParams)
      const mode = receiver.verification
      const tokenOk = url.searchParams.get('hub.mode') === 'subscribe' &&
        url.searchParams.get('hub.verify_token') === receiver.verifyToken
      if (typeof mode === 'number') res.writeHead(mode).end('no')
      else if (!tokenOk) res.writeHead(403).end('wrong verify token')
      else res.writeHead(200, { 'content-type': 'text/plain' })
        .end(mode === 'echo' ? url.searchParams.get('hub.challenge') : 'not-the-challenge')
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const answer = receiver.plan.shift() ?? 200
      receiver.posts.push({ headers: req.headers, raw, body: JSON.parse(raw) as PageWebhookBody, answer })
      if (answer === 'hang') hanging.add(res)
      else res.writeHead(answer).end(answer === 200 ? 'EVENT_RECEIVED' : 'failed')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`
  return receiver
}

/** Checks both signatures Facebook sends against the raw body, as a receiver must (docs §4.2). */
export function signaturesValid(post: ReceivedPost, appSecret: string): boolean {
  const hmac = (alg: 'sha1' | 'sha256') => createHmac(alg, appSecret).update(post.raw, 'utf8').digest('hex')
  return post.headers['x-hub-signature'] === `sha1=${hmac('sha1')}` &&
    post.headers['x-hub-signature-256'] === `sha256=${hmac('sha256')}`
}
