/**
 * Recording Graph calls in the request journal (`GET /_emulator/requests`): what was asked, for which app and page,
 * what the emulator answered and why. The pipeline opens a `GraphCall` when a request arrives, tells it what it
 * learns (method, version, params, token) and finishes it at its one exit. Secrets never reach the journal: tokens,
 * proofs, client secrets and codes are redacted, uploaded files are described, not stored.
 *
 * A path no route serves is recorded with the nearest supported one (msw's `onUnhandledRequest` suggestion, STYLE §2).
 */
import type { World } from '../world/world.js'
import { GraphError } from '../facebook/errors.js'
import { Leniency } from '../facebook/leniency.js'
import type { Params, ParamValue } from './params.js'
import { splitVersion, type GraphMethod, type GraphRouter } from './router.js'

/** Parameters that carry credentials (docs §0, §1.2, §11). */
const SECRET_PARAMS = new Set(['access_token', 'appsecret_proof', 'input_token', 'client_secret', 'fb_exchange_token',
  'code'])
const REDACTED = '[redacted]'
/** A token pasted anywhere else (the path, another parameter, echoed in an error message) is redacted too. */
const TOKEN_TEXT = /EAA[0-9A-Za-z]{20,}|\d+\|[0-9A-Za-z_-]{20,}/g

export function redactText(text: string): string {
  return text.replace(TOKEN_TEXT, REDACTED)
}

/** A JSON value with every token-looking string redacted; parsed back only when something was (rarely). */
function redactJson<T>(value: T): T {
  const text = JSON.stringify(value)
  const redacted = redactText(text)
  return redacted === text ? value : JSON.parse(redacted) as T
}

export function redactParams(params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(params.values)) out[k] = SECRET_PARAMS.has(k) ? REDACTED : v
  for (const [k, f] of Object.entries(params.files)) out[k] = { file: f.name, type: f.type, bytes: f.size }
  return redactJson(out)
}

/** Levenshtein distance, for suggesting the nearest supported path. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = row
  }
  return prev[b.length]!
}

/** Edges Facebook retired, and what replaced them (docs §11: `/me/thread_settings` → `/me/messenger_profile`, 2017). */
const RETIRED_EDGES: Record<string, string> = { thread_settings: 'messenger_profile' }

/** Scoring weights: a wrong method or node kind counts like a few mistyped characters. */
const METHOD_MISMATCH = 3
const NODE_MISMATCH = 3

interface KnownPath { text: string; method: string; node: string | null; rest: string }

/** `POST /{page}/messages` → method POST, node page, rest `messages`; `GET /debug_token` → node null. */
function parseKnown(text: string): KnownPath {
  const [method, path] = text.split(' ') as [string, string]
  const m = path.match(/^\/\{(\w+)\}\/?(.*)$/)
  return m ? { text, method, node: m[1]!, rest: m[2]! } : { text, method, node: null, rest: path.slice(1) }
}

function servedBy(k: KnownPath, method: string, segments: string[]): boolean {
  if (k.method !== method) return false
  const parts = k.node === null ? k.rest.split('/') : ['{node}', ...(k.rest ? k.rest.split('/') : [])]
  return parts.length === segments.length && parts.every((p, i) => p === segments[i] || p === '{node}' ||
    p.startsWith(':'))
}

/**
 * The supported path nearest to `method path` (undefined when a route serves it): the edge is compared by edit
 * distance, a retired edge by its replacement, and `me` counts as the node kind of the token (page or user).
 */
export function nearestPath(router: GraphRouter, method: GraphMethod, path: string, meKind: string | null):
  string | undefined {
  const segments = path.split('/').filter(Boolean)
  const known = router.knownPaths().map(parseKnown)
  if (known.some((k) => servedBy(k, method, segments))) return undefined
  const node = segments[0] === 'me' ? meKind : null
  const edge = segments.slice(1).join('/')
  const target = RETIRED_EDGES[edge] ?? edge
  const score = (k: KnownPath) => (k.node === null ? editDistance(segments.join('/'), k.rest) :
    editDistance(target, k.rest)) + (k.method === method ? 0 : METHOD_MISMATCH) +
    (node && k.node !== null && k.node !== node ? NODE_MISMATCH : 0)
  return known.reduce((best, k) => (score(k) < score(best) ? k : best)).text
}

/** Which app and page a token speaks for, even when the token was refused (an expired page token still names them). */
function tokenOwner(world: World, raw: string | undefined) {
  if (!raw) return { appId: null, pageId: null, tokenKind: null }
  const stored = world.tokens.get(raw)
  if (stored) return { appId: stored.appId, pageId: stored.pageId ?? null, tokenKind: stored.kind }
  const appId = raw.match(/^(\d+)\|/)?.[1]
  return appId && world.apps.get(appId) ? { appId, pageId: null, tokenKind: 'app' } : { appId: null, pageId: null,
    tokenKind: null }
}

export class GraphCall {
  private readonly startedAt: number
  /** A monotonic start, so advancing the emulator's clock mid-call does not distort the duration. */
  private readonly started = performance.now()
  private method: string
  /** The version prefix and the path without it, split once for the journal and the pipeline both. */
  readonly version: string | null
  readonly path: string
  private params: Params | undefined
  private token: string | undefined
  private error: unknown
  /** How the call is judged (production's leniency, or the written contract) and the warnings it gathers. */
  readonly leniency: Leniency

  constructor(private readonly world: World, private readonly router: GraphRouter, readonly fbtraceId: string,
    rawMethod: string, rawPath: string, strict: boolean) {
    this.leniency = new Leniency(strict)
    this.startedAt = world.clock.now()
    this.method = rawMethod.toUpperCase()
    const { version, path } = splitVersion(rawPath)
    this.version = version
    this.path = path
  }

  /** What the pipeline parsed: the effective method (after `?method=`), the params and the token given. */
  parsed(method: GraphMethod, params: Params, token: string | undefined): void {
    this.method = method
    this.params = params
    this.token = token
  }

  failed(err: unknown): void {
    this.error = err
  }

  /** Writes the journal entry for the response being sent; a journal that cannot be written never fails the call. */
  finish(res: Response): void {
    try {
      this.record(res)
    } catch (err) {
      console.error('[graph] could not write the request journal', err)
    }
  }

  private record(res: Response): void {
    const err = this.error
    const graphErr = err instanceof GraphError ? err : undefined
    const reason = graphErr ? graphErr.reason ?? null
      : err === undefined ? null : redactText(`unexpected: ${String(err)}`)
    const method = (['GET', 'POST', 'DELETE'].includes(this.method) ? this.method : 'GET') as GraphMethod
    const owner = tokenOwner(this.world, this.token)
    this.world.journal.record({
      at: this.startedAt,
      method: this.method,
      path: redactText(this.path),
      version: this.version,
      ...owner,
      params: this.params ? redactParams(this.params) : {},
      status: res.status,
      fbtraceId: this.fbtraceId,
      error: graphErr ? redactJson(graphErr.body(this.fbtraceId).error as unknown as Record<string, ParamValue>) : null,
      reason,
      nearestPath: res.status >= 400 ? nearestPath(this.router, method, this.path, owner.tokenKind) ?? null : null,
      durationMs: Math.round(performance.now() - this.started),
      warnings: this.leniency.warnings,
    })
  }
}
