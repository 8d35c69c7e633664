#!/usr/bin/env node
/**
 * `messenger-emulator [--port 4100] [--host 127.0.0.1] [--db PATH | :memory:] [--seed world.json | sample]
 *   [--strict]`
 * `messenger-emulator exec [same options] -- <command …>`
 * `messenger-emulator scenarios [files or folders…] [names or patterns…]`
 *
 * Serves until SIGINT/SIGTERM; `exec` runs the command with MESSENGER_EMULATOR_URL set and exits with its status
 * (like `firebase emulators:exec`). `--help` lists every option from the description below.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { DatabaseInUseError, EmulatorStartError, PortInUseError, startEmulator, type RunningEmulator } from './index.js'
import { describeStart } from './cli-banner.js'
import {
  guardAndRetentionOptions, HELP_OPTIONS, helpText, packageVersion, parseCommandLine, portNumber, portTakenMessage,
  positionalsOf, SERVE_COMMAND, serverOptions, unknownCommand, usageFailure, UsageError, type CliSpec,
} from '../lib/cli-options.js'
import { retentionFromCli, type RetentionOptions } from '../lib/retention.js'
import { allowedHostNames } from '../lib/http-guard.js'

const PORT_VARIABLE = 'EMULATOR_PORT'

const CLI: CliSpec = {
  program: 'messenger-emulator',
  summary: "an offline stand-in for Facebook's Messenger Platform and Graph API",
  commands: [
    SERVE_COMMAND,
    { usage: 'exec [options] -- <command …>',
      description: 'start, run the command with MESSENGER_EMULATOR_URL set, stop, exit with its status' },
    { usage: 'scenarios [files or folders…] [names…]',
      description: 'run *.scenario.ts and *.scenario.js files (or the built-in scenarios), write reports/scenarios.html' },
  ],
  options: [
    ...serverOptions(PORT_VARIABLE, 4100),
    { name: 'db', value: 'PATH|:memory:', env: 'EMULATOR_DB', default: '.messenger-emulator/world.db',
      description: "the world's SQLite file, kept across restarts (one emulator per file), or :memory:" },
    { name: 'seed', value: 'FILE|sample',
      description: 'a world document (JSON) added when the world is empty; sample is the built-in sample world' },
    { name: 'strict', env: 'EMULATOR_STRICT',
      description: "enforce Facebook's written contract (every documented limit and required field) instead of " +
        "production's leniency" },
    ...guardAndRetentionOptions('EMULATOR'),
    ...HELP_OPTIONS,
  ],
}

const EXEC_NEEDS_COMMAND = 'exec needs the command after --, e.g. messenger-emulator exec --seed sample -- npm test'

interface CliOptions {
  port: number; host: string; db: string; seed?: string; strict: boolean; retention: RetentionOptions
  allowedHosts: string[]
}
type Parsed = { command: 'serve'; options: CliOptions } | { command: 'exec'; options: CliOptions; rest: string[] }
  | { command: 'help' } | { command: 'version' }

function parse(argv: string[]): Parsed {
  const dashdash = argv.indexOf('--')
  const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv
  const rest = dashdash >= 0 ? argv.slice(dashdash + 1) : []
  // Before the options are judged: in `exec npm test -w x`, `-w` is the command's, not ours.
  if (dashdash < 0 && positionalsOf(CLI, own)[0] === 'exec') throw new UsageError(EXEC_NEEDS_COMMAND)
  const { values, flags, lists, positionals } = parseCommandLine(CLI, own)
  if (flags.help) return { command: 'help' }
  if (flags.version) return { command: 'version' }
  const retention = retentionFromCli(values['retain-rows'], values['retain-days'])
  if (!retention.ok) throw new UsageError(retention.error)
  const options: CliOptions = {
    port: portNumber(values.port, `--port or ${PORT_VARIABLE}`), host: values.host!, db: values.db!,
    ...(values.seed ? { seed: values.seed } : {}), strict: flags.strict!, retention: retention.retention,
    allowedHosts: allowedHostNames(lists['allowed-host']),
  }
  const [sub, ...extra] = positionals
  if (sub === undefined) return { command: 'serve', options }
  if (sub === 'exec') {
    // All of the command goes after --: `exec npm -- test` is a mistake too.
    if (extra.length > 0 || rest.length === 0) throw new UsageError(EXEC_NEEDS_COMMAND)
    return { command: 'exec', options, rest }
  }
  throw unknownCommand(positionals, ['exec'])
}

function onSignals(stop: () => Promise<void>): void {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      void stop().then(() => process.exit(0))
    })
  }
}

async function serve(options: CliOptions): Promise<void> {
  const emulator = await startEmulator(options)
  console.log(describeStart(emulator, options))
  onSignals(async () => {
    console.log('\nStopping the emulator…')
    await emulator.close()
  })
}

async function exec(options: CliOptions, command: string[]): Promise<void> {
  const emulator: RunningEmulator = await startEmulator(options)
  console.error(`messenger-emulator: ${emulator.url} (MESSENGER_EMULATOR_URL) — running: ${command.join(' ')}`)
  const code = await runInTerminal(command[0]!, command.slice(1), { ...process.env, MESSENGER_EMULATOR_URL: emulator.url })
  await emulator.close()
  process.exit(code)
}

/** Runs a command in this terminal, SIGINT/SIGTERM passed on; answers its exit status (127: it could not start). */
function runInTerminal(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env })
  onSignals(async () => {
    child.kill('SIGTERM')
  })
  return new Promise<number>((resolve) => {
    child.on('error', (e) => {
      console.error(`messenger-emulator: cannot run ${command}: ${e.message}`)
      resolve(127)
    })
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)))
  })
}

/**
 * The scenario runner is a program of its own beside this one (dist/scenarios/run.js): scenarios drive the adapter
 * too, which the emulator never imports (DESIGN principle 1), so it runs as a child with the same terminal.
 */
async function scenarios(args: string[]): Promise<void> {
  const runner = fileURLToPath(new URL('../scenarios/run.js', import.meta.url))
  process.exit(await runInTerminal(process.execPath, [runner, ...args]))
}

async function main(): Promise<void> {
  // Its arguments are files and scenario names, not the emulator's options.
  if (process.argv[2] === 'scenarios') return scenarios(process.argv.slice(3))
  const parsed = parse(process.argv.slice(2))
  if (parsed.command === 'help') return console.log(helpText(CLI, packageVersion(import.meta.url)))
  if (parsed.command === 'version') return console.log(packageVersion(import.meta.url))
  if (parsed.command === 'exec') return exec(parsed.options, parsed.rest)
  return serve(parsed.options)
}

/** What went wrong in the user's words: how to choose another port here, the usage after a command-line mistake. */
function explain(e: unknown): string {
  if (e instanceof UsageError) return usageFailure(CLI, e)
  if (e instanceof PortInUseError) {
    return `messenger-emulator: ${portTakenMessage(e.port, e.host, `--port N or ${PORT_VARIABLE}=N`)}`
  }
  if (e instanceof EmulatorStartError || e instanceof DatabaseInUseError) return `messenger-emulator: ${e.message}`
  return `messenger-emulator: ${(e as Error).stack ?? String(e)}`
}

main().catch((e: unknown) => {
  console.error(explain(e))
  process.exit(2)
})
