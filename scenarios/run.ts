#!/usr/bin/env node
/**
 * `npm run scenarios [-- <name or pattern> …]`: runs every scenario (or those whose file name or title matches a
 * pattern; `*` is a wildcard), four at a time, each on its own servers and databases. Prints one line per scenario
 * as it finishes, then a summary, writes reports/scenarios.html and exits non-zero when any failed.
 * Env: SCENARIO_CONCURRENCY (default 4), SCENARIO_REPORT (default reports/scenarios.html), SCENARIO_DIR (a folder
 * of your own compiled `*.scenario.js`, instead of the built-in ones).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { renderReport } from './report.js'
import { loadScenarios, runScenarios, type ScenarioResult } from './runner.js'

const line = (r: ScenarioResult) => `${r.ok ? '✓' : '✗'} ${r.name} (${r.ms} ms)` +
  (r.failure ? `\n    at step: ${r.failure.step}\n    ${r.failure.error.split('\n').join('\n    ')}` : '')

async function main(): Promise<number> {
  const patterns = process.argv.slice(2).filter((a) => a !== '--')
  const dir = process.env.SCENARIO_DIR ? resolve(process.env.SCENARIO_DIR) : undefined
  const list = await loadScenarios(patterns, dir)
  if (list.length === 0) {
    const all = (await loadScenarios([], dir)).map((s) => s.id).join(', ')
    console.error(`No scenario matches ${patterns.join(' ')}. Scenarios: ${all || 'none'}`)
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
