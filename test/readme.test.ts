/**
 * Every shell example of the README, run as a reader runs them (bash, curl, the built CLIs) and checked against the
 * output the README shows (support/readme-blocks.ts says how). Twice:
 * - each section alone, on a fresh emulator seeded with examples/world.json: no section needs another to have run;
 * - all sections in order on one emulator, as a reader following the README: no section spoils another (the same
 *   ids created twice, a switch left on).
 * The ports the README uses (4100, 4331, …) are mapped to free ones, so a stack someone runs on them does not matter;
 * so is /tmp/, to a directory of the run's own.
 */
import { describe, expect, test } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '../emulator/index.js'
import { mismatch, shellBlocks, steps, type ShellBlock, type Step } from './support/readme-blocks.js'
import { BUILT, ROOT } from './support/built-cli.js'

const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
/** The port of the emulator every section talks to ("Start the emulator"); the test starts it, in memory. */
const EMULATOR_PORT = 4100
const SEED = join(ROOT, 'examples', 'world.json')

const q = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`
const SHELL_PREAMBLE = [
  'set -euo pipefail',
  // `npx messenger-emulator` finds this package's own bin too, but costs 1.4 s a call: the test calls the bins.
  `messenger-emulator() { node ${q(BUILT.emulator)} "$@"; }`,
  `messenger-adapter() { node ${q(BUILT.adapter)} "$@"; }`,
  'npx() { "$@"; }',
].join('\n')

/** The README's ports in `blocks`: where they listen (`--port N`, `X_PORT=N`) or what they call (`127.0.0.1:N`). */
function portsIn(blocks: ShellBlock[]): Set<number> {
  return new Set(blocks.filter((b) => b.directive !== 'skip')
    .flatMap((b) => [...b.text.matchAll(/(?:127\.0\.0\.1:|--port |_PORT=)(\d{4})\b/g)].map((m) => Number(m[1]))))
}

const handedOut = new Set<number>()

/** A port free now, and not given to another reader of this file (the system may offer a closed one again). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo
        server.close(() => resolve(port))
      })
    })
    if (!handedOut.has(port)) return handedOut.add(port) && port
  }
}

interface ShellRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** How long one section's shell may run: generous, since a loaded 2-core runner once needed more than 30 s. */
const SHELL_TIMEOUT_MS = 60_000

function shell(script: string): Promise<ShellRun> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd: ROOT, timeout: SHELL_TIMEOUT_MS })
    const out = { stdout: '', stderr: '' }
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out.stdout += d })
    child.stderr.setEncoding('utf8').on('data', (d: string) => { out.stderr += d })
    child.on('close', (code, signal) => resolve({ code, signal, ...out }))
  })
}

/** One reader's terminals: the emulator of the README, the servers its sections start, and its own ports and /tmp. */
class Reader {
  private emulator?: RunningEmulator
  private readonly servers: ChildProcess[] = []
  readonly failures: string[] = []

  private constructor(private readonly ports: Map<number, number>, private readonly dir: string) {}

  static async open(blocks: ShellBlock[]): Promise<Reader> {
    const ports = new Map<number, number>()
    for (const port of new Set([EMULATOR_PORT, ...portsIn(blocks)])) ports.set(port, await freePort())
    const reader = new Reader(ports, mkdtempSync(join(tmpdir(), 'readme-')))
    reader.emulator = await startEmulator({ port: ports.get(EMULATOR_PORT)!, db: ':memory:', seed: SEED })
    return reader
  }

  /** The README's text with this reader's ports and directory. */
  private local(text: string): string {
    return text.replace(/\b(\d{4})\b/g, (n) => String(this.ports.get(Number(n)) ?? n)).replace(/\/tmp\//g, `${this.dir}/`)
  }

  /** Starts each command of a background block, as in a terminal of its own, and waits until it serves. */
  async serve(block: ShellBlock): Promise<void> {
    for (const step of steps(block)) {
      const child = spawn('bash', ['-c', `${SHELL_PREAMBLE}\n${this.local(step.command)}`], { cwd: ROOT, detached: true })
      this.servers.push(child)
      let output = ''
      const ready = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 30_000)
        const read = (d: Buffer) => {
          output += d.toString()
          // Every server of the README says how to stop it once it serves.
          if (output.includes('Ctrl+C')) {
            clearTimeout(timer)
            resolve(true)
          }
        }
        child.stdout!.on('data', read)
        child.stderr!.on('data', read)
        child.once('exit', () => resolve(false))
      })
      if (!ready) this.failures.push(`README line ${step.line}: \`${step.command}\` did not serve:\n${output}`)
    }
  }

  /** Runs the blocks of one section in one shell, each command checked against the output the README shows. */
  async run(section: string, blocks: ShellBlock[]): Promise<void> {
    const all: Step[] = blocks.flatMap((b) => steps(b))
    const marker = (n: number | 'end') => `printf '\\n\\036%s\\036\\n' ${n}`
    const script = [SHELL_PREAMBLE, ...all.flatMap((step, n) => [marker(n), this.local(step.command)]), marker('end')]
    const result = await shell(script.join('\n'))
    // What each command printed, after its marker; a failed command is the last whose marker was printed.
    const outputs = result.stdout.split(/\n\x1e(?:\d+|end)\x1e\n/).slice(1)
    const completed = result.code === 0 ? all.length : outputs.length - 1
    all.slice(0, completed).forEach((step, n) => {
      const problem = mismatch(step.expected.map((line) => this.local(line)), outputs[n]!)
      if (problem) this.failures.push(`README line ${step.line} (${section}): \`${step.command}\`: ${problem}`)
    })
    if (result.code !== 0) {
      const step = all[completed]
      this.failures.push(`README line ${step?.line} (${section}): \`${step?.command}\` failed (${result.signal
        ? `killed by ${result.signal}: the block ran past ${SHELL_TIMEOUT_MS / 1000} s` : `exit ${result.code}`}):\n` +
        result.stderr.slice(-1500))
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      process.kill(-child.pid!, 'SIGTERM')
    })))
    await this.emulator?.close()
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** The blocks to run, by section, in README order; sections without one are left out. */
function sections(): [string, ShellBlock[]][] {
  const bySection = new Map<string, ShellBlock[]>()
  for (const block of shellBlocks(README).filter((b) => b.directive !== 'skip')) {
    bySection.set(block.section, [...bySection.get(block.section) ?? [], block])
  }
  return [...bySection]
}

/**
 * The sections that talk to a server another section may have used too: the README's emulator, or a server another
 * section starts. The others start all they use, fresh, even when run in order: running them alone proves nothing
 * more.
 */
function sharingSections(): [string, ShellBlock[]][] {
  const all = sections()
  return all.filter(([section, blocks]) => {
    const elsewhere = all.filter(([other]) => other !== section)
      .flatMap(([, others]) => others.filter((b) => b.directive === 'background'))
    const shared = new Set([EMULATOR_PORT, ...portsIn(elsewhere)])
    return [...portsIn(blocks.filter((b) => b.directive === undefined))].some((port) => shared.has(port))
  })
}

async function follow(reader: Reader, section: string, blocks: ShellBlock[]): Promise<void> {
  for (const block of blocks.filter((b) => b.directive === 'background')) await reader.serve(block)
  await reader.run(section, blocks.filter((b) => b.directive === undefined))
}

// Concurrent: the readers share nothing (ports, directories, servers), and most of their time is spent waiting.
describe('the README', () => {
  test.concurrent.for(sharingSections())('%s: runs alone, on a fresh emulator', { timeout: 120_000 }, async ([section, blocks]) => {
    const reader = await Reader.open(blocks)
    try {
      await follow(reader, section, blocks)
    } finally {
      await reader.close()
    }
    expect(reader.failures).toEqual([])
  })

  test.concurrent('all sections in order, on one emulator', async () => {
    const all = sections()
    const reader = await Reader.open(all.flatMap(([, blocks]) => blocks))
    try {
      for (const [section, blocks] of all) await follow(reader, section, blocks)
    } finally {
      await reader.close()
    }
    expect(reader.failures).toEqual([])
  }, 300_000) // the sum of every section: about 90 s on an idle 2-core machine with 21 sections, more beside other files
})

describe('how README blocks are read', () => {
  const block = (text: string): ShellBlock => ({ section: 'S', line: 10, text })

  test('a command runs on over quotes and backslashes; the comments right after it are its output', () => {
    expect(steps(block([
      "curl -s -X POST $E/x -d '{\"a\":", '  1}\' # a note with a \' quote', '# {"ok":true}', '',
      '# prose, not output', 'echo one \\', '  two', '# one two',
    ].join('\n')))).toEqual([
      { line: 10, command: "curl -s -X POST $E/x -d '{\"a\":\n  1}' # a note with a ' quote", expected: ['{"ok":true}'] },
      { line: 15, command: 'echo one \\\n  two', expected: ['one two'] },
    ])
  })

  test.for([
    [['{"id":"1","name":"Pat"}'], '{"id":"1","name":"Pat"}', undefined],
    [['{"id":"1","name":"Pat"}'], '{"id":"1","name":"Sam"}', /it printed \{"id":"1","name":"Sam"\}/],
    [['{"data":[…,{"status":"declined"}]}'], '{"data":[{"a":1},{"status":"declined"}]}', undefined],
    [['{"data":[…,{"status":"declined"}]}'], '{"data":[{"status":"granted"}]}', /"status":"declined"}]}" is not in/],
    [['{"data":…}'], 'Internal Server Error', /printed no JSON document/],
    [['HTTP/1.1 303 See Other', 'location: /x?…&state=xyz'], 'HTTP/1.1 303 See Other\r\nlocation: /x?a=1&state=xyz\r\n',
      undefined],
    [[], '{"error":{"message":"(#100) …"}}', /an error the README does not show/],
  ] as const)('%j against %j', ([expected, actual, problem]) => {
    const found = mismatch([...expected], actual)
    if (problem === undefined) expect(found).toBeUndefined()
    else expect(found).toMatch(problem)
  })
})
