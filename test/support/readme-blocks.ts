/**
 * The README's shell examples as the README test runs them: each ```sh block with its section and its directive,
 * cut into the commands a reader would paste one by one, each with the output the README shows after it.
 *
 * Conventions the README follows (so that what it shows is checked):
 * - `<!-- readme-test: skip (why) -->` right before a block: not run (it serves until Ctrl+C, or is the test command);
 *   `<!-- readme-test: background (why) -->`: a server the section needs, started before the section's other blocks.
 * - Comment lines right after a command, before a blank line, are its output. `…` (or `...`) stands for what varies;
 *   everything else must appear, in order. Comment lines after a blank line are prose.
 */

export type Directive = 'skip' | 'background'

export interface ShellBlock {
  /** The `## ` heading the block is under: sections stand alone, blocks of one section share a shell. */
  section: string
  /** 1-based line of the block's first line in the README. */
  line: number
  directive?: Directive
  text: string
}

export interface Step {
  /** 1-based README line where the command starts. */
  line: number
  command: string
  /** The output the README shows, one entry per comment line, without the `# `. */
  expected: string[]
}

export function shellBlocks(readme: string): ShellBlock[] {
  const lines = readme.split('\n')
  const blocks: ShellBlock[] = []
  let section = ''
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.startsWith('## ')) section = line.slice(3)
    if (line !== '```sh') continue
    const end = lines.indexOf('```', i + 1)
    const directive = lines[i - 1]?.match(/^<!-- readme-test: (skip|background) \(.+\) -->$/)?.[1] as Directive | undefined
    blocks.push({ section, line: i + 2, text: lines.slice(i + 1, end).join('\n'), ...(directive ? { directive } : {}) })
    i = end
  }
  return blocks
}

/**
 * Whether shell text leaves its command open: an unclosed quote, or a backslash at its end. A `#` after a blank
 * outside quotes starts a comment, to the end of its line (its quotes do not count).
 */
function continues(line: string): boolean {
  const open = { single: false, double: false }
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (open.single) {
      if (ch === "'") open.single = false
    } else if (ch === '\\') {
      if (i === line.length - 1) return true
      i++
    } else if (ch === "'" && !open.double) open.single = true
    else if (ch === '"') open.double = !open.double
    else if (ch === '#' && !open.double && (i === 0 || /\s/.test(line[i - 1]!))) {
      const end = line.indexOf('\n', i)
      if (end < 0) break
      i = end
    }
  }
  return open.single || open.double
}

export function steps(block: ShellBlock): Step[] {
  const result: Step[] = []
  const lines = block.text.split('\n')
  let current: Step | undefined
  let collecting: Step | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (current) {
      current.command += `\n${line}`
    } else if (line.trim() === '') {
      collecting = undefined
      continue
    } else if (line.startsWith('#')) {
      collecting?.expected.push(line.replace(/^#\s?/, ''))
      continue
    } else {
      current = { line: block.line + i, command: line, expected: [] }
    }
    if (!continues(current.command)) {
      result.push(current)
      collecting = current
      current = undefined
    }
  }
  if (current) throw new Error(`README line ${current.line}: a command that never ends (an unclosed quote?)`)
  return result
}

/** Why `actual` is not the output the README shows, or undefined when it is. */
export function mismatch(expected: string[], actual: string): string | undefined {
  if (expected.length === 0) {
    // No output shown: at least no error answer the README does not mention.
    const output = actual.trim()
    if (/^\{"errors?":/.test(output)) return `it answered an error the README does not show: ${output}`
    return undefined
  }
  const shown = expected.map((line) => line.trim())
  if (/^[{[]/.test(shown[0]!)) {
    // A JSON answer is one line (curl prints Graph's answers so); what may follow it is other output.
    const json = actual.trim().split('\n')[0]!
    try {
      JSON.parse(json)
    } catch {
      return `it printed no JSON document: ${json.slice(0, 300)}`
    }
    if (shown.length === 1 && !/…|\.\.\./.test(shown[0]!) && json !== shown[0]) return `it printed ${json}`
  }
  let from = 0
  for (const piece of shown.flatMap((line) => line.split(/…|\.\.\./)).filter((p) => p !== '')) {
    const at = actual.indexOf(piece, from)
    if (at < 0) {
      return `"${piece}" is not in what it printed${from > 0 ? ' (after what matched before)' : ''}: ${actual.slice(0, 600)}`
    }
    from = at + piece.length
  }
  return undefined
}
