/**
 * Spawning the built CLIs (`node dist/…/cli.js`) for crash and security tests: the real process a user runs, killed
 * with SIGKILL when the test wants a crash. Everything the process prints is kept, for the tests that read the logs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface CliProcess {
  url: string
  child: ChildProcess
  /** stdout and stderr so far. */
  output(): string
  /** SIGKILL: no handler runs, nothing is flushed, like a crash or a power cut of the process. */
  kill(): Promise<void>
  /** SIGTERM, waiting for a clean exit. */
  stop(): Promise<void>
}

/** Starts `node dist/{cli} args…` and resolves with the URL it prints once it serves. */
export function startCli(cli: 'emulator' | 'adapter', args: string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, [`dist/${cli}/cli.js`, ...args], { cwd: ROOT, stdio: 'pipe' })
  let text = ''
  const keep = (chunk: Buffer) => { text += chunk.toString() }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const pattern = cli === 'emulator' ? /Graph API\s+(http:\/\/127\.0\.0\.1:\d+)/ : /listening on (http:\/\/127\.0\.0\.1:\d+)/
  const exited = () => child.exitCode !== null || child.signalCode !== null
  const end = (signal: NodeJS.Signals) => new Promise<void>((resolve) => {
    if (exited()) return resolve()
    child.once('exit', () => resolve())
    child.kill(signal)
  })
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${cli} exited (${code}) before serving:\n${text}`))
    const onData = () => {
      const url = text.match(pattern)?.[1]
      if (!url) return
      child.stdout.off('data', onData)
      child.off('exit', onExit)
      resolve({ url, child, output: () => text, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') })
    }
    child.stdout.on('data', onData)
    child.once('exit', onExit)
  })
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; rejections are the task's business. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await task(next++)
  }))
}
