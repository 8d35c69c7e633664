/**
 * Finds the Chromium the browser tests drive, or installs one the way the machine allows, once per test run (from
 * test/global-setup.ts). The order: an explicit CHROMIUM_PATH, the usual Chromium/Chrome locations, Playwright's own
 * cache; then, when none is there, Debian's `chromium` through apt-get when running as root, otherwise Playwright's
 * download (where the network allows it). What cannot be found ends as one line saying what to install, which the
 * browser tests fail with instead of a stack trace.
 *
 * Everything the lookup asks of the machine goes through `Machine`, so the unit tests can give it a fake one.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium } from 'playwright-core'

/** The Chromium for this run, or the one line to fail the browser tests with. */
export type ChromiumLookup = { executable: string } | { problem: string }

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumLookup
  }
}

export interface Machine {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  isRoot: boolean
  isFile(path: string): boolean
  /** Whether a command is on the PATH. */
  hasCommand(name: string): boolean
  /** Where Playwright keeps the Chromium its version downloads (PLAYWRIGHT_BROWSERS_PATH or its cache). */
  playwrightExecutable(): string
  /** Runs a command, handing each line it prints to `onLine`; true when it exits with 0. */
  run(command: string, args: string[], onLine: (line: string) => void): Promise<boolean>
  log(line: string): void
}

/** Where Chromium and Chrome usually live, per platform, most likely first. */
export const USUAL_LOCATIONS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium', '/opt/google/chrome/chrome'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
}

const WHAT_TO_DO = 'install Chromium (as root: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or ' +
  'Chrome executable'

/** A browser already on the machine, without installing anything; a wrong CHROMIUM_PATH is a problem of its own. */
export function findChromium(machine: Machine): ChromiumLookup | undefined {
  const explicit = machine.env.CHROMIUM_PATH
  if (explicit) {
    return machine.isFile(explicit) ? { executable: explicit }
      : { problem: `CHROMIUM_PATH=${explicit} is not a file: point it at a Chromium or Chrome executable, or unset it` }
  }
  const candidates = [...USUAL_LOCATIONS[machine.platform] ?? [], machine.playwrightExecutable()]
  const executable = candidates.find((path) => machine.isFile(path))
  return executable ? { executable } : undefined
}

export interface InstallPlan {
  how: string
  steps: { shown: string; command: string; args: string[] }[]
}

/** How this machine can get a Chromium: Debian's package needs root and apt-get, Playwright's download neither. */
export function installPlan(machine: Machine): InstallPlan {
  if (machine.platform === 'linux' && machine.isRoot && machine.hasCommand('apt-get')) {
    const apt = (...args: string[]) => ({ shown: `apt-get ${args.join(' ')}`, command: 'apt-get', args })
    return {
      how: "Debian's chromium with apt-get", steps: [apt('update', '-q'), apt('install', '-y', '-q', 'chromium')],
    }
  }
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js')
  return {
    how: "Playwright's Chromium download",
    steps: [{ shown: 'playwright-core install chromium', command: process.execPath,
      args: [cli, 'install', 'chromium'] }],
  }
}

/** Finds a Chromium, installing one when there is none; says what it does, since an install takes a minute. */
export async function ensureChromium(machine: Machine): Promise<ChromiumLookup> {
  const found = findChromium(machine)
  if (found) return found
  const plan = installPlan(machine)
  const usual = USUAL_LOCATIONS[machine.platform]?.[0] ?? 'the usual places'
  machine.log(`[chromium] No Chromium or Chrome found (CHROMIUM_PATH, ${usual} and the like, Playwright's cache). ` +
    `Installing ${plan.how}; this takes a minute…`)
  const started = Date.now()
  const progress = installProgress(machine.log)
  for (const step of plan.steps) {
    machine.log(`[chromium] ${step.shown}`)
    if (!await machine.run(step.command, step.args, progress)) {
      return { problem: `No Chromium for the browser tests: installing ${plan.how} failed (see above); ${WHAT_TO_DO}` }
    }
  }
  const installed = findChromium(machine)
  if (!installed) return { problem: `No Chromium for the browser tests after installing ${plan.how}; ${WHAT_TO_DO}` }
  if ('executable' in installed) {
    machine.log(`[chromium] Ready: ${installed.executable} (${Math.round((Date.now() - started) / 1000)} s)`)
  }
  return installed
}

/**
 * Condenses an installer's output to a few lines of progress: apt-get's "N newly installed" and a count of the
 * packages set up, Playwright's percentages, and every error or warning line as it is.
 */
export function installProgress(log: (line: string) => void): (line: string) => void {
  let total = 0
  let setUp = 0
  let shownPercent = -Infinity
  return (line) => {
    const planned = line.match(/(\d+) newly installed/)
    if (planned) {
      total = Number(planned[1])
      return log(`[chromium] ${total} packages to install`)
    }
    if (line.startsWith('Setting up ')) {
      setUp++
      // apt-get prints more "Setting up" lines than packages it installs: count up to the total only.
      if (setUp % 10 === 0 && (total === 0 || setUp < total)) {
        log(`[chromium] set up ${setUp}${total ? ` of ${total}` : ''} packages`)
      }
      return
    }
    const percent = line.match(/\|\s*(\d+)% of/)
    if (percent) {
      const n = Number(percent[1])
      if (n - shownPercent >= 20 || (n === 100 && shownPercent < 100)) {
        shownPercent = n
        log(`[chromium] ${line.replace(/^[|■\s]+/, '').trim()}`)
      }
      return
    }
    if (/^(E:|W:|Error|error)/.test(line)) log(`[chromium] ${line}`)
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The machine the tests run on; the installer's whole output also goes to `logFile`. */
export function thisMachine(logFile: string): Machine {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    isFile,
    hasCommand: (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isFile(join(dir, name))),
    playwrightExecutable: () => chromium.executablePath(),
    run: (command, args, onLine) => new Promise((resolve) => {
      const child = spawn(command, args, {
        stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      })
      const log = createWriteStream(logFile, { flags: 'a' })
      for (const stream of [child.stdout, child.stderr]) {
        stream.pipe(log, { end: false })
        createInterface({ input: stream }).on('line', onLine)
      }
      child.on('error', () => resolve(false))
      child.on('close', (code) => {
        log.end()
        resolve(code === 0)
      })
    }),
    log: (line) => console.log(line),
  }
}
