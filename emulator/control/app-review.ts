/**
 * App Review, as the app dashboard shows it: which features an app is approved for. The Send API accepts the
 * HUMAN_AGENT tag only from an approved app (docs §8: otherwise 100/2018276).
 */
import { Hono } from 'hono'
import * as z from 'zod'
import type { World } from '../world/world.js'
import { APP_FEATURES } from '../world/app-features.js'
import { controlErrorResponse, notFound } from './errors.js'
import type { AppReviewState } from './types.js'

const FeatureBody = z.object({ feature: z.enum(APP_FEATURES), approved: z.boolean() }).strict()

export function createAppReviewApp(world: World): Hono {
  const app = new Hono()
  app.onError(controlErrorResponse)

  const state = (appId: string): AppReviewState => ({ appId, approvedFeatures: world.appFeatures.list(appId) })

  app.get('/apps/:appId/app-review', (c) => {
    const appId = c.req.param('appId')
    if (!world.apps.get(appId)) throw notFound('app', appId)
    return c.json(state(appId))
  })

  app.post('/apps/:appId/app-review', async (c) => {
    const appId = c.req.param('appId')
    const { feature, approved } = FeatureBody.parse(await c.req.json())
    if (!world.apps.get(appId)) throw notFound('app', appId)
    world.appFeatures.set(appId, feature, approved)
    return c.json(state(appId))
  })
  return app
}
