/** The wall time of `npm run scenarios` (every scenario of scenarios/), when the package defines that script. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib/processes.js'

export async function scenariosBench(): Promise<number | undefined> {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts
  if (!scripts.scenarios) {
    console.log('\nnpm run scenarios: no such script in package.json yet')
    return undefined
  }
  const t0 = performance.now()
  const run = spawnSync('npm', ['run', 'scenarios'], { cwd: ROOT, encoding: 'utf8' })
  const seconds = (performance.now() - t0) / 1000
  console.log(`\nnpm run scenarios: ${seconds.toFixed(1)} s wall time, exit status ${run.status}`)
  return seconds
}
