/**
 * The command-line helpers both CLIs share (lib/cli-options.ts), in process: which option a mistyped one is taken
 * for, and what parsing reads from flags, environment and defaults. The CLIs' own tests run the built commands.
 */
import { expect, test } from 'vitest'
import { editDistance, nearestWord, parseCommandLine, UsageError, type CliSpec } from '../lib/cli-options.js'

const OPTIONS = ['port', 'host', 'db', 'seed', 'graph-url', 'graph-version', 'help', 'version']

test.for([
  ['prot', 'port'], ['sed', 'seed'], ['dbb', 'db'], ['hots', 'host'], ['graph-ur', 'graph-url'], ['verison', 'version'],
  ['graph', undefined], ['verbose', undefined], ['x', undefined], ['seeds-file', undefined],
] as const)('--%s is taken for --%s', ([typed, meant]) => {
  expect(nearestWord(typed, OPTIONS)).toBe(meant)
})

test('a swap of two neighbours is one edit', () => {
  expect([editDistance('prot', 'port'), editDistance('port', 'port'), editDistance('', 'db'), editDistance('ab', 'ba')])
    .toEqual([1, 0, 2, 1])
})

const SPEC: CliSpec = {
  program: 'demo', summary: '', commands: [],
  options: [{ name: 'port', value: 'N', env: 'DEMO_PORT', default: '4100', description: '' },
    { name: 'help', short: 'h', description: '' }],
}

test('a flag wins over its environment variable, which wins over the default; an empty variable counts as unset', () => {
  expect(parseCommandLine(SPEC, ['--port', '1'], { DEMO_PORT: '2' }).values.port).toBe('1')
  expect(parseCommandLine(SPEC, [], { DEMO_PORT: '2' }).values.port).toBe('2')
  expect(parseCommandLine(SPEC, [], { DEMO_PORT: '' }).values.port).toBe('4100')
  expect(parseCommandLine(SPEC, ['-h'], {}).flags.help).toBe(true)
})

test('an unknown option is a UsageError naming the nearest known one', () => {
  expect(() => parseCommandLine(SPEC, ['--prot', '1'], {})).toThrow(new UsageError('Unknown option --prot. Did you mean --port?'))
})
