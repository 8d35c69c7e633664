/**
 * The HTTP client of webhook delivery, for the emulator's signed webhooks and the adapter's business webhooks alike:
 * one POST of exact bytes, on keep-alive connections, with a deadline; http and https.
 *
 * Why not `fetch`: a profile of `npm run bench end-to-end` showed undici's `fetch` costing ~0.5 ms of CPU per webhook
 * POST (streams, Request/Response objects, abort plumbing), a tenth of a message's whole round trip. `node:http` with
 * a keep-alive agent does the same request in a fraction of that. It lives in lib/, which holds protocol-neutral
 * code both parts use: emulator/ and adapter/ still never import each other.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

/**
 * One pool per scheme for the whole process: a receiver's connection is reused from one delivery to the next (the
 * receiver's `Keep-Alive: timeout` hint is honoured by Node's agent, so an idle socket is dropped before the server
 * closes it). Idle sockets are unref'd by the agent and do not keep the process alive.
 */
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) }

export interface HttpPostOptions {
  headers: Record<string, string>
  /** Sent as UTF-8, byte for byte (a signature covers exactly these bytes). */
  body: string
  /** Whole-request deadline: connect, send, and the full answer. */
  timeoutMs: number
  /** Aborts the request (e.g. the worker stops); the promise rejects with `HttpAbortError`. */
  signal?: AbortSignal
}

/** The request did not get a full answer within `timeoutMs`. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError'
  constructor(readonly timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms`)
  }
}

/** The caller's signal aborted the request. */
export class HttpAbortError extends Error {
  override readonly name = 'AbortError'
  constructor() {
    super('The request was aborted')
  }
}

/**
 * POSTs `body` to `url` and answers the status once the whole answer has arrived (its body is read and dropped, so
 * the connection goes back to the pool). Redirects are not followed: a 3xx is the receiver's answer. Rejects with
 * `HttpTimeoutError`, `HttpAbortError`, or the socket's error (its `code`, e.g. `ECONNREFUSED`, says why).
 */
export function httpPost(url: string | URL, options: HttpPostOptions): Promise<number> {
  const target = typeof url === 'string' ? new URL(url) : url
  const bytes = Buffer.from(options.body, 'utf8')
  const https = target.protocol === 'https:'
  if (!https && target.protocol !== 'http:') return Promise.reject(new Error(`Unsupported protocol ${target.protocol}`))
  return new Promise<number>((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(target, {
      method: 'POST', agent: https ? agents.https : agents.http,
      headers: { ...options.headers, 'content-length': String(bytes.length) },
    })
    // Exactly one outcome; a failure destroys the request (and its socket, which never returns to the pool).
    let settled = false
    const settle = (err: Error | null, status = 0) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      if (err) {
        req.destroy()
        reject(err)
      } else resolve(status)
    }
    const timer = setTimeout(() => settle(new HttpTimeoutError(options.timeoutMs)), options.timeoutMs)
    const onAbort = () => settle(new HttpAbortError())
    options.signal?.addEventListener('abort', onAbort, { once: true })
    req.on('error', (err) => settle(err))
    req.on('response', (res: IncomingMessage) => {
      res.on('end', () => settle(null, res.statusCode ?? 0))
      res.on('error', (err) => settle(err))
      res.resume()
    })
    if (options.signal?.aborted) onAbort()
    else req.end(bytes)
  })
}
