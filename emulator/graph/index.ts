/** Every Graph area's routes, in one list: the Graph app serves exactly these. */
import type { GraphRoute } from './router.js'
import { oauthRoutes } from './oauth.js'
import { accountRoutes } from './accounts.js'
import { userNodeRoutes } from './user-node.js'
import { debugTokenRoutes } from './debug-token.js'
import { messengerProfileRoutes } from './messenger-profile.js'
import { userProfileRoutes } from './user-profile.js'
import { sendRoutes } from './send.js'
import { attachmentRoutes } from './attachments.js'
import { subscriptionRoutes } from './subscriptions.js'
import { subscribedAppsRoutes } from './subscribed-apps.js'
import { handoverRoutes } from './handover.js'
import { personaRoutes } from './personas.js'

export const GRAPH_ROUTES: GraphRoute[] = [
  ...oauthRoutes,
  ...debugTokenRoutes,
  ...userNodeRoutes,
  ...accountRoutes,
  ...messengerProfileRoutes,
  ...userProfileRoutes,
  ...sendRoutes,
  ...attachmentRoutes,
  ...subscriptionRoutes,
  ...subscribedAppsRoutes,
  ...handoverRoutes,
  ...personaRoutes,
]
