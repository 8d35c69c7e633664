/**
 * The built command lines (`node dist/…/cli.js`, built by test/global-setup.ts), spawned as users run them, with
 * what they print kept for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const BUILT = {
  emulator: join(ROOT, 'dist', 'emulator', 'cli.js'),
  adapter: join(ROOT, 'dist', 'adapter', 'cli.js'),
  start: join(ROOT, 'dist', 'scenarios', 'start.js'),
}

export interface Cli {
  child: ChildProcess
  output: { stdout: string; stderr: string }
  /** The exit status (null after a signal). */
  exit: Promise<number | null>
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

/**
 * The tests every command line gets: `--help` names the commands and every option (`helpTexts`), `--version` prints
 * package.json's, and each mistake of `mistakes` prints what was meant, then the usage, with exit status 2.
 */
export function testHelpAtTheEdges(program: string, run: (args: string[]) => Cli, helpTexts: string[],
  mistakes: (readonly [readonly string[], string])[]): void {
  test.concurrent('--help lists the commands, every option and its environment variable', async () => {
    const cli = run(['--help'])
    expect(await cli.exit).toBe(0)
    expect(cli.output.stdout).toContain(`${program} ${VERSION}:`)
    for (const text of helpTexts) expect(cli.output.stdout).toContain(text)
  })

  test.concurrent('--version prints the version of package.json', async () => {
    const cli = run(['--version'])
    expect(await cli.exit).toBe(0)
    expect(cli.output.stdout).toBe(`${VERSION}\n`)
  })

  test.concurrent.for(mistakes)('%j: says what was meant, then the usage; exit status 2', async ([args, message]) => {
    const cli = run([...args])
    expect(await cli.exit).toBe(2)
    expect(cli.output.stderr).toContain(`${program}: ${message}`)
    expect(cli.output.stderr).toContain(`Usage:\n  ${program} [options]\n`)
    expect(cli.output.stderr).toContain(`Every option: ${program} --help`)
  })
}

/** Runs `node {script} args…` in the repository; `env` is added to a copy of this process's environment. */
export function runBuilt(script: string, args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env } })
  const output = { stdout: '', stderr: '' }
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { output.stdout += d })
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { output.stderr += d })
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output, exit }
}

/** Runs `use` with a port something else listens on (127.0.0.1), freed afterwards. */
export async function withTakenPort(use: (port: number) => Promise<void>): Promise<void> {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  try {
    await use((blocker.address() as AddressInfo).port)
  } finally {
    blocker.close()
  }
}
