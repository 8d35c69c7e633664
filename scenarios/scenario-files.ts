/**
 * Scenario files as `messenger-emulator scenarios [files or folders…]` finds and loads them: a folder stands for every
 * `*.scenario.ts` and `*.scenario.js` under it (node_modules and dot folders aside); a `.ts` file is compiled by
 * esbuild on the way, so a project runs its scenarios as written, without a build step of its own.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Scenario } from './vocabulary.js'

const SCENARIO_FILE = /\.scenario\.(ts|js|mjs)$/

/** The arguments that name files or folders, expanded to scenario files; the others are name patterns. */
export function scenarioPaths(args: string[]): { files: string[]; patterns: string[] } {
  const files: string[] = []
  const patterns: string[] = []
  for (const arg of args) {
    if (!existsSync(arg)) patterns.push(arg)
    else if (statSync(arg).isDirectory()) files.push(...scenarioFilesUnder(resolve(arg)))
    else files.push(resolve(arg))
  }
  return { files: [...new Set(files)], patterns }
}

function scenarioFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : scenarioFilesUnder(path)
    return SCENARIO_FILE.test(entry.name) ? [path] : []
  })
}

/** The file's name without `.scenario.ts` / `.scenario.js`, e.g. `password-reset`. */
export const scenarioId = (file: string) => basename(file).replace(SCENARIO_FILE, '')

/** The scenario a file exports by default; a `.ts` file compiled first. */
export async function importScenario(file: string): Promise<Scenario> {
  const mod = (file.endsWith('.ts') ? await importTypeScript(file) : await import(pathToFileURL(file).href)) as
    { default?: Scenario }
  if (!mod.default?.run) throw new Error(`${file} has no default export made with scenario(name, run)`)
  return mod.default
}

/**
 * Compiles the file with what it imports relatively into one ES module (packages stay imports, resolved from the
 * file's own project), written beside it for the import, then removed: beside it, the packages resolve as they would
 * for the file itself.
 */
async function importTypeScript(file: string): Promise<unknown> {
  // esbuild only when a .ts scenario is run: plain .js runs need none of it.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [file], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20',
    write: false, sourcemap: 'inline', logLevel: 'silent',
  })
  const compiled = join(dirname(file), `.${basename(file)}.${process.pid}.mjs`)
  await writeFile(compiled, result.outputFiles[0]!.text)
  try {
    return await import(pathToFileURL(compiled).href)
  } finally {
    await rm(compiled, { force: true })
  }
}
