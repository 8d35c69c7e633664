/**
 * The architecture as a test: imports point only down each part's order of layers (the README's Development section),
 * never sideways between folders of one floor, and close no circle. A failure names the file, the import and the rule.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Bottom to top. A module may import its own folder and any lower floor; folders on one floor (an inner array) may not
 * import each other. `.` is the part's own top-level files (its entry points).
 */
const LAYERS: Record<'emulator' | 'adapter', string[][]> = {
  emulator: [['facebook'], ['world'], ['login'], ['messenger'], ['webhooks'], ['runtime'], ['control'], ['graph', 'ui'], ['.']],
  adapter: [['facebook'], ['conversations'], ['store'], ['runtime'], ['webhooks'], ['messenger'], ['ui'], ['api'], ['.']],
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : []
  })
}

/** `emulator/world/x.ts` → the repo-relative file it imports, `.js` specifiers mapped back to their `.ts(x)` source. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(IMPORT)].map((m) => {
    const target = resolve(dirname(file), (m[1] ?? m[2])!)
    const ts = target.replace(/\.js$/, '.ts')
    const candidates = [ts, ts.replace(/\.ts$/, '.tsx')]
    const found = candidates.find((c) => sourceSet.has(c))
    return relative(ROOT, found ?? target)
  })
}

const sourceSet = new Set(['lib', 'emulator', 'adapter'].flatMap((d) => sourceFiles(join(ROOT, d))))
const graph = new Map([...sourceSet].map((f) => [relative(ROOT, f), importsOf(f)]))

/** `emulator/world/x.ts` → `{ part: 'emulator', folder: 'world' }`; files at the part's top level are folder `.`. */
function place(file: string): { part: string; folder: string } {
  const [part, ...rest] = file.split('/')
  return { part: part!, folder: rest.length > 1 ? rest[0]! : '.' }
}

function floorOf(part: 'emulator' | 'adapter', folder: string): number {
  const floor = LAYERS[part].findIndex((f) => f.includes(folder))
  if (floor < 0) throw new Error(`${part}/${folder} is on no floor of the layer rules in test/layers.test.ts: add it`)
  return floor
}

/** The rule an import breaks, or undefined. */
function violation(from: string, to: string): string | undefined {
  const a = place(from)
  const b = place(to)
  if (a.part === 'lib') return b.part === 'lib' ? undefined : 'lib/ is shared by both parts and imports neither'
  if (b.part === 'lib') return undefined
  if (a.part !== b.part) return `${a.part}/ and ${b.part}/ talk only HTTP and never import each other`
  if (a.folder === b.folder) return undefined
  const part = a.part as 'emulator' | 'adapter'
  const [fa, fb] = [floorOf(part, a.folder), floorOf(part, b.folder)]
  if (fb > fa) return `${a.folder}/ is below ${b.folder}/: imports point down (${LAYERS[part].map((f) => f.join(', ')).join(' → ')})`
  if (fb === fa) return `${a.folder}/ and ${b.folder}/ are on one floor and do not import each other`
  return undefined
}

/** Every import circle, each as the files around it (found by depth-first search). */
function circles(): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return found
}

describe('layers', () => {
  test('imports point down each part\'s floors', () => {
    const broken = [...graph].flatMap(([from, tos]) =>
      tos.flatMap((to) => {
        const rule = violation(from, to)
        return rule ? [`${from} imports ${to}: ${rule}`] : []
      }))
    expect(broken).toEqual([])
  })

  test('no import closes a circle', () => {
    expect(circles().map((c) => c.join(' → '))).toEqual([])
  })

  test('the check sees what it checks', () => {
    // A rule that reads no file would pass anything: make sure imports were found and a known upward import is caught.
    expect(graph.get('emulator/index.ts')!.length).toBeGreaterThan(3)
    expect(violation('emulator/world/world.ts', 'emulator/graph/app.ts')).toMatch(/imports point down/)
    expect(violation('adapter/api/app.ts', 'emulator/index.ts')).toMatch(/talk only HTTP/)
  })
})
