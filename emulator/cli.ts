#!/usr/bin/env node
/**
 * `messenger-emulator [--port 4100] [--host 127.0.0.1] [--db PATH | :memory:] [--seed world.json]`
 * `messenger-emulator exec [same options] -- <command …>`
 *
 * Serves until SIGINT/SIGTERM; `exec` runs the command with MESSENGER_EMULATOR_URL set and exits with its status
 * (like `firebase emulators:exec`).
 */
import { parseArgs } from 'node:util'
import { spawn } from 'node:child_process'
import { EmulatorStartError, startEmulator, type RunningEmulator } from './index.js'
import { describeStart } from './cli-banner.js'
import { retentionFromCli, type RetentionOptions } from '../lib/retention.js'
import { allowedHostNames } from '../lib/http-guard.js'

const USAGE = `Usage:
  messenger-emulator [--port 4100] [--host 127.0.0.1] [--db PATH | --db :memory:] [--seed world.json]
  messenger-emulator exec [options] -- <command …>

Environment: EMULATOR_PORT, EMULATOR_DB.`

interface CliOptions {
  port: number; host: string; db: string; seed?: string; retention?: RetentionOptions; allowedHosts?: string[]
}

function parse(argv: string[]): { command: 'serve' | 'exec' | 'help'; options: CliOptions; rest: string[] } {
  const dashdash = argv.indexOf('--')
  const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv
  const rest = dashdash >= 0 ? argv.slice(dashdash + 1) : []
  const { values, positionals } = parseArgs({
    args: own, allowPositionals: true,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'retain-rows': { type: 'string' }, 'retain-days': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
    },
  })
  const portText = values.port ?? process.env.EMULATOR_PORT ?? '4100'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EmulatorStartError(`Invalid port: ${portText}`)
  const retention = retentionFromCli(values['retain-rows'] ?? process.env.EMULATOR_RETAIN_ROWS,
    values['retain-days'] ?? process.env.EMULATOR_RETAIN_DAYS)
  if (!retention.ok) throw new EmulatorStartError(retention.error)
  const options: CliOptions = {
    port, host: values.host ?? '127.0.0.1', db: values.db ?? process.env.EMULATOR_DB ?? '.messenger-emulator/world.db',
    ...(values.seed ? { seed: values.seed } : {}), retention: retention.retention,
    allowedHosts: allowedHostNames(values['allowed-host'], process.env.EMULATOR_ALLOWED_HOSTS),
  }
  if (values.help) return { command: 'help', options, rest }
  const [sub, ...extra] = positionals
  if (sub === undefined) return { command: 'serve', options, rest }
  if (sub === 'exec' && extra.length === 0) {
    if (rest.length === 0) throw new EmulatorStartError('exec needs a command after --, e.g. exec -- npm test')
    return { command: 'exec', options, rest }
  }
  throw new EmulatorStartError(`Unknown command: ${positionals.join(' ')}`)
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
  console.log(describeStart(emulator, options.db))
  onSignals(async () => {
    console.log('\nStopping the emulator…')
    await emulator.close()
  })
}

async function exec(options: CliOptions, command: string[]): Promise<void> {
  const emulator: RunningEmulator = await startEmulator(options)
  console.error(`messenger-emulator: ${emulator.url} (MESSENGER_EMULATOR_URL) — running: ${command.join(' ')}`)
  const child = spawn(command[0]!, command.slice(1), {
    stdio: 'inherit', shell: process.platform === 'win32',
    env: { ...process.env, MESSENGER_EMULATOR_URL: emulator.url },
  })
  onSignals(async () => {
    child.kill('SIGTERM')
  })
  const code = await new Promise<number>((resolve) => {
    child.on('error', (e) => {
      console.error(`messenger-emulator: cannot run ${command[0]}: ${e.message}`)
      resolve(127)
    })
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)))
  })
  await emulator.close()
  process.exit(code)
}

async function main(): Promise<void> {
  const { command, options, rest } = parse(process.argv.slice(2))
  if (command === 'help') return console.log(USAGE)
  if (command === 'exec') return exec(options, rest)
  return serve(options)
}

main().catch((e: unknown) => {
  const known = e instanceof EmulatorStartError || (e instanceof TypeError && 'code' in e)
  console.error(`messenger-emulator: ${(e as Error).message}`)
  if (!known) console.error(e)
  console.error(`\n${USAGE}`)
  process.exit(2)
})
