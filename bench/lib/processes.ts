/**
 * Starting servers for benchmarks as their own processes, as a user runs them: the load generator then has the
 * benchmark's process to itself, and a server's CPU is its own.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'

/** The repository root (bench files run from dist/bench/). */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Everything the process printed so far (stdout and stderr). */
  output(): string
  stop(): Promise<void>
}

/** Spawns `node args…` and waits for the first printed `http://127.0.0.1:PORT` URL matching `urlPattern`. */
export function startNode(args: string[], urlPattern = /(http:\/\/127\.0\.0\.1:\d+)/, env: NodeJS.ProcessEnv = {}):
  Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' })
  let text = ''
  // Both pipes are read for as long as the process lives, so a chatty server never blocks on a full pipe.
  const keep = (chunk: Buffer) => { text = (text + chunk.toString()).slice(-100_000) }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`node ${args.join(' ')} exited with ${code} before serving:\n${text}`))
    const onData = () => {
      const m = text.match(urlPattern)
      if (!m) return
      child.stdout.off('data', onData)
      child.off('exit', onExit)
      resolve({ url: m[1]!, child, output: () => text, stop: () => stopProcess(child) })
    }
    child.stdout.on('data', onData)
    child.once('exit', onExit)
  })
}

/** Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s. */
const TICKS_PER_SECOND = 100

/**
 * The CPU time (user + system, all threads) a server process has used so far, in ms; undefined where /proc is not
 * available. CPU per request compares servers on what they cost, where requests per second also depend on what else
 * the machine was doing.
 */
export function cpuTimeMs(child: ChildProcess): number | undefined {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 1000 / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}
