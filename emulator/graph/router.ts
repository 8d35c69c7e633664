/**
 * Graph's URL space, as Facebook structures it: a few fixed paths (`/oauth/access_token`, `/debug_token`) and
 * otherwise `/{node}/{edge}`, where the node is `me` or an id resolved to an app, account, page or PSID. The same
 * handler therefore serves `/me/messages` and `/{page-id}/messages`. Unknown ids, edges and methods get Graph's own
 * errors (100/33, 803, 2500).
 */
import type { Context } from 'hono'
import type { World } from '../world/world.js'
import type { Runtime } from '../runtime/runtime.js'
import type { App } from '../world/apps.js'
import type { Account } from '../world/accounts.js'
import type { Page } from '../world/pages.js'
import type { Psid } from '../world/people.js'
import type { Persona } from '../world/personas.js'
import { graphError } from '../facebook/errors.js'
import type { Access } from '../login/access.js'
import type { Leniency } from '../facebook/leniency.js'
import type { Params } from './params.js'

export type GraphMethod = 'GET' | 'POST' | 'DELETE'
export type NodeKind = 'user' | 'page' | 'app' | 'psid' | 'persona'

/** How Graph names node types in its messages (`… on node type (Page)`). */
export const NODE_TYPE_NAMES: Record<NodeKind, string> = { user: 'User', page: 'Page', app: 'Application', psid: 'User',
  persona: 'Persona' }

export type GraphNode =
  | { kind: 'user'; id: string; account: Account }
  | { kind: 'page'; id: string; page: Page }
  | { kind: 'app'; id: string; app: App }
  | { kind: 'psid'; id: string; psid: Psid }
  | { kind: 'persona'; id: string; persona: Persona }

/** What a handler gets: the parsed request, the world, and (for routes that need one) the validated token. */
export interface GraphRequest<N extends GraphNode | undefined = GraphNode | undefined> {
  c: Context
  world: World
  /** The world's runtime, for the rare handler that needs more than the world (the webhook delivery settings). */
  runtime: Runtime
  method: GraphMethod
  /** The version prefix the caller used (`v21.0`), or null for an unversioned call. */
  version: string | null
  /** The path without its version prefix, e.g. `/me/accounts`. */
  path: string
  params: Params
  access: Access
  node: N
  /** Path parameters of the route pattern (`permissions/:permission`). */
  pathParams: Record<string, string>
  /** How the call is judged (production's leniency or the written contract); rules add their warnings to it. */
  leniency: Leniency
}

type Handler<N extends GraphNode | undefined> = (req: GraphRequest<N>) => unknown

interface RouteBase { method: GraphMethod; description?: string }
export interface RootRoute extends RouteBase {
  node: 'root'
  /** The fixed path without leading slash, e.g. `oauth/access_token`. */
  path: string
  /** Fixed paths such as the code exchange need no token. */
  public?: boolean
  handle: (req: Omit<GraphRequest<undefined>, 'access'> & { access: Access | undefined }) => unknown
}
export interface NodeRoute<K extends NodeKind = NodeKind> extends RouteBase {
  node: K
  /** The edge below the node, '' for the node itself; `:name` segments are parameters. */
  edge: string
  handle: Handler<Extract<GraphNode, { kind: K }>>
}
export type GraphRoute = RootRoute | NodeRoute

/** Declares a route with its handler typed for the node kind. */
export function route<K extends NodeKind>(r: NodeRoute<K>): GraphRoute {
  return r as unknown as GraphRoute
}

export function rootRoute(r: RootRoute): GraphRoute {
  return r
}

/** Splits `/v21.0/me/accounts` into the version and the rest; any `vNN.N` is accepted (docs §10, §11). */
export function splitVersion(path: string): { version: string | null; path: string } {
  const m = path.match(/^\/(v\d+\.\d+)(\/.*|$)/)
  return m ? { version: m[1]!, path: m[2] || '/' } : { version: null, path }
}

/** A malformed escape (`%E0%A4%A`) is the client's mistake, not a crash: the segment is taken as written. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function matchEdge(parts: string[], segments: string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined
  const out: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!
    const s = segments[i]!
    if (p.startsWith(':')) out[p.slice(1)] = safeDecode(s)
    else if (p !== s) return undefined
  }
  return out
}

export class GraphRouter {
  /**
   * Node routes in declared order, each with its edge split into segments once: splitting every edge pattern on
   * every call was ~0.7% of a Send API call in a profile.
   */
  private readonly edges: { route: NodeRoute; parts: string[] }[]

  constructor(readonly routes: GraphRoute[]) {
    this.edges = routes.filter((r): r is NodeRoute => r.node !== 'root')
      .map((route) => ({ route, parts: route.edge === '' ? [] : route.edge.split('/') }))
  }

  findRoot(path: string, method: GraphMethod): RootRoute | undefined {
    const p = path.replace(/^\/+|\/+$/g, '')
    return this.routes.find((r): r is RootRoute => r.node === 'root' && r.path === p && r.method === method)
  }

  isRootPath(path: string): boolean {
    const p = path.replace(/^\/+|\/+$/g, '')
    return this.routes.some((r) => r.node === 'root' && r.path === p)
  }

  /** The route for an edge of a resolved node; throws Graph's error when the edge or method is unknown. */
  findNodeRoute(node: GraphNode, segments: string[], method: GraphMethod, nodeSegment: string):
    { route: NodeRoute; pathParams: Record<string, string> } {
    let edgeKnown = false
    for (const { route: r, parts } of this.edges) {
      if (r.node !== node.kind) continue
      const pathParams = matchEdge(parts, segments)
      if (!pathParams) continue
      edgeKnown = true
      if (r.method === method) return { route: r, pathParams }
    }
    // Graph reads a single unknown edge as a field of the node, deeper paths as unknown components (docs §2.1).
    if (!edgeKnown && segments.length === 1) throw graphError('nonexistingField', segments[0]!, NODE_TYPE_NAMES[node.kind])
    if (!edgeKnown && segments.length > 1) throw graphError('unknownPath', segments.slice(1).join('/'))
    throw graphError('unsupportedRequest', method.toLowerCase(), nodeSegment)
  }

  /** Every supported path, for suggesting the nearest one when a call misses. */
  knownPaths(): string[] {
    return this.routes.map((r) => `${r.method} /${r.node === 'root' ? r.path : `{${r.node}}${r.edge ? `/${r.edge}` : ''}`}`)
  }
}

/** Resolves `me` or an id to the node it names (docs §1.6: `/me` is the page when the token is a page token). */
export function resolveNode(world: World, segment: string, access: Access, method: GraphMethod): GraphNode {
  if (segment === 'me') {
    if (access.kind === 'page' && access.pageId) {
      const page = world.pages.get(access.pageId)
      if (page) return { kind: 'page', id: page.id, page }
    }
    if (access.kind === 'user' && access.account) return { kind: 'user', id: access.account.id, account: access.account }
    throw graphError('activeTokenForMe')
  }
  const page = world.pages.get(segment)
  if (page) return { kind: 'page', id: page.id, page }
  const account = world.accounts.get(segment)
  if (account) return { kind: 'user', id: account.id, account }
  const app = world.apps.get(segment)
  if (app) return { kind: 'app', id: app.id, app }
  const psid = world.people.byPsid(segment)
  if (psid) return { kind: 'psid', id: psid.psid, psid }
  const persona = world.personas.get(segment)
  if (persona) return { kind: 'persona', id: persona.id, persona }
  if (/^\d+$/.test(segment)) throw graphError('unsupportedRequest', method.toLowerCase(), segment)
  throw graphError('unknownAlias', segment)
}
