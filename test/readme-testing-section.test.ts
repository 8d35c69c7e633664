/**
 * The README's "Testing your bot" shows the example projects' real code: each ```ts block there that starts with
 * `// examples/<file>` is that file's text, whole or a contiguous part of it (test/examples.test.ts runs the files).
 */
import { expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './support/built-cli.js'

const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const section = README.split('\n## Testing your bot\n')[1]!.split('\n## ')[0]!
const blocks = [...section.matchAll(/```ts\n\/\/ (examples\/\S+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const)

test('the section shows code of both example projects', () => {
  expect(new Set(blocks.map(([file]) => file.split('/')[1]))).toEqual(new Set(['messenger-bot', 'sunshine-bot']))
})

test.for(blocks)('%s: the README shows the file as it is', ([file, code]) => {
  expect(readFileSync(join(ROOT, file), 'utf8')).toContain(code)
})
