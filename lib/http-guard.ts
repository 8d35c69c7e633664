/**
 * What keeps a web page the developer visits from reaching either server through their browser (issue 14). Both
 * listen on 127.0.0.1, which stops neither attack:
 * - DNS rebinding: a page at attacker.example re-resolves its own name to 127.0.0.1 and reads the emulator's world,
 *   app secrets included, as same-origin. Its requests carry `Host: attacker.example`, so only the Host header tells
 *   them apart. Answered are loopback names, any IP address (a page cannot rebind an address, only a name) and the
 *   names the server was told about; as Vite's dev server does (https://vite.dev/config/server-options#server-allowedhosts).
 * - cross-site writes: a page's form or `fetch(…, {mode: 'no-cors'})` may POST `text/plain` anywhere. A browser
 *   says which page sent a request in `Origin`, and cannot send a JSON content type across sites without a
 *   preflight that these servers do not grant.
 * And the pages people look at carry Content-Security-Policy, X-Frame-Options and X-Content-Type-Options.
 * Protocol-neutral: each server passes its own names and answers a refusal in its own error shape.
 */
import { createHash } from 'node:crypto'
import { isIP } from 'node:net'
import type { Context, MiddlewareHandler } from 'hono'
import { shortQuote } from './quote.js'

/** The hostname of a Host header (`name`, `name:port`, `[v6]:port`), lower case, without a trailing dot. */
export function hostnameOf(host: string): string {
  const bracketed = host.match(/^\[([^\]]*)\](?::\d*)?$/)
  const name = bracketed ? bracketed[1]! : host.replace(/:\d*$/, '')
  return name.toLowerCase().replace(/\.$/, '')
}

/** `--allowed-host a --allowed-host b` and `A_ALLOWED_HOSTS=c,d`, and the hosts of the server's own URLs. */
export function allowedHostNames(...sources: (string | readonly string[] | undefined)[]): string[] {
  const names = sources.flatMap((s) => (s === undefined ? [] : typeof s === 'string' ? s.split(',') : [...s]))
  return names.map((n) => n.trim()).filter(Boolean).map((n) => {
    try {
      // A URL (a public URL) names its host; a bare name or address is one already.
      return n.includes('://') ? hostnameOf(new URL(n).host) : hostnameOf(n)
    } catch {
      return hostnameOf(n)
    }
  })
}

/** Whether a request for this Host is answered: loopback names, IP addresses and the `allowed` names. */
export function isKnownHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  // A request without a Host (HTTP/1.0) names no site: nothing to rebind.
  if (host === undefined || host === '') return true
  const name = hostnameOf(host)
  return name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0 || allowed.has(name)
}

/** Why a request was refused, for the surface to answer in its own shape. */
export interface Refusal {
  message: string
  /** What the user can do about it (the flag to use). */
  hint: string
}

export interface HostGuardOptions {
  /** Names answered besides loopback names and IP addresses (allowedHostNames). */
  allowedHosts: readonly string[]
  /** The flag and environment variable that add a name, for the hint: `--allowed-host NAME (EMULATOR_ALLOWED_HOSTS)`. */
  flag: string
  /** The 403 for a refused request, in the surface's error shape. */
  refuse(c: Context, refusal: Refusal): Response
  /** Security headers for HTML answers (contentSecurityPolicy); none when undefined. */
  csp?: () => string
}

/**
 * The one middleware both servers put first: a request for an unknown Host is refused before any route runs, and
 * every HTML answer gets the security headers (`csp` names the inline scripts and styles it allows).
 */
export function hostGuard(options: HostGuardOptions): MiddlewareHandler {
  const allowed = new Set(options.allowedHosts)
  return async (c, next) => {
    const host = c.req.header('host')
    if (!isKnownHost(host, allowed)) {
      const name = shortQuote(hostnameOf(host!), 100)
      return options.refuse(c, {
        message: `This server does not answer requests for the host "${name}" (a protection against DNS rebinding)`,
        hint: `If "${name}" is a name of this machine that you use, start the server with ${options.flag.replaceAll('NAME', name)}.`,
      })
    }
    await next()
    if (options.csp && c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.res.headers.set('content-security-policy', options.csp())
      c.res.headers.set('x-frame-options', 'DENY')
      c.res.headers.set('x-content-type-options', 'nosniff')
    }
  }
}

/** Whether `origin` (an Origin header) is the page of this server itself, as reached through this Host. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}

/** The content types a cross-site page can send without a preflight (fetch's CORS-safelisted ones). */
const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']

/**
 * Whether a write (any method but GET, HEAD and OPTIONS) may come from a page of another site: its `Origin` names
 * another site, or, from an agent that sends no Origin, its body has a type a cross-site form can send. A same-origin
 * page may send any type; a JSON client (curl, the typed control client) sends no Origin, or an empty body.
 */
export function crossSiteWrite(c: Context): boolean {
  const method = c.req.method
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false
  const origin = c.req.header('origin')
  if (origin !== undefined) return !sameOrigin(origin, c.req.header('host'))
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  return SIMPLE_TYPES.some((t) => type.startsWith(t))
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * A Content-Security-Policy for pages whose only scripts and styles are the inline ones given (by their exact text,
 * allowed by hash) and scripts of this server. Images and media come from anywhere (a Messenger attachment is any
 * URL); fetches and event streams only from this server; no page may frame them. No `form-action`: the login
 * dialog's form ends in a redirect to the app's own redirect_uri, which browsers check against it.
 */
export function contentSecurityPolicy(inline: { scripts: readonly string[]; styles: readonly string[] }): string {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...inline.scripts.map(sha256)].join(' '),
    `style-src ${inline.styles.length ? inline.styles.map(sha256).join(' ') : "'none'"}`,
    'img-src * data: blob:',
    'media-src * data: blob:',
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ')
}
