/** Graph's CORS answer, which is what lets a web page's FB.api (ui/sdk.ts) call it. */
import { cors } from 'hono/cors'

/**
 * graph.facebook.com answers any origin (`Access-Control-Allow-Origin: *`, unverified against a doc page; seen on
 * live responses), which is how FB.api reaches it from a web page. Only Graph is given this header, no credentials.
 */
// X-Emulator-Warning is the emulator's own (graph/app.ts): a web page's FB.api sees the warnings too.
const GRAPH_EXPOSED_HEADERS = ['x-fb-trace-id', 'www-authenticate', 'x-emulator-warning']
export const graphCors = cors({ origin: '*', allowMethods: ['GET', 'POST', 'DELETE'], exposeHeaders: GRAPH_EXPOSED_HEADERS })

/**
 * What graphCors puts on every answer that is not a preflight, as plain headers: the Graph pipeline writes them with
 * its own (graph/app.ts), where running hono's cors on the finished answer rebuilt its headers, ~6% of a Send API
 * call's CPU (`npm run bench send-api`).
 */
export const GRAPH_CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*', 'access-control-expose-headers': GRAPH_EXPOSED_HEADERS.join(','),
}
