/**
 * The built command lines (`node dist/…/cli.js`, built by test/global-setup.ts), spawned as users run them, with
 * what they print kept for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

/** Runs `node {script} args…` in the repository; `env` is added to a copy of this process's environment. */
export function runBuilt(script: string, args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env } })
  const output = { stdout: '', stderr: '' }
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { output.stdout += d })
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { output.stderr += d })
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output, exit }
}
