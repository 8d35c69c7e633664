/** The typed Hono environment of the Conversations API routes (STYLE §7.4). */
import type { AppRow } from '../store/apps.js'

import type { Principal } from '../runtime/api-keys.js'

export type { Principal }

export interface ApiEnv {
  Variables: {
    principal: Principal
    /** The app named in the path, after the credentials were checked against it. */
    app: AppRow
  }
}
