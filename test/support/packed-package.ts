/**
 * The package as npm would publish it, installed where a user would have it: `npm pack` of this repository (the
 * `files` of package.json, from the dist/ the global setup built; scripts skipped, so nothing is rebuilt), then
 * `npm install <tarball>` into an empty project of its own. For the package test, and for any test that needs a
 * project depending on the published package (the examples' projects, later).
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './built-cli.js'

const run = promisify(execFile)

/** The tarball of this repository in `dir` (npm pack's own file name); answers its path. */
export async function packPackage(dir: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT })
  const [packed] = JSON.parse(stdout) as { filename: string }[]
  return join(dir, packed!.filename)
}

export interface PackedProject {
  /** The project's directory: its node_modules holds the installed package. */
  dir: string
  remove(): void
}

/**
 * An empty ESM project with `tarball` installed, in a directory of its own under the system's temp dir.
 *
 * Installing stays fast and offline: `--prefer-offline` takes every dependency from npm's cache (our own install put
 * them there), and `--ignore-scripts` skips better-sqlite3's native build, a compile of about a minute. Its addon is
 * copied from this repository's install instead: the same version on the same machine, so the same binary.
 */
export async function installPacked(tarball: string): Promise<PackedProject> {
  const dir = mkdtempSync(join(tmpdir(), 'packed-'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'uses-messenger-emulator', private: true, type: 'module' }))
  return installInto(dir, tarball)
}

/**
 * Copies of the example projects (`examples/<name>`, without their node_modules), each as a team that cloned it would
 * have it after `npm install`: its own dependencies and the package of `tarball`. One node_modules serves them all
 * (each copy's node_modules links to it), and it is kept in test-artifacts/ between runs, keyed by every dependency
 * it holds, as npm's cache would be: the first run installs (jest and swc are a few hundred packages), later ones only
 * unpack this run's tarball into it.
 */
export async function installExamples(tarball: string, examples: string[]): Promise<{ dirs: string[]; remove(): void }> {
  const devDependencies: Record<string, string> = {}
  for (const example of examples) {
    const { devDependencies: own = {} } = JSON.parse(readFileSync(join(example, 'package.json'), 'utf8')) as
      { devDependencies?: Record<string, string> }
    Object.assign(devDependencies, Object.fromEntries(Object.entries(own).filter(([name]) => name !== 'messenger-emulator')))
  }
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: unknown }
  const key = createHash('sha256').update(JSON.stringify({ devDependencies, dependencies, node: process.version }))
    .digest('hex').slice(0, 12)
  const shared = join(ROOT, 'test-artifacts', `examples-${key}`)
  if (!existsSync(join(shared, 'installed'))) {
    rmSync(shared, { recursive: true, force: true })
    mkdirSync(shared, { recursive: true })
    writeFileSync(join(shared, 'package.json'), JSON.stringify({ name: 'examples', private: true, type: 'module', devDependencies }))
    await installInto(shared, tarball)
    writeFileSync(join(shared, 'installed'), new Date().toISOString())
  } else {
    // This run's package, over the one installed before (its dependencies are the same: they are in the key).
    const installed = join(shared, 'node_modules', 'messenger-emulator')
    rmSync(installed, { recursive: true, force: true })
    mkdirSync(installed)
    await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'])
  }
  const dir = mkdtempSync(join(tmpdir(), 'examples-'))
  const dirs = examples.map((example) => {
    const copy = join(dir, basename(example))
    cpSync(example, copy, { recursive: true, filter: (src) => basename(src) !== 'node_modules' })
    symlinkSync(join(shared, 'node_modules'), join(copy, 'node_modules'))
    return copy
  })
  return { dirs, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

async function installInto(dir: string, tarball: string): Promise<PackedProject> {
  await run('npm', ['install', tarball, '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund',
    '--loglevel=error'], { cwd: dir })
  const addon = join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
  mkdirSync(join(dir, 'node_modules', addon, '..'), { recursive: true })
  copyFileSync(join(ROOT, 'node_modules', addon), join(dir, 'node_modules', addon))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
