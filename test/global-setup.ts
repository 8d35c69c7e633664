/**
 * Builds `dist/` once before the test run, so CLI tests spawn the real `node dist/emulator/cli.js`. Skipped when
 * every build output is newer than every source. Type errors do not stop the run (tsc still emits; `npm run
 * typecheck` is where they fail); a build that produced no CLI does.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCE_DIRS = ['emulator', 'adapter', 'scenarios']
export const BUILT_CLI = join(ROOT, 'dist', 'emulator', 'cli.js')

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function upToDate(): boolean {
  if (!existsSync(BUILT_CLI)) return false
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestSource(join(ROOT, d))),
    statSync(join(ROOT, 'tsconfig.build.json')).mtimeMs)
  return statSync(BUILT_CLI).mtimeMs > sources
}

export default function setup(): void {
  if (upToDate()) return
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc')
  const result = spawnSync(tsc, ['-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0) {
    console.warn(`[global-setup] tsc -p tsconfig.build.json reported errors (output still emitted):\n${result.stdout}` +
      result.stderr)
  }
  if (!existsSync(BUILT_CLI)) throw new Error(`The build produced no ${BUILT_CLI}`)
}
