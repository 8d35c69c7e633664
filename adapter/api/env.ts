/** The typed Hono environment of the Conversations API routes (STYLE §7.4). */
import type { AppRow } from '../store/apps.js'

/** Who the credentials say is calling: an app's key reaches that app, the account's key every app (§1.2). */
export type Principal =
  | { scope: 'app'; keyId: string; appId: string }
  | { scope: 'account'; keyId: string }
  /**
   * v1.1 only: a JWT signed with an app key for one end user, `{ scope: "appUser", userId }` (conversations-api.md
   * §1.4, §18); it reaches that user's own appUser and messages.
   */
  | { scope: 'appUser'; keyId: string; appId: string; userId: string }

export interface ApiEnv {
  Variables: {
    principal: Principal
    /** The app named in the path, after the credentials were checked against it. */
    app: AppRow
  }
}
