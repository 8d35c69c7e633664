/**
 * The package as npm would publish it, installed where a user would have it: `npm pack` of this repository (the
 * `files` of package.json, from the dist/ the global setup built; scripts skipped, so nothing is rebuilt), then
 * `npm install <tarball>` into an empty project of its own. For the package test, and for any test that needs a
 * project depending on the published package (the examples' projects, later).
 */
import { execFile } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
 * A copy of one of the example projects (`examples/<name>`, without its node_modules) with its own dependencies and
 * `tarball` installed, as a team that cloned it would have it after `npm install`.
 */
export async function installExample(tarball: string, example: string): Promise<PackedProject> {
  const dir = mkdtempSync(join(tmpdir(), `example-${basename(example)}-`))
  cpSync(example, dir, { recursive: true, filter: (src) => basename(src) !== 'node_modules' })
  return installInto(dir, tarball)
}

async function installInto(dir: string, tarball: string): Promise<PackedProject> {
  await run('npm', ['install', tarball, '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund',
    '--loglevel=error'], { cwd: dir })
  const addon = join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
  mkdirSync(join(dir, 'node_modules', addon, '..'), { recursive: true })
  copyFileSync(join(ROOT, 'node_modules', addon), join(dir, 'node_modules', addon))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
