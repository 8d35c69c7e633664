/**
 * Graph parameters, gathered once per request from every place real clients put them (docs §11): the query string,
 * a JSON body, a form body (with or without a Content-Type header) whose nested values are JSON strings, and
 * multipart bodies (attachment uploads). Body values win over query values of the same name.
 */
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { graphError } from '../facebook/errors.js'
import { LIMITS } from '../facebook/limits.js'
import { nestsDeeperThan } from '../../lib/json-depth.js'

export type ParamValue = string | number | boolean | null | ParamValue[] | { [k: string]: ParamValue }

const MB = 1024 * 1024
const tooLarge = (bytes: number) => (): never => {
  throw graphError('requestBodyTooLarge', `${bytes / MB} MB`)
}
/**
 * Bodies over the limit are refused before they are read. A body that declares its length (and is not chunked) is
 * judged by that header alone, as hono's bodyLimit does: Node's parser never reads past it. Only a chunked body goes
 * through bodyLimit itself, which counts it while it streams in. bodyLimit touches `c.req.raw.body`, which makes
 * @hono/node-server build a full web Request and stream; doing that for every call cost a tenth of the Send API's
 * time (`npm run bench`), while `c.req.text()` on a request it has not built reads the body straight from the socket.
 * Uploads may carry a 25 MB attachment; anything else is far smaller.
 */
function limitBody(maxSize: number): (c: Context) => Promise<void> {
  const streaming = bodyLimit({ maxSize, onError: tooLarge(maxSize) })
  return async (c) => {
    const length = c.req.header('content-length')
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) await streaming(c, noop)
    else if (Number.parseInt(length, 10) > maxSize) tooLarge(maxSize)()
  }
}
const noop = async () => undefined
const multipartLimit = limitBody(LIMITS.multipartBodyBytesMax.value)
const plainLimit = limitBody(LIMITS.bodyBytesMax.value)

export class Params {
  /** The names a handler (or the pipeline) read: Graph ignores the others, and the call says so (`ignored()`). */
  private readonly read = new Set<string>()

  constructor(readonly values: Record<string, ParamValue>, readonly files: Record<string, File> = {}) {}

  /** The parameters given that nothing read, in the order given. */
  ignored(): string[] {
    return Object.keys(this.values).filter((k) => !this.read.has(k))
  }

  has(name: string): boolean {
    this.read.add(name)
    const v = this.values[name]
    return v !== undefined && v !== null && v !== ''
  }

  /** A string parameter, or undefined. Numbers and booleans are given as their text. */
  string(name: string): string | undefined {
    this.read.add(name)
    const v = this.values[name]
    if (v === undefined || v === null || v === '') return undefined
    if (typeof v === 'string') return v
    if (typeof v === 'number' || typeof v === 'boolean') return String(v)
    throw graphError('paramInvalid', `Param ${name} must be a string`)
  }

  required(name: string): string {
    const v = this.string(name)
    if (v === undefined) throw graphError('paramRequired', name)
    return v
  }

  /**
   * A structured parameter: JSON bodies carry it as an object, form bodies and queries as a JSON string (docs §11),
   * whose depth is bounded as a JSON body's is.
   */
  object(name: string): ParamValue | undefined {
    this.read.add(name)
    const v = this.values[name]
    if (typeof v !== 'string') return v === null ? undefined : v
    const t = v.trim()
    if (!t.startsWith('{') && !t.startsWith('[')) return v
    return parseJson(t, `Param ${name}`, () => graphError('paramInvalid', `Param ${name} must be a JSON object`))
  }

  /** A list given as a JSON array, a JSON-array string or a comma/space separated string (`fields`, `scope`). */
  list(name: string): string[] | undefined {
    const v = this.object(name)
    if (v === undefined || v === '') return undefined
    if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean)
    if (typeof v === 'string') return v.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean)
    throw graphError('paramInvalid', `Param ${name} must be an array`)
  }

  integer(name: string): number | undefined {
    const s = this.string(name)
    if (s === undefined) return undefined
    if (!/^-?\d+$/.test(s)) throw graphError('paramInvalid', `Param ${name} must be an integer`)
    return Number(s)
  }
}

/**
 * The query of a request URL (from its `?`, without the fragment), found without parsing the whole URL with
 * `new URL()` (~1% of a Send API call). URLSearchParams reads the same parameters from it: @hono/node-server gives
 * either a URL it has already normalized or a raw target made only of characters URL parsing leaves alone, and what
 * URL parsing would percent-encode, URLSearchParams decodes back to the same text anyway.
 */
function queryOf(url: string): string {
  const hash = url.indexOf('#')
  const bare = hash < 0 ? url : url.slice(0, hash)
  const q = bare.indexOf('?')
  return q < 0 ? '' : bare.slice(q)
}

/**
 * JSON text as a parameter value, nested at most LIMITS.paramNestingMax deep: parsing deeper text is cheap, but
 * serialising it for the journal, or `String()` of a deep array, overflows the stack (issue 14). `what` names it in
 * the refusal; `malformed` is the error for text that is not JSON.
 */
function parseJson(text: string, what: string, malformed: () => Error): ParamValue {
  if (nestsDeeperThan(text, LIMITS.paramNestingMax.value)) {
    throw graphError('paramNestedTooDeep', what, String(LIMITS.paramNestingMax.value))
  }
  try {
    return JSON.parse(text) as ParamValue
  } catch {
    throw malformed()
  }
}

/**
 * Credentials Graph reads once. Given twice with different values, Graph takes the last one, so a wrong
 * appsecret_proof beside a right one passed (issue 14); the emulator refuses that, and accepts the same value twice,
 * as SDKs that page send it (errors.ts, paramRepeated).
 */
const CREDENTIALS = ['access_token', 'appsecret_proof', 'input_token', 'fb_exchange_token'] as const

function setParam(values: Record<string, ParamValue>, name: string, value: ParamValue): void {
  const before = values[name]
  if (before !== undefined && before !== value && (CREDENTIALS as readonly string[]).includes(name)) {
    throw graphError('paramRepeated', name)
  }
  values[name] = value
}

export async function readParams(c: Context): Promise<Params> {
  // No prototype: a body key such as `__proto__` is then just an unknown parameter, never the object's prototype.
  const values: Record<string, ParamValue> = Object.create(null) as Record<string, ParamValue>
  const query = queryOf(c.req.url)
  if (query.length > 1) for (const [k, v] of new URLSearchParams(query)) setParam(values, k, v)
  const files: Record<string, File> = {}
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return new Params(values, files)

  const type = (c.req.header('content-type') ?? '').toLowerCase()
  const multipart = type.startsWith('multipart/form-data')
  await (multipart ? multipartLimit : plainLimit)(c)
  if (multipart) {
    const form = await c.req.raw.formData().catch(() => {
      throw graphError('paramInvalid', 'Malformed multipart body')
    })
    for (const [k, v] of form) {
      if (typeof v === 'string') setParam(values, k, v)
      else files[k] = v
    }
    return new Params(values, files)
  }
  const text = await c.req.text()
  if (text.trim() === '') return new Params(values, files)
  if (type.includes('json') || (type === '' && /^\s*\{/.test(text))) {
    const body = parseJson(text, 'The request body', () => graphError('paramInvalid', 'Invalid JSON in request body'))
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw graphError('paramInvalid', 'The request body must be a JSON object')
    }
    // The query's credentials are compared with the body's; the rest is copied at once (this is every Send API call).
    for (const name of CREDENTIALS) if (name in body) setParam(values, name, body[name]!)
    Object.assign(values, body)
    return new Params(values, files)
  }
  // application/x-www-form-urlencoded, or a form body sent with no Content-Type at all (docs §11).
  for (const [k, v] of new URLSearchParams(text)) setParam(values, k, v)
  return new Params(values, files)
}
