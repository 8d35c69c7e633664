/**
 * Features an app was approved for in App Review. The Send API asks it before accepting the HUMAN_AGENT tag
 * (docs §1.8, §8: "requires the Human Agent permission/feature approved via App Review").
 */
import type { Store } from './store.js'

export const APP_FEATURES = ['human_agent'] as const
export type AppFeature = (typeof APP_FEATURES)[number]

export class AppFeatures {
  constructor(private readonly store: Store, private readonly now: () => number) {}

  /** Cached (read-cache.ts): every Send API message asks it. */
  approved(appId: string, feature: AppFeature): boolean {
    return this.store.cache.get(`app-feature:${appId}:${feature}`, () =>
      this.store.stmt('SELECT 1 FROM app_features WHERE app_id = ? AND feature = ?').get(appId, feature) !== undefined)
  }

  list(appId: string): AppFeature[] {
    return (this.store.stmt('SELECT feature FROM app_features WHERE app_id = ? ORDER BY feature').all(appId) as
      { feature: AppFeature }[]).map((r) => r.feature)
  }

  set(appId: string, feature: AppFeature, approved: boolean): void {
    if (approved) {
      this.store.stmt('INSERT OR IGNORE INTO app_features (app_id, feature, approved_at) VALUES (?, ?, ?)')
        .run(appId, feature, this.now())
    } else {
      this.store.stmt('DELETE FROM app_features WHERE app_id = ? AND feature = ?').run(appId, feature)
    }
  }
}
