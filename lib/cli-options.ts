/**
 * The command lines of both parts, described once as data: each option with its value, default and environment
 * variable. From that description come the parsing (a mistyped option answers with the nearest real one), the
 * `--help` text and `--version`, so the help cannot drift from what is parsed.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export interface OptionSpec {
  /** `port` for `--port`. */
  name: string
  /** The value's placeholder in the help (`N`, `PATH`); a flag has none. */
  value?: string
  short?: string
  /** The environment variable read when the option is not given. */
  env?: string
  default?: string
  /** May be given several times (`--allowed-host a --allowed-host b`); its variable is a comma-separated list. */
  multiple?: boolean
  description: string
}

export interface CliSpec {
  program: string
  summary: string
  commands: { usage: string; description: string }[]
  options: OptionSpec[]
}

/** What both servers' command lines share: how they serve, their port and host, --help and --version. */
export const SERVE_COMMAND = { usage: '[options]', description: 'serve until Ctrl+C (SIGINT) or SIGTERM' }

export function serverOptions(portVariable: string, port: number): OptionSpec[] {
  return [
    { name: 'port', value: 'N', env: portVariable, default: String(port),
      description: 'the port to listen on; 0 picks a free one' },
    { name: 'host', value: 'HOST', default: '127.0.0.1', description: 'the address to listen on' },
  ]
}

/**
 * What both servers' command lines take to keep their logs bounded (lib/retention.ts) and to answer other Host names
 * (lib/http-guard.ts); `prefix` names their variables (`EMULATOR` → EMULATOR_RETAIN_ROWS).
 */
export function guardAndRetentionOptions(prefix: string): OptionSpec[] {
  return [
    { name: 'allowed-host', value: 'NAME', env: `${prefix}_ALLOWED_HOSTS`, multiple: true,
      description: 'a Host name answered besides loopback names, IP addresses and --host (against DNS rebinding)' },
    { name: 'retain-rows', value: 'N', env: `${prefix}_RETAIN_ROWS`,
      description: 'keep the newest N rows of each log (default 50000; 0: no limit); owed work is always kept' },
    { name: 'retain-days', value: 'DAYS', env: `${prefix}_RETAIN_DAYS`,
      description: 'keep log rows for DAYS days (default 7; 0: no limit); owed work is always kept' },
  ]
}

export const HELP_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h', description: 'this help' },
  { name: 'version', description: 'the version' },
]

/** A mistake on the command line: printed with the usage, exit status 2. */
export class UsageError extends Error {}

/** Option values (flag, else environment, else default; empty variables count as unset), flags and positionals. */
export interface CommandLine {
  values: Record<string, string | undefined>
  flags: Record<string, boolean>
  /** The values of options that may be given several times, flags and variable together. */
  lists: Record<string, string[]>
  positionals: string[]
}

function parseConfig(spec: CliSpec) {
  return Object.fromEntries(spec.options.map((o) => [o.name,
    { type: o.value ? 'string' as const : 'boolean' as const, ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}) }]))
}

/** The positionals alone, whatever else is wrong: e.g. to see a subcommand before judging its options. */
export function positionalsOf(spec: CliSpec, argv: string[]): string[] {
  return parseArgs({ args: argv, options: parseConfig(spec), allowPositionals: true, strict: false }).positionals
}

export function parseCommandLine(spec: CliSpec, argv: string[], env: NodeJS.ProcessEnv = process.env): CommandLine {
  const known = new Set(spec.options.flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]))
  const { tokens } = parseArgs({ args: argv, options: parseConfig(spec), allowPositionals: true, strict: false,
    tokens: true })
  for (const token of tokens) {
    if (token.kind !== 'option' || known.has(token.rawName)) continue
    const nearest = nearestWord(token.name, spec.options.map((o) => o.name))
    throw new UsageError(`Unknown option ${token.rawName}.${nearest ? ` Did you mean --${nearest}?` : ''}`)
  }
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: parseConfig(spec), allowPositionals: true })
  } catch (e) {
    // node:util's own words, e.g. "Option '--port <value>' argument missing".
    throw new UsageError((e as Error).message)
  }
  const values: Record<string, string | undefined> = {}
  const flags: Record<string, boolean> = {}
  const lists: Record<string, string[]> = {}
  for (const o of spec.options) {
    const given = parsed.values[o.name]
    if (o.multiple) {
      const fromEnv = o.env && env[o.env] ? env[o.env]!.split(',').map((v) => v.trim()).filter(Boolean) : []
      lists[o.name] = [...(given as string[] | undefined ?? []), ...fromEnv]
      continue
    }
    // A flag's variable turns it on with 1 or true (EMULATOR_STRICT=1).
    if (!o.value) flags[o.name] = given === true || (o.env !== undefined && ['1', 'true'].includes(env[o.env] ?? ''))
    else values[o.name] = (given as string | undefined) ?? (o.env && env[o.env] ? env[o.env] : undefined) ?? o.default
  }
  return { values, flags, lists, positionals: parsed.positionals }
}

/** A port as a number, or a UsageError naming where the bad value came from (`source`: "--port or EMULATOR_PORT"). */
export function portNumber(text: string | undefined, source: string): number {
  const port = Number(text)
  if (text === undefined || text === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`Invalid port: ${text} (${source} takes a number from 0 to 65535; 0 picks a free port)`)
  }
  return port
}

/** The message for a port something else listens on; `how` is how to choose another where the user is. */
export function portTakenMessage(port: number, host: string, how: string): string {
  return `Port ${port} on ${host} is already in use. Stop what listens there, or choose another port: ${how} ` +
    '(0 picks a free one).'
}

/**
 * The candidate nearest to a mistyped word: at most two edits away (a swap of two neighbours is one edit, as in
 * `prot` → `port`), or the only candidate the word begins.
 */
export function nearestWord(word: string, candidates: string[]): string | undefined {
  const scored = candidates.map((c) => ({ c, d: editDistance(word, c) })).sort((a, b) => a.d - b.d)
  if (scored[0] && scored[0].d <= Math.min(2, Math.max(1, word.length - 1))) return scored[0].c
  const prefixed = candidates.filter((c) => word.length >= 2 && c.startsWith(word))
  return prefixed.length === 1 ? prefixed[0] : undefined
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  // d[i][j]: the distance between the first i characters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

/** A command that does not exist, with the nearest one that does. */
export function unknownCommand(positionals: string[], commands: string[]): UsageError {
  const nearest = nearestWord(positionals[0] ?? '', commands)
  return new UsageError(`Unknown command: ${positionals.join(' ')}.${nearest ? ` Did you mean ${nearest}?` : ''}`)
}

/** What a command-line mistake prints: the mistake, the usage, and where every option is listed. */
export function usageFailure(spec: CliSpec, error: UsageError): string {
  return `${spec.program}: ${error.message}\n\n${usageText(spec)}\n\nEvery option: ${spec.program} --help`
}

function usageText(spec: CliSpec): string {
  return ['Usage:', ...spec.commands.map((c) => `  ${spec.program} ${c.usage}`)].join('\n')
}

export function helpText(spec: CliSpec, version: string): string {
  const name = (o: OptionSpec) => `--${o.name}${o.value ? ` ${o.value}` : ''}${o.short ? `, -${o.short}` : ''}`
  const width = Math.max(...spec.options.map((o) => name(o).length)) + 4
  const options = spec.options.flatMap((o) => {
    const extra = [o.default !== undefined ? `default ${o.default}` : '', o.multiple ? 'repeatable' : '',
      o.env ? `env ${o.env}${o.multiple ? ' (comma-separated)' : ''}` : '']
      .filter(Boolean).join(', ')
    return [`  ${name(o).padEnd(width)}${o.description}`, ...extra ? [`  ${''.padEnd(width)}${extra}`] : []]
  })
  return [`${spec.program} ${version}: ${spec.summary}`, '', 'Usage:',
    ...spec.commands.flatMap((c) => [`  ${spec.program} ${c.usage}`, `      ${c.description}`]),
    '', 'Options:', ...options].join('\n')
}

/** The version in the package.json nearest above `moduleUrl`: the same from src/, dist/ or node_modules/. */
export function packageVersion(moduleUrl: string): string {
  for (let dir = dirname(fileURLToPath(moduleUrl)); ; dir = dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(dir) === dir) throw e
    }
  }
}
