/**
 * The package stands on its own: packed as npm publishes it and installed into an empty project, it holds what a
 * user needs (and no tests, benchmarks or screenshots), `npx messenger-emulator` serves the built-in sample world, and
 * `startEmulator()` works from a plain ESM script. Nothing of this repository is reachable from there.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { installPacked, packPackage, type PackedProject } from './support/packed-package.js'

let packDir: string
let project: PackedProject
let installed: string

beforeAll(async () => {
  packDir = mkdtempSync(join(tmpdir(), 'pack-'))
  project = await installPacked(await packPackage(packDir))
  installed = join(project.dir, 'node_modules', 'messenger-emulator')
}, 120_000)

afterAll(() => {
  project?.remove()
  if (packDir) rmSync(packDir, { recursive: true, force: true })
})

/** `npx messenger-emulator args…` in the project, until its banner names the URL; stop() sends SIGTERM. */
function serveInProject(args: string[]): Promise<{ url: string; stop(): Promise<unknown> }> {
  const child = spawn('npx', ['messenger-emulator', ...args], { cwd: project.dir, detached: true })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let output = ''
  return new Promise((resolve, reject) => {
    const read = (d: Buffer) => {
      output += d.toString()
      const url = output.match(/Graph API\s+(http:\/\/127\.0\.0\.1:\d+)\/v21\.0/)?.[1]
      if (url && output.includes('Press Ctrl+C to stop.')) {
        // npx does not pass a signal on: its process group gets it, the emulator included.
        resolve({ url, stop: () => (process.kill(-child.pid!, 'SIGTERM'), exited) })
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    void exited.then((code) => reject(new Error(`npx messenger-emulator exited (${code}) before serving:\n${output}`)))
  })
}

test('it holds dist/, the README, the licence, docs/*.md and the sample world; no tests, benchmarks or screenshots', () => {
  for (const file of ['dist/emulator/cli.js', 'dist/emulator/index.js', 'dist/emulator/index.d.ts', 'dist/adapter/cli.js',
    'README.md', 'LICENSE', 'docs/emulation.md', 'docs/messenger-platform.md', 'docs/conversations-api.md',
    'examples/world.json', 'examples/webhook-receiver.mjs']) expect(existsSync(join(installed, file)), file).toBe(true)
  for (const absent of ['dist/bench', 'dist/test', 'test', 'bench', 'docs/screenshots', 'emulator', 'scenarios']) {
    expect(existsSync(join(installed, absent)), absent).toBe(false)
  }
  expect(readdirSync(join(installed, 'docs')).every((f) => f.endsWith('.md'))).toBe(true)
})

test('npx messenger-emulator --seed sample serves the sample world, and stops on SIGTERM', async () => {
  const emulator = await serveInProject(['--port', '0', '--db', ':memory:', '--seed', 'sample'])
  try {
    expect(await (await fetch(`${emulator.url}/_emulator/health`)).json()).toEqual({ status: 'ok' })
    const world = await (await fetch(`${emulator.url}/_emulator/world`)).json() as { apps: { id: string }[] }
    expect(world.apps.map((a) => a.id)).toEqual(['1234567890123456'])
  } finally {
    await emulator.stop()
  }
  await expect.poll(() => fetch(`${emulator.url}/_emulator/health`).then(() => 'serving', () => 'stopped')).toBe('stopped')
})

test('startEmulator() from a plain ESM script of the project', async () => {
  const script = join(project.dir, 'check.mjs')
  writeFileSync(script, `
    import { startEmulator, SAMPLE_WORLD } from 'messenger-emulator'
    const emulator = await startEmulator({ seed: 'sample' })
    const { access_token } = await emulator.client.pageToken(SAMPLE_WORLD.apps[0].id, SAMPLE_WORLD.pages[0].id)
    const me = await (await fetch(\`\${emulator.url}/v21.0/me?access_token=\${access_token}\`)).json()
    await emulator.close()
    console.log(JSON.stringify(me))
  `)
  const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd: project.dir })
  expect(JSON.parse(stdout)).toEqual({ name: 'Acme', id: '200000000000001' })
})
