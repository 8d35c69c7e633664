/**
 * The Graph API's HTTP surface and its one fixed pipeline (STYLE §7.5): strip the version → gather parameters →
 * `?method=` override → token and appsecret_proof → fault switches (rate limit, latency) → route → handler → JSON.
 * Every failure leaves through one funnel as Facebook's error body with its HTTP status and an `fbtrace_id`, and every
 * answer is written to the request journal on its way out.
 */
import { Hono, type Context } from 'hono'
import type { World } from '../world/world.js'
import { ids } from '../world/ids.js'
import { GraphError, graphError } from './errors.js'
import { readParams, type Params } from './params.js'
import { authenticate, checkAppSecretProof, tokenFrom, type Access } from './access.js'
import { GraphRouter, resolveNode, splitVersion, type GraphMethod, type GraphRoute } from './router.js'
import { GraphCall } from './journal.js'
import { applyCallFaults } from '../messenger/faults.js'

/** `POST …?method=delete` acts as DELETE, `method=get` as GET (docs §11). */
function effectiveMethod(c: Context, params: Params): GraphMethod {
  const override = params.string('method')?.toUpperCase()
  const method = (override ?? c.req.method.toUpperCase()) as string
  if (method === 'HEAD') return 'GET'
  if (method === 'GET' || method === 'POST' || method === 'DELETE') return method
  throw graphError('unknownMethod')
}

export function errorResponse(c: Context, err: unknown, fbtraceId: string): Response {
  const graphErr = err instanceof GraphError ? err : graphError('unexpected')
  if (!(err instanceof GraphError)) console.error('[graph] unexpected error', err)
  const headers: Record<string, string> = { 'x-fb-trace-id': fbtraceId }
  const www = graphErr.wwwAuthenticate()
  if (www) headers['www-authenticate'] = www
  return c.json(graphErr.body(fbtraceId), graphErr.status as 400, headers)
}

export function createGraphApp(world: World, routes: GraphRoute[]): Hono {
  const router = new GraphRouter(routes)
  const app = new Hono()

  // Every answer, success or error, is journaled at this one exit (GET /_emulator/requests).
  app.all('*', async (c) => {
    const call = new GraphCall(world, router, ids.fbtrace(), c.req.method, c.req.path)
    const res = await answer(c, call)
    call.finish(res)
    return res
  })

  async function answer(c: Context, call: GraphCall): Promise<Response> {
    const { fbtraceId } = call
    try {
      const { version, path } = splitVersion(c.req.path)
      const params = await readParams(c)
      const method = effectiveMethod(c, params)
      const raw = tokenFrom(c, params)
      call.parsed(method, params, raw)
      const base = { c, world, method, version, path, params, pathParams: {} }

      const root = router.findRoot(path, method)
      if (root?.public) {
        const access = raw ? authenticate(world, raw) : undefined
        return respond(c, await root.handle({ ...base, access, node: undefined }), fbtraceId)
      }
      if (!raw) throw graphError('accessTokenRequired')
      const access: Access = authenticate(world, raw)
      checkAppSecretProof(access, params)
      await applyCallFaults(world, { appId: access.app.id, pageId: access.pageId })
      if (root) return respond(c, await root.handle({ ...base, access, node: undefined }), fbtraceId)

      const segments = path.split('/').filter(Boolean)
      const nodeSegment = segments[0]
      if (nodeSegment === undefined) throw graphError('unsupportedRequest', method.toLowerCase(), '')
      const node = resolveNode(world, nodeSegment, access, method)
      const { route, pathParams } = router.findNodeRoute(node, segments.slice(1), method, nodeSegment)
      const result = await route.handle({ ...base, access, node, pathParams } as never)
      return respond(c, result, fbtraceId)
    } catch (err) {
      call.failed(err)
      return errorResponse(c, err, fbtraceId)
    }
  }
  return app
}

function respond(c: Context, result: unknown, fbtraceId: string): Response {
  if (result instanceof Response) return result
  return c.json(result as object, 200, { 'x-fb-trace-id': fbtraceId })
}
