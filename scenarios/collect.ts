/**
 * At the end of a run (passed or failed), what the report shows besides the steps: the timeline merged from the four
 * logs (the adapter API calls and the Facebook-side actions recorded live, the emulator's request journal and
 * delivery log, the business receiver's log) and every thread as its person saw it.
 */
import type { DeliveryView, RequestView } from '../emulator/control/types.js'
import { show } from './match.js'
import type { Scene } from './scene.js'
import type { ThreadRecord } from './timeline.js'
import { hasAdapter, type FacebookStack } from './stack.js'

export interface DashboardLink { label: string; href: string }

const REPORTED = 1000

export async function collect(scene: Scene): Promise<ThreadRecord[]> {
  const { recorder, stack } = scene
  // The newest thousand of each: a report stays readable, and a long story stays under the log's listing cap.
  const [requests, deliveries] = await Promise.all([
    stack.emulator.client.requests({ limit: REPORTED }).then((r) => r.data.reverse()),
    stack.emulator.client.deliveries({ limit: REPORTED }).then((d) => d.data),
  ])
  for (const r of requests) recorder.add(graphEntry(scene, r))
  for (const d of deliveries) deliveryEntries(scene, d)
  for (const w of hasAdapter(stack) ? stack.receiver.posts : []) {
    const body = w.body as { trigger?: string; events?: { type: string }[] }
    const legacy = w.path.endsWith('/v1.1')
    recorder.add({
      at: w.at, from: 'adapter', to: 'business', ok: true, detail: w.body,
      title: legacy ? `v1.1 webhook ${body.trigger}` : `webhook ${(body.events ?? []).map((e) => e.type).join(', ')}`,
    })
  }
  const threads: ThreadRecord[] = []
  for (const { personId, pageId } of scene.threads.values()) {
    const view = await stack.emulator.client.thread(personId, pageId).catch(() => undefined)
    if (!view) continue
    const person = scene.world.people.find((p) => p.id === personId)
    const page = scene.world.pages.find((p) => p.id === pageId)
    threads.push({ person: person ? `${person.firstName} ${person.lastName}` : personId, page: page?.name ?? pageId, view })
  }
  return threads
}

function graphEntry(scene: Scene, r: RequestView) {
  const why = r.error ? `: ${(r.error as { message?: string }).message ?? ''}${r.reason ? ` (${r.reason})` : ''}` : ''
  return {
    at: scene.recorder.wallTime(r.at),
    // On a Messenger bot's stage the bot is the business, and there is no adapter.
    from: scene.businessTraces.has(r.fbtraceId) || !hasAdapter(scene.stack) ? 'business' as const : 'adapter' as const,
    to: 'facebook' as const,
    // The subscription calls a Messenger bot's stage made for the bot, as its developer would have.
    ...(scene.stack.setupTraces?.has(r.fbtraceId) ? { actor: 'stage setup' } : {}),
    title: `${r.method} ${r.path} → ${r.status}${why}`,
    ok: r.status < 400,
    detail: { params: r.params, ...(r.error ? { error: r.error } : {}), fbtraceId: r.fbtraceId },
    ...(r.warnings.length ? { warnings: r.warnings.map(({ code, message }) => ({ code, message })) } : {}),
  }
}

function deliveryEntries(scene: Scene, d: DeliveryView): void {
  const events = d.body.entry.flatMap((e) => (e as { messaging?: unknown[] }).messaging ?? [])
  const summary = `webhook ${d.field}${events.length > 1 ? ` ×${events.length}` : ''}`
  const toAdapter = hasAdapter(scene.stack) && (d.callbackUrl?.startsWith(scene.stack.adapter.url) ?? true)
  const target = toAdapter ? 'adapter' as const : 'business' as const
  if (d.attempts.length === 0) {
    scene.recorder.add({ at: scene.recorder.wallTime(d.createdAt), from: 'facebook', to: target, ok: d.status !== 'failed',
      title: `${summary} (${d.status}, not attempted)`, detail: d.body })
  }
  for (const a of d.attempts) {
    scene.recorder.add({
      at: scene.recorder.wallTime(a.at), from: 'facebook', to: target, ok: a.httpStatus === 200,
      title: `${summary} → ${a.httpStatus ?? a.error}${a.n > 1 ? ` (attempt ${a.n})` : ''}`,
      detail: { body: d.body, ...(a.error ? { error: a.error } : {}), signature: show(d.headers['x-hub-signature-256'] ?? '') },
    })
  }
}

/**
 * The adapter dashboard's pages about this run: each Messenger integration's status page, the conversations and the
 * webhook log. They answer while the run's stack is up (the report says so); their paths name what to look at. A
 * Messenger bot's stage has no adapter, so no links.
 */
export function dashboardLinks(stack: FacebookStack): DashboardLink[] {
  if (!hasAdapter(stack)) return []
  const { adapter } = stack
  const base = `${adapter.dashboardUrl}/apps/${adapter.appId}`
  return [
    ...adapter.store.integrations.list(adapter.appId).flatMap((i) => i.type === 'messenger'
      ? [{ label: `Integration ${i.config.pageName} (${i.status})`, href: `${base}/integrations/${i.id}` }] : []),
    { label: 'Conversations', href: `${base}/conversations` },
    { label: 'Webhooks', href: `${base}/webhooks` },
  ]
}
