/**
 * What an account has allowed an app, written: grants added by Graph API Explorer and Token Generation, and the
 * whole consent taken back when the account removes the app (docs §1.6, seed "Missing OAuth Permissions").
 */
import type { World } from '../world/world.js'

/** Adds grants to what the account already allowed the app (Explorer, Token Generation). */
export function grant(world: World, appId: string, accountId: string, scopes: string[], pageIds: string[]): void {
  const c = world.consents.get(appId, accountId)
  const granted = new Set([...(c?.granted ?? []), ...scopes])
  world.consents.save({
    appId, accountId, granted: [...granted], declined: (c?.declined ?? []).filter((s) => !granted.has(s)),
    pageIds: [...new Set([...(c?.pageIds ?? []), ...pageIds])],
  })
}

/**
 * The account removes the app (Business Integrations, or `DELETE /me/permissions`): every choice is forgotten and
 * every token the account holds for the app dies (190/458). The next dialog asks afresh.
 */
export function removeApp(world: World, appId: string, accountId: string): void {
  world.tx(() => {
    world.consents.remove(appId, accountId)
    world.tokens.revokeFor(appId, accountId)
  })
}
