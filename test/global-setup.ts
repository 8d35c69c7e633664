/**
 * Once per test run, before any test:
 * - builds `dist/` (`npm run build`: tsc, then the CLI bundled by esbuild), so CLI tests spawn the real
 *   `node dist/emulator/cli.js` users run. Skipped when every build output is newer than every source. Type errors do
 *   not stop the run (tsc still emits, unbundled; `npm run typecheck` is where they fail); a build that produced no
 *   CLI does.
 * - finds the Chromium of the browser tests, or installs one (support/chromium.ts), when the run includes them, and
 *   hands it to them as `inject('chromium')`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { ensureChromium, thisMachine, type ChromiumLookup } from './support/chromium.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCE_DIRS = ['lib', 'emulator', 'adapter', 'scenarios']
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
    ...['tsconfig.build.json', 'package.json'].map((f) => statSync(join(ROOT, f)).mtimeMs))
  return statSync(BUILT_CLI).mtimeMs > sources
}

function build(): void {
  if (upToDate()) return
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' })
  if (result.status !== 0) {
    console.warn(`[global-setup] npm run build reported errors (tsc's output still emitted):\n${result.stdout}` +
      result.stderr)
  }
  if (!existsSync(BUILT_CLI)) throw new Error(`The build produced no ${BUILT_CLI}`)
}

/**
 * The browser tests' Chromium, looked for (and installed) only when this run includes one of them: `npx vitest run
 * test/emulator` should not wait a minute for apt-get. The command line's file filters are not public in vitest 4;
 * `filenamePattern` is where `vitest run <filters>` keeps them (without it, every test file counts).
 */
async function chromiumForRun(project: TestProject): Promise<ChromiumLookup> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern
  const { testFiles } = await project.globTestFiles(filters)
  if (!testFiles.some((file) => /[\\/]test[\\/]browser[\\/]/.test(file))) return { problem: 'No browser test in this run' }
  const artifacts = join(ROOT, 'test-artifacts')
  mkdirSync(artifacts, { recursive: true })
  return ensureChromium(thisMachine(join(artifacts, 'chromium-install.log')))
}

export default async function setup(project: TestProject): Promise<void> {
  build()
  project.provide('chromium', await chromiumForRun(project))
}
