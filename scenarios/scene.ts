/**
 * What the parties of one scenario share: the running stack, the recorder, the world with its ids, and who acted last.
 * Also where the business's own Graph calls go out (the `/me/accounts` of the seed's integration flow, the OAuth code
 * exchange): their `x-fb-trace-id`s are kept so the report shows them as the business's, not the adapter's.
 */
import type { CompleteWorldDocument, WorldDocument } from '../emulator/control/types.js'
import type { FacebookStack } from './stack.js'
import type { Recorder } from './timeline.js'
import type { Person } from './person.js'

type Doc<K extends keyof CompleteWorldDocument> = CompleteWorldDocument[K][number]

export interface GraphAnswer<T = any> {
  status: number
  body: T
}

export class Scene<S extends FacebookStack = FacebookStack> {
  /** The person who acted last: the business answers them unless told otherwise. */
  lastPerson: Person | undefined
  /** fbtrace ids of the Graph calls the business made itself. */
  readonly businessTraces = new Set<string>()
  /** How long an expectation (`sees`, `expectWebhook`, `expectRequest`) waits before it fails. */
  waitMs = 5_000
  /** Every (person, page) pair that has a thread, for the report. */
  readonly threads = new Map<string, { personId: string; pageId: string }>()

  constructor(readonly stack: S, readonly recorder: Recorder, public world: CompleteWorldDocument) {}

  get client() {
    return this.stack.emulator.client
  }

  get step() {
    return this.recorder.step.bind(this.recorder)
  }

  private find<K extends keyof CompleteWorldDocument>(kind: K, what: string, name: string | undefined,
    named: (d: Doc<K>) => string): Doc<K> {
    const list = this.world[kind] as Doc<K>[]
    const found = name === undefined ? list[0] : list.find((d) => named(d) === name || d.id === name)
    if (!found) {
      throw new Error(`The world has no ${what}${name ? ` "${name}"` : ''}; it has: ${list.map(named).join(', ') || 'none'}`)
    }
    return found
  }

  app(name?: string) {
    return this.find('apps', 'app', name, (a) => a.name) as Doc<'apps'> & { id: string; secret: string }
  }

  page(name?: string) {
    return this.find('pages', 'page', name, (p) => p.name) as Doc<'pages'> & { id: string }
  }

  account(name?: string) {
    return this.find('accounts', 'account', name, (a) => a.name) as Doc<'accounts'> & { id: string }
  }

  personDoc(firstName: string) {
    return this.find('people', 'person', firstName, (p) => p.firstName) as Doc<'people'> & { id: string }
  }

  /** Adds to the world (as `POST /_emulator/world`) and remembers the ids given. */
  async addWorld(doc: WorldDocument): Promise<CompleteWorldDocument> {
    const added = await this.client.addWorld(doc)
    this.world = {
      apps: [...this.world.apps, ...added.apps], accounts: [...this.world.accounts, ...added.accounts],
      pages: [...this.world.pages, ...added.pages], people: [...this.world.people, ...added.people],
    }
    return added
  }

  /** Something a person, page owner or developer did on Facebook, for the timeline. */
  onFacebook(actor: string, title: string, ok = true, detail?: unknown, at = Date.now()): void {
    this.recorder.add({ at, from: 'facebook', to: 'facebook', actor, title, ok, detail })
  }

  /** A Graph call the business's own server makes (never the adapter's). */
  async graph<T = any>(method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, string>): Promise<GraphAnswer<T>> {
    const query = new URLSearchParams(params)
    const url = `${this.stack.emulator.url}/v21.0${path}${method === 'GET' || method === 'DELETE' ? `?${query}` : ''}`
    const res = await fetch(url, { method, ...(method === 'POST' ? { body: query } : {}) })
    const trace = res.headers.get('x-fb-trace-id')
    if (trace) this.businessTraces.add(trace)
    return { status: res.status, body: await res.json() as T }
  }
}
