/** The typed Hono environment of the Conversations API routes (STYLE §7.4). */
import type { AppRow } from '../store/apps.js'

export interface ApiEnv {
  Variables: {
    /** The app named in the path, after the API key was checked against it. */
    app: AppRow
  }
}
