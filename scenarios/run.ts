#!/usr/bin/env node
/**
 * `messenger-emulator scenarios [files or folders…] [names or patterns…]` (and `npm run scenarios`): runs the
 * `*.scenario.ts` / `*.scenario.js` files named, or under the folders named (`.ts` compiled by esbuild on the way),
 * or the built-in scenarios when none is named; of those, only the ones whose file name or title matches a pattern
 * when one is given (`*` is a wildcard). Four at a time, each on its own servers and databases. Prints one line per
 * scenario as it finishes, then a summary, writes reports/scenarios.html; exit status 0 when all passed, 1 when one
 * failed, 2 when none matched.
 * Env: SCENARIO_CONCURRENCY (default 4), SCENARIO_REPORT (default reports/scenarios.html), SCENARIO_DIR (a folder
 * of scenarios, as if named first).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { renderReport } from './report.js'
import { loadScenarioFiles, loadScenarios, runScenarios, type ScenarioResult } from './runner.js'
import { scenarioPaths } from './scenario-files.js'

const USAGE = `Usage: messenger-emulator scenarios [files or folders…] [names or patterns…]
  Runs *.scenario.ts and *.scenario.js files (or the built-in scenarios when none is named), 4 at a time,
  and writes reports/scenarios.html. Env: SCENARIO_CONCURRENCY, SCENARIO_REPORT, SCENARIO_DIR.`

const line = (r: ScenarioResult) => `${r.ok ? '✓' : '✗'} ${r.name} (${r.ms} ms)` +
  (r.failure ? `\n    at step: ${r.failure.step}\n    ${r.failure.error.split('\n').join('\n    ')}` : '')

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  const named = process.env.SCENARIO_DIR ? [process.env.SCENARIO_DIR, ...args] : args
  const { files, patterns } = scenarioPaths(named)
  // Files or folders named: theirs; none: the built-in ones.
  const load = named.length > patterns.length ? (p: string[]) => loadScenarioFiles(files, p) : loadScenarios
  const list = await load(patterns)
  if (list.length === 0) {
    const all = (await load([])).map((s) => s.id).join(', ')
    console.error(`No scenario matches ${patterns.join(' ') || 'in ' + named.join(' ')}. Scenarios: ${all || 'none'}`)
    return 2
  }
  const concurrency = Number(process.env.SCENARIO_CONCURRENCY ?? 4)
  console.log(`Running ${list.length} scenario${list.length === 1 ? '' : 's'}, ${concurrency} at a time`)
  const startedAt = new Date()
  const t0 = performance.now()
  const results = await runScenarios(list, { concurrency, onResult: (r) => console.log(line(r)) })
  const wallMs = Math.round(performance.now() - t0)
  const failed = results.filter((r) => !r.ok)
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed in ${wallMs} ms` +
    ` (scenario time ${results.reduce((s, r) => s + r.ms, 0)} ms)`)
  for (const r of failed) console.log(`  ✗ ${r.name}: ${r.failure?.step}`)
  const report = resolve(process.env.SCENARIO_REPORT ?? 'reports/scenarios.html')
  await mkdir(dirname(report), { recursive: true })
  await writeFile(report, renderReport(results, { startedAt, wallMs }))
  console.log(`Report: ${report}`)
  return failed.length ? 1 : 0
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err)
  process.exit(2)
})
