/**
 * The README's "Using the official client" examples, run as written: each ```js block of that section is executed by
 * node (as an ES module, from the repository, so `sunshine-conversations-client` and `jose` resolve) against an
 * adapter with the README's own app and key, and what it prints must be what the `// …` comments after its
 * `console.log` calls say.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter } from './helpers.js'

const run = promisify(execFile)
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const section = README.split('### Using the official client')[1]!.split(/\n#{2,3} /)[0]!
const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!)

let a: RunningAdapter
beforeAll(async () => {
  // The credentials of the README's "Start" command, which the examples default to.
  a = await adapter({ appId: 'demoapp00000000000000000', keyId: 'app_demo', keySecret: 'demo-secret-demo-secret-demo-secret-00' })
})
afterAll(async () => { await a.close() })

test('the section has its examples', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(2)
})

test.each(blocks.map((code, i) => [i + 1, code] as const))('example %i runs and prints what its comments say', async (_, code) => {
  const expected = [...code.matchAll(/console\.log\(.*\)\s*\/\/ (.*)$/gm)].map((m) => m[1]!)
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    cwd: new URL('../..', import.meta.url), env: { ...process.env, ADAPTER_URL: a.url }, timeout: 20_000,
  })
  expect(stdout.trim().split('\n')).toEqual(expected)
})
