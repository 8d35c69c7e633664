/**
 * The example projects of examples/ stand on their own: each, copied without this repository around it, gets its own
 * dependencies and the packed package installed (as `npm install` would give a team that cloned it), and its own
 * tests pass with its own test command: vitest for the Messenger bot, jest for the Sunshine business. One pack and
 * one install serve both (support/packed-package.ts).
 */
import { afterAll, beforeAll, test } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './support/built-cli.js'
import { installExamples, packPackage } from './support/packed-package.js'

const run = promisify(execFile)
const EXAMPLES = ['messenger-bot', 'sunshine-bot'] as const

let packDir: string
let installed: { dirs: string[]; remove(): void } | undefined

beforeAll(async () => {
  packDir = mkdtempSync(join(tmpdir(), 'pack-'))
  installed = await installExamples(await packPackage(packDir), EXAMPLES.map((name) => join(ROOT, 'examples', name)))
}, 180_000)

afterAll(() => {
  installed?.remove()
  if (packDir) rmSync(packDir, { recursive: true, force: true })
})

/** `npm test` in the example's copy; answers what it printed, whether it passed or not. */
async function npmTest(name: (typeof EXAMPLES)[number]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['test', '--silent'], {
      cwd: installed!.dirs[EXAMPLES.indexOf(name)]!, env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 60_000,
    })
    return { code: 0, output: stdout + stderr }
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

test.concurrent.for(EXAMPLES)("%s: its own tests pass with its own runner, against the packed package", { timeout: 90_000 },
  async (name, { expect }) => {
    const result = await npmTest(name)
    expect(result.code, result.output).toBe(0)
    // vitest's summary ("Tests  6 passed (6)") or jest's ("Tests:       5 passed, 5 total"), and nothing failed.
    expect(result.output).toMatch(/Tests:?\s+\d+ passed/)
    expect(result.output).not.toMatch(/Tests:?\s+\d+ failed/)
  })
