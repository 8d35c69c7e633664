/**
 * Where the browser tests get their Chromium (support/chromium.ts), on fake machines: the order of the lookup, which
 * installer each machine gets, what is printed while installing, and the one line the tests fail with otherwise.
 */
import { describe, expect, test } from 'vitest'
import { ensureChromium, findChromium, installPlan, installProgress, type Machine } from './chromium.js'

const PLAYWRIGHT = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'

interface FakeMachine extends Machine {
  files: Set<string>
  ran: string[]
  printed: string[]
}

/** A Linux machine holding `files`; `install` is what a successful installer adds, `output` what it prints. */
function machine(options: { files?: string[]; env?: Record<string, string>; root?: boolean; aptGet?: boolean;
  install?: string[]; installFails?: boolean; output?: string[] } = {}): FakeMachine {
  const files = new Set(options.files ?? [])
  const fake: FakeMachine = {
    files, ran: [], printed: [],
    env: options.env ?? {}, platform: 'linux', isRoot: options.root ?? false,
    isFile: (path) => files.has(path),
    hasCommand: (name) => name === 'apt-get' && (options.aptGet ?? true),
    playwrightExecutable: () => PLAYWRIGHT,
    run: async (command, args, onLine) => {
      fake.ran.push([command === process.execPath ? 'node' : command, ...args.map((a) => a.replace(/.*\//, ''))].join(' '))
      for (const line of options.output ?? []) onLine(line)
      if (options.installFails) return false
      for (const path of options.install ?? []) files.add(path)
      return true
    },
    log: (line) => fake.printed.push(line),
  }
  return fake
}

describe('finding a Chromium already there', () => {
  test('an explicit CHROMIUM_PATH comes first', () => {
    const m = machine({ env: { CHROMIUM_PATH: '/opt/my/chrome' }, files: ['/opt/my/chrome', '/usr/bin/chromium'] })
    expect(findChromium(m)).toEqual({ executable: '/opt/my/chrome' })
  })

  test('a CHROMIUM_PATH that is not a file is a problem of its own: no other browser, no install', async () => {
    const m = machine({ env: { CHROMIUM_PATH: '/nope' }, files: ['/usr/bin/chromium'], root: true })
    const found = await ensureChromium(m)
    expect(found).toEqual({ problem: expect.stringMatching(/^CHROMIUM_PATH=\/nope is not a file/) })
    expect(m.ran).toEqual([])
  })

  test.for([
    [['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', PLAYWRIGHT], '/usr/bin/chromium'],
    [['/usr/bin/chromium-browser', '/usr/bin/google-chrome', PLAYWRIGHT], '/usr/bin/chromium-browser'],
    [['/usr/bin/google-chrome', PLAYWRIGHT], '/usr/bin/google-chrome'],
    [['/usr/bin/google-chrome-stable'], '/usr/bin/google-chrome-stable'],
    [[PLAYWRIGHT], PLAYWRIGHT],
  ] as const)('the usual locations in order, then Playwright\'s cache: %j → %s', ([files, expected]) => {
    expect(findChromium(machine({ files: [...files] }))).toEqual({ executable: expected })
  })

  test('none: nothing found, nothing installed by the lookup alone', () => {
    const m = machine()
    expect(findChromium(m)).toBeUndefined()
    expect(m.ran).toEqual([])
  })

  test('a browser already there is used without installing anything', async () => {
    const m = machine({ files: ['/usr/bin/chromium'], root: true })
    expect(await ensureChromium(m)).toEqual({ executable: '/usr/bin/chromium' })
    expect(m.ran).toEqual([])
    expect(m.printed).toEqual([])
  })
})

describe('installing one', () => {
  test('as root with apt-get: Debian\'s chromium, saying what it does', async () => {
    const m = machine({ root: true, install: ['/usr/bin/chromium'],
      output: ['Reading package lists...', '0 upgraded, 20 newly installed, 0 to remove and 0 not upgraded.',
        ...Array.from({ length: 20 }, (_, i) => `Setting up lib${i} (1.0) ...`)] })
    expect(installPlan(m).how).toBe("Debian's chromium with apt-get")
    expect(await ensureChromium(m)).toEqual({ executable: '/usr/bin/chromium' })
    expect(m.ran).toEqual(['apt-get update -q', 'apt-get install -y -q chromium'])
    expect(m.printed[0]).toMatch(/No Chromium or Chrome found .* Installing Debian's chromium with apt-get; this takes a minute/)
    expect(m.printed).toContain('[chromium] 20 packages to install')
    expect(m.printed.filter((line) => line.includes('set up'))).toEqual(['[chromium] set up 10 of 20 packages'])
    expect(m.printed.at(-1)).toMatch(/^\[chromium\] Ready: \/usr\/bin\/chromium \(\d+ s\)$/)
  })

  test.for([
    ['not root', { root: false }],
    ['root without apt-get', { root: true, aptGet: false }],
  ] as const)('%s: Playwright\'s download', async ([, how]) => {
    const m = machine({ ...how, install: [PLAYWRIGHT] })
    expect(await ensureChromium(m)).toEqual({ executable: PLAYWRIGHT })
    expect(m.ran).toEqual(['node cli.js install chromium'])
  })

  test.for([
    ['the installer fails', { root: true, installFails: true }, /installing Debian's chromium with apt-get failed/],
    ['the download fails', { root: false, installFails: true }, /installing Playwright's Chromium download failed/],
    ['the installer succeeds but leaves no browser', { root: true }, /after installing Debian's chromium/],
  ] as const)('%s: one line saying what to install', async ([, how, reason]) => {
    const found = await ensureChromium(machine(how))
    expect(found).toEqual({ problem: expect.stringMatching(reason) })
    const problem = (found as { problem: string }).problem
    expect(problem).not.toContain('\n')
    expect(problem).toMatch(/apt-get install -y chromium\) or set CHROMIUM_PATH/)
  })
})

test('installer output is condensed to progress, errors kept', () => {
  const printed: string[] = []
  const onLine = installProgress((line) => printed.push(line))
  const bar = (filled: number) => `|${'■'.repeat(filled).padEnd(40)}|`
  for (const line of ['Get:1 http://deb.debian.org/debian bookworm/main amd64 libfoo [10 kB]', 'Unpacking libfoo ...',
    `${bar(4)}  10% of 150 MiB`, `${bar(12)}  30% of 150 MiB`, `${bar(14)}  35% of 150 MiB`,
    'E: Unable to locate package chromium']) onLine(line)
  expect(printed).toEqual(['[chromium] 10% of 150 MiB', '[chromium] 30% of 150 MiB',
    '[chromium] E: Unable to locate package chromium'])
})
