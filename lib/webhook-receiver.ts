/**
 * A real webhook receiver, the one tests, scenarios and benchmarks use: a node:http server on 127.0.0.1 that
 * answers Facebook's verification request (docs §4.1: echo `hub.challenge` when `hub.verify_token` matches) and records
 * every POST with its raw body, parsed JSON and headers, so signatures can be checked against the exact bytes (docs
 * §4.2). Its answers can be scripted (a status, or never answering) to drive retries and timeouts.
 */
import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedPost<B = unknown> {
  /** Wall-clock milliseconds of arrival. */
  at: number
  /** The request path (and query), e.g. `/webhook`. */
  path: string
  headers: IncomingHttpHeaders
  raw: string
  /** The body as JSON (typed as the sender promises: `B`); undefined when it is not JSON. */
  body: B
  /** What the receiver answered: an HTTP status, or 'hang' (never answered). */
  answer: number | 'hang'
}

/** How the receiver answers verification: echo the challenge (when the token matches), a status, or a wrong body. */
export type VerificationMode = 'echo' | 'wrong-challenge' | number

export interface WebhookReceiverOptions<B = unknown> {
  /** 0 (default) picks a free port. */
  port?: number
  /** The path of `url` (default `/webhook`); POSTs to any path are recorded. */
  path?: string
  verifyToken?: string
  /** Called with each POST once it has been answered (a bot reacting to its webhooks). */
  onPost?: (post: ReceivedPost<B>) => void
}

export interface WebhookReceiver<B = unknown> {
  /** Where to send webhooks: `http://127.0.0.1:{port}{path}`. */
  url: string
  verifyToken: string
  posts: ReceivedPost<B>[]
  verifications: URLSearchParams[]
  verification: VerificationMode
  /** Answers for the next POSTs, in order; once used up every POST gets `status`. */
  plan: (number | 'hang')[]
  /** The answer once the plan is used up (200 by default). */
  status: number
  /** The POSTs answered 2xx, i.e. acknowledged deliveries. */
  acknowledged(): ReceivedPost<B>[]
  close(): Promise<void>
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

export async function startWebhookReceiver<B = unknown>(options: WebhookReceiverOptions<B> = {}):
  Promise<WebhookReceiver<B>> {
  const hanging = new Set<ServerResponse>()
  const receiver: WebhookReceiver<B> = {
    url: '', verifyToken: options.verifyToken ?? 'let-me-in', posts: [], verifications: [], verification: 'echo',
    plan: [], status: 200,
    acknowledged: () => receiver.posts.filter((p) => typeof p.answer === 'number' && p.answer >= 200 && p.answer < 300),
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
      const answer = receiver.plan.shift() ?? receiver.status
      const post: ReceivedPost<B> = {
        at: Date.now(), path: req.url ?? '/', headers: req.headers, raw, body: parseJson(raw) as B, answer,
      }
      receiver.posts.push(post)
      if (answer === 'hang') hanging.add(res)
      else res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'EVENT_RECEIVED' : 'failed')
      options.onPost?.(post)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${options.path ?? '/webhook'}`
  return receiver
}

/** Checks both signatures Facebook sends against the raw body, as a receiver must (docs §4.2). */
export function facebookSignaturesValid(post: ReceivedPost<unknown>, appSecret: string): boolean {
  const hmac = (alg: 'sha1' | 'sha256') => createHmac(alg, appSecret).update(post.raw, 'utf8').digest('hex')
  return post.headers['x-hub-signature'] === `sha1=${hmac('sha1')}` &&
    post.headers['x-hub-signature-256'] === `sha256=${hmac('sha256')}`
}
