/**
 * Fault switches through the control API (DESIGN principle 4): `GET /_emulator/faults` lists the registry;
 * `GET|PUT /_emulator/{apps|pages|people}/{id}/faults` read and replace the switches of one app, page or person.
 * A PUT is validated against emulator/facebook/faults.ts: an unknown switch is a 400 naming the known ones.
 */
import { Hono, type Context } from 'hono'
import type { World } from '../world/world.js'
import {
  FAULT_SWITCH_NAMES, FAULT_SWITCHES, faultSwitchesSchema, switchesAt, type FaultScope,
} from '../facebook/faults.js'
import { notFound } from './errors.js'
import type { FaultSwitchInfo, FaultsView } from './types.js'

const PATHS: Record<string, FaultScope> = { apps: 'app', pages: 'page', people: 'person' }

function view(world: World, scope: FaultScope, id: string): FaultsView {
  return { scope, id, faults: world.faultSwitches.read(scope, id), available: switchesAt(scope) }
}

export function createFaultsControlApp(world: World): Hono {
  const app = new Hono()

  app.get('/faults', (c) => c.json<{ data: FaultSwitchInfo[] }>({
    data: FAULT_SWITCH_NAMES.map((name) => ({
      name, scopes: [...FAULT_SWITCHES[name].scopes], description: FAULT_SWITCHES[name].description,
    })),
  }))

  for (const [segment, scope] of Object.entries(PATHS)) {
    const target = (c: Context) => {
      const id = c.req.param('id')!
      if (!world.faultSwitches.exists(scope, id)) throw notFound(scope, id)
      return id
    }
    app.get(`/${segment}/:id/faults`, (c) => c.json(view(world, scope, target(c))))
    app.put(`/${segment}/:id/faults`, async (c) => {
      const id = target(c)
      const switches = faultSwitchesSchema(scope).parse(await c.req.json())
      world.faultSwitches.set(scope, id, switches)
      return c.json(view(world, scope, id))
    })
  }
  return app
}
