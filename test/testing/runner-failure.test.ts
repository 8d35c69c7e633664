/**
 * How a stage lives in vitest, seen from outside: a test file of its own run by vitest in a child process, whose test
 * fails on a plain `expect` (not a step of the stage). Its output must show the stage's timeline, and the run must
 * end (the stage closed itself: no server keeps it open).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../support/built-cli.js'

let dir: string

beforeAll(() => {
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true })
  dir = mkdtempSync(join(ROOT, 'test-artifacts', 'runner-failure-'))
  // A config of its own, so that the repository's (its global setup, its include) is not looked for.
  writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } }\n")
  writeFileSync(join(dir, 'failing.test.ts'), `
    import { expect, test } from 'vitest'
    import { stage } from '../../scenarios/testing.js'

    test('fails on a plain expect', async () => {
      const { person } = await stage()
      await person('Sam').says('Hi')
      expect('what the bot said').toBe('something else')
    })
  `)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('a test failing on a plain expect prints the timeline, and the stage closes', { timeout: 60_000 }, async () => {
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs')
  const failed = await promisify(execFile)(process.execPath, [vitest, 'run', '--root', dir],
    { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: 50_000 }).then(() => undefined, (err: unknown) => err)
  const { code, stdout, stderr } = failed as { code: number; stdout: string; stderr: string }
  expect(code, stdout + stderr).toBe(1)
  expect(stdout + stderr).toContain("expected 'what the bot said' to be 'something else'")
  expect(stderr).toContain('Timeline (ms since the stage opened; ✗ failed):')
  expect(stderr).toMatch(/▸ Sam says "Hi"/)
  expect(stderr).toMatch(/Facebook: Sam says "Hi"/)
})
