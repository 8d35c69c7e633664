/**
 * Every fault switch of the registry (emulator/messenger/faults.ts), for every app, page and person it may be set on:
 * a checkbox per on/off switch and a number field for latency. Saving replaces the target's switches, exactly as
 * `PUT /_emulator/{apps|pages|people}/{id}/faults` does; an invalid value comes back as that endpoint's error.
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import type { ControlClient } from '../../control/client.js'
import type { FaultScope, FaultSwitchInfo, FaultSwitches, FaultsView } from '../../control/types.js'
import { FAULT_SWITCHES, type FaultSwitchName } from '../../facebook/faults.js'
import { act, backPath, readForm, type Form } from './actions.js'
import { Back, Layout, Named, flashOf, render } from './layout.js'
import { ShowMore, shownOf } from './more.js'

const PATH = '/dashboard/faults'
const SCOPES: { scope: FaultScope; title: string }[] = [
  { scope: 'app', title: 'Apps' }, { scope: 'page', title: 'Pages' }, { scope: 'person', title: 'People' },
]

const isNumeric = (name: FaultSwitchName) => FAULT_SWITCHES[name].schema.type === 'number'

/** The switches a saved form sets: ticked boxes, and numbers that are filled in (validated by the control API). */
export function switchesFromForm(available: FaultSwitchName[], form: Form): FaultSwitches {
  const out: Record<string, unknown> = {}
  for (const name of available) {
    const v = form[name]
    if (v === undefined || v === '') continue
    out[name] = isNumeric(name) ? Number(v) : v === 'true'
  }
  return out as FaultSwitches
}

const Target: FC<{ view: FaultsView; name: string; info: Map<string, FaultSwitchInfo> }> = ({ view, name, info }) => {
  const key = `${view.scope}-${view.id}`
  return (
    <form method="post" action={`${PATH}/${view.scope}/${view.id}`} class="card" aria-labelledby={`faults-${key}`}
      data-target={key}>
      <Back to={PATH} />
      <h3 id={`faults-${key}`}><Named name={name} id={view.id} /></h3>
      {view.available.map((n) => {
        const id = `fault-${key}-${n}`
        const value = view.faults[n]
        return (
          <div class="row">
            {isNumeric(n) ? (
              <>
                <label for={id}>{n}</label>
                <input type="number" id={id} name={n} min="0" step="1" value={value === undefined ? '' : String(value)} />
              </>
            ) : (
              <>
                <input type="checkbox" id={id} name={n} value="true" checked={value === true} />
                <label for={id}>{n}</label>
              </>
            )}
            <span class="muted">{info.get(n)?.description}</span>
          </div>
        )
      })}
      <button type="submit" class="primary" id={`save-faults-${key}`}>Save</button>
    </form>
  )
}

export function faultsRoutes(client: ControlClient): Hono {
  const app = new Hono()

  app.get(PATH, async (c) => {
    const [world, registry] = await Promise.all([client.exportWorld(), client.faultSwitches()])
    const info = new Map(registry.data.map((s) => [s.name, s]))
    const targets: Record<FaultScope, { id: string; name: string }[]> = {
      app: world.apps.map((a) => ({ id: a.id!, name: a.name })),
      page: world.pages.map((p) => ({ id: p.id!, name: p.name })),
      person: world.people.map((p) => ({ id: p.id!, name: `${p.firstName} ${p.lastName}` })),
    }
    // Each scope lists its first `shown` targets: one form (and one control call) per target.
    const shown = shownOf(c)
    const views = await Promise.all(SCOPES.map(({ scope }) => Promise.all(targets[scope].slice(0, shown)
      .map(async (t) => ({ name: t.name, view: await client.faults(scope, t.id) })))))
    return render(c, (
      <Layout title="Faults" active={PATH} flash={flashOf(c)}>
        <p>Named failures, switched on per app, page or person. Saving replaces the switches of that target.</p>
        {SCOPES.map(({ scope, title }, i) => (
          <section aria-label={title}>
            <h2>{title}</h2>
            {views[i]!.length === 0 && <p class="muted">None in this world.</p>}
            {views[i]!.map((t) => <Target view={t.view} name={t.name} info={info} />)}
            <ShowMore c={c} shown={shown} total={targets[scope].length} id={`more-${scope}`} />
          </section>
        ))}
      </Layout>
    ))
  })

  app.post(`${PATH}/:scope{app|page|person}/:id`, async (c) => {
    const scope = c.req.param('scope') as FaultScope
    const id = c.req.param('id')
    const { form } = await readForm(c)
    return act(c, backPath(form.back, PATH), 'Fault switches saved', async () => {
      const { available } = await client.faults(scope, id)
      return client.setFaults(scope, id, switchesFromForm(available, form))
    })
  })
  return app
}
