/**
 * Finds and runs scenarios. Each run is isolated (its own emulator, adapter, receiver and in-memory databases), runs
 * may go in parallel (a small concurrency), and each answers a result with its steps, the failure (the step's text and
 * the error), the timeline of the three parties and the threads as people saw them. Used by `npm run scenarios`
 * (run.ts) and by vitest (test/scenarios.test.ts).
 */
import { readdir } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { collect, dashboardLinks, type DashboardLink } from './collect.js'
import { importScenario, scenarioId } from './scenario-files.js'
import { Recorder, StepFailure, type StepRecord, type ThreadRecord, type TimelineEntry } from './timeline.js'
import {
  openStage, type Cast, type MessengerBotCast, type MessengerBotStageOptions, type Scenario, type ScenarioContext,
  type StageOptions,
} from './vocabulary.js'

export interface LoadedScenario extends Scenario {
  /** The file's name without `.scenario.ts`, e.g. `password-reset`. */
  id: string
}

export interface ScenarioResult {
  id: string
  name: string
  ok: boolean
  ms: number
  steps: StepRecord[]
  /** The failing step's text (or "setup"), and the error. */
  failure?: { step: string; error: string }
  timeline: TimelineEntry[]
  threads: ThreadRecord[]
  /** The adapter dashboard's pages of this run (its integrations' status, conversations, webhooks), as they were. */
  dashboard: DashboardLink[]
}

const HERE = dirname(fileURLToPath(import.meta.url))
/** `.ts` under vitest, `.js` once compiled to dist/scenarios. */
const SUFFIX = `.scenario${extname(fileURLToPath(import.meta.url))}`

/** Every `*.scenario.{ts,js}` beside this file, or those whose id or name contains one of `patterns` (`*` wildcards). */
export async function loadScenarios(patterns: string[] = [], dir = HERE): Promise<LoadedScenario[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(SUFFIX)).sort()
  const loaded: LoadedScenario[] = []
  for (const file of files) {
    // The built-in ones are imported as they are: compiled in dist/, or transformed by vitest.
    const mod = await import(pathToFileURL(join(dir, file)).href) as { default?: Scenario }
    if (!mod.default?.run) throw new Error(`${file} has no default export made with scenario(name, run)`)
    loaded.push({ ...mod.default, id: basename(file, SUFFIX) })
  }
  return matching(loaded, patterns)
}

/** The scenarios of these files (`.ts` ones compiled by esbuild), or those matching one of `patterns`. */
export async function loadScenarioFiles(files: string[], patterns: string[] = []): Promise<LoadedScenario[]> {
  const loaded: LoadedScenario[] = []
  for (const file of files) loaded.push({ ...await importScenario(file), id: scenarioId(file) })
  return matching(loaded, patterns)
}

function matching(loaded: LoadedScenario[], patterns: string[]): LoadedScenario[] {
  if (patterns.length === 0) return loaded
  const tests = patterns.map((p) => new RegExp(p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*'), 'i'))
  return loaded.filter((s) => tests.some((t) => t.test(s.id) || t.test(s.name)))
}

export async function runScenario(s: LoadedScenario): Promise<ScenarioResult> {
  const recorder = new Recorder()
  const t0 = performance.now()
  let cast: Cast | MessengerBotCast | undefined
  let failure: ScenarioResult['failure']
  try {
    const stage = async (options?: StageOptions | MessengerBotStageOptions) => {
      if (cast) throw new Error('stage() is called once per scenario')
      cast = await openStage(recorder, options)
      return cast
    }
    await s.run({ stage: stage as ScenarioContext['stage'] })
  } catch (err) {
    failure = err instanceof StepFailure
      ? { step: err.step, error: err.cause instanceof Error ? err.cause.message : String(err.cause) }
      : { step: recorder.steps.length ? 'between steps' : 'setup', error: err instanceof Error ? err.stack ?? err.message : String(err) }
  }
  let threads: ThreadRecord[] = []
  let dashboard: DashboardLink[] = []
  if (cast) {
    dashboard = dashboardLinks(cast.scene.stack)
    threads = await collect(cast.scene).catch((err: unknown) => {
      recorder.add({ at: Date.now(), from: 'facebook', to: 'facebook', ok: false, title: `collecting the logs failed: ${String(err)}` })
      return []
    })
    await cast.scene.stack.close()
  }
  return {
    id: s.id, name: s.name, ok: !failure, ms: Math.round(performance.now() - t0), steps: recorder.steps,
    ...(failure ? { failure } : {}), timeline: recorder.sorted(), threads, dashboard,
  }
}

/** Runs scenarios `concurrency` at a time; `onResult` hears each as it finishes. Results keep the input order. */
export async function runScenarios(list: LoadedScenario[], options: { concurrency?: number; onResult?: (r: ScenarioResult) => void } = {}):
  Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array(list.length)
  let next = 0
  const worker = async () => {
    while (next < list.length) {
      const i = next++
      results[i] = await runScenario(list[i]!)
      options.onResult?.(results[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, list.length)) }, worker))
  return results
}
