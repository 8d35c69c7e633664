/**
 * HTTP to the Graph API: one configurable base URL (https://graph.facebook.com or the emulator), one Graph version,
 * `appsecret_proof` on every call, and Graph's error envelope parsed into `GraphApiError`.
 *
 * Facts: messenger-platform.md §0 (error envelope), §11 (appsecret_proof = hex HMAC-SHA256 of the
 * access token keyed with the app secret; token in the query string), §2.1 (which codes are transient).
 * Tokens travel in the query string, as most clients send them; URLs are therefore never logged.
 */
import { createHmac } from 'node:crypto'
import type { GraphErrorBody } from './graph-types.js'

export interface GraphClientOptions {
  /** e.g. `https://graph.facebook.com` or `http://127.0.0.1:4100`. */
  baseUrl: string
  /** e.g. `v21.0`. */
  version: string
  fetch?: typeof fetch
  /** Per request; Facebook itself answers well within this. */
  timeoutMs?: number
}

export interface GraphCall {
  token: string
  /** The Facebook app secret, for `appsecret_proof`. */
  appSecret: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
}

/** Codes Graph documents as "retry later" or throttling (§2.1, §3.9). */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613, 1200])

/** Graph answered with its error envelope. */
export class GraphApiError extends Error {
  readonly code: number
  readonly subcode: number | undefined
  readonly type: string | undefined
  readonly fbtraceId: string | undefined
  readonly transient: boolean
  constructor(readonly status: number, readonly body: GraphErrorBody['error']) {
    super(body.message)
    this.name = 'GraphApiError'
    this.code = body.code
    this.subcode = body.error_subcode
    this.type = body.type
    this.fbtraceId = body.fbtrace_id
    this.transient = body.is_transient === true || TRANSIENT_CODES.has(body.code) || status >= 500
  }
}

/** Graph could not be reached, timed out, or answered something that is not Graph. */
export class GraphUnreachableError extends Error {
  readonly transient = true
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'GraphUnreachableError'
  }
}

export function appsecretProof(token: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(token).digest('hex')
}

/** The app access token `{app-id}|{app-secret}`, accepted wherever an app token is (§1.4). */
export function appToken(fbAppId: string, fbAppSecret: string): string {
  return `${fbAppId}|${fbAppSecret}`
}

/** Major.minor of a `vNN.N` version, for behaviour that changed between versions (e.g. nested menus, v8.0). */
export function versionNumber(version: string): number {
  const m = /^v?(\d+)\.(\d+)$/.exec(version)
  return m ? Number(m[1]) + Number(m[2]) / 100 : Number.POSITIVE_INFINITY
}

export class GraphClient {
  private readonly base: string
  private readonly fetchFn: typeof fetch
  private readonly timeoutMs: number

  constructor(readonly options: GraphClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '')
    this.fetchFn = options.fetch ?? fetch
    this.timeoutMs = options.timeoutMs ?? 15_000
  }

  get version(): string {
    return this.options.version
  }

  get<T>(path: string, call: GraphCall): Promise<T> {
    return this.request<T>('GET', path, call)
  }

  post<T>(path: string, call: GraphCall): Promise<T> {
    return this.request<T>('POST', path, call)
  }

  delete<T>(path: string, call: GraphCall): Promise<T> {
    return this.request<T>('DELETE', path, call)
  }

  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, call: GraphCall): Promise<T> {
    const url = new URL(`${this.base}/${this.options.version}${path}`)
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
    url.searchParams.set('access_token', call.token)
    url.searchParams.set('appsecret_proof', appsecretProof(call.token, call.appSecret))
    let res: Response
    try {
      res = await this.fetchFn(url, {
        method,
        headers: call.body === undefined ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (err) {
      throw new GraphUnreachableError(`Graph API at ${this.base} is unreachable (${describe(err)})`, { cause: err })
    }
    const text = await res.text().catch(() => '')
    let json: unknown
    try {
      json = text ? JSON.parse(text) : {}
    } catch {
      throw new GraphUnreachableError(`Graph API at ${this.base} answered HTTP ${res.status} with a body that is not JSON`)
    }
    if (isGraphError(json)) throw new GraphApiError(res.status, json.error)
    if (!res.ok) throw new GraphUnreachableError(`Graph API at ${this.base} answered HTTP ${res.status}`)
    return json as T
  }
}

function isGraphError(json: unknown): json is GraphErrorBody {
  if (typeof json !== 'object' || json === null || !('error' in json)) return false
  const e = (json as { error: unknown }).error
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number'
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string } }).cause
    if (err.name === 'TimeoutError') return 'timed out'
    return cause?.code ?? err.message
  }
  return String(err)
}
