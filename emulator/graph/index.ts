/** Every Graph area's routes, in one list: the Graph app serves exactly these. */
import type { GraphRoute } from './router.js'
import { oauthRoutes } from './oauth.js'
import { accountRoutes } from './accounts.js'
import { debugTokenRoutes } from './debug-token.js'

export const GRAPH_ROUTES: GraphRoute[] = [
  ...oauthRoutes,
  ...debugTokenRoutes,
  ...accountRoutes,
]
