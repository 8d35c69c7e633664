/**
 * The adapter's command line as users run it (`node dist/adapter/cli.js`): `--help` lists every option with its
 * environment variable, `--version`, and mistakes answered with what was meant.
 */
import { expect, test } from 'vitest'
import { createServer, type AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUILT, ROOT, runBuilt } from '../support/built-cli.js'

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
const run = (args: string[]) => runBuilt(BUILT.adapter, args, { ADAPTER_PORT: '', ADAPTER_DB: '' })

test.concurrent('--help lists the commands, every option and its environment variable', async () => {
  const cli = run(['--help'])
  expect(await cli.exit).toBe(0)
  const help = cli.output.stdout
  expect(help).toContain(`messenger-adapter ${VERSION}:`)
  for (const text of ['messenger-adapter [options]', 'messenger-adapter create-app [--name NAME] [--db PATH]',
    '--port N', 'env ADAPTER_PORT', '--host HOST', '--graph-url URL', 'env ADAPTER_GRAPH_URL', '--graph-version vN.N',
    '--public-url URL', 'env ADAPTER_PUBLIC_URL', '--db PATH|:memory:', 'env ADAPTER_DB', '--app-id ID',
    'env ADAPTER_APP_ID', '--key-id KID', 'env ADAPTER_KEY_ID', '--key-secret SECRET', 'env ADAPTER_KEY_SECRET',
    '--name NAME', '--help, -h', '--version']) expect(help).toContain(text)
})

test.concurrent('--version prints the version of package.json', async () => {
  const cli = run(['--version'])
  expect(await cli.exit).toBe(0)
  expect(cli.output.stdout).toBe(`${VERSION}\n`)
})

test.concurrent.for([
  [['--prot', '4200'], 'Unknown option --prot. Did you mean --port?'],
  [['--graph-ur', 'http://127.0.0.1:4100'], 'Unknown option --graph-ur. Did you mean --graph-url?'],
  [['--key'], 'Unknown option --key.'],
  [['creat-app'], 'Unknown command: creat-app. Did you mean create-app?'],
  [['--port=-1'], 'Invalid port: -1 (--port or ADAPTER_PORT takes a number from 0 to 65535; 0 picks a free port)'],
] as const)('%j: says what was meant, then the usage; exit status 2', async ([args, message]) => {
  const cli = run([...args])
  expect(await cli.exit).toBe(2)
  expect(cli.output.stderr).toContain(`messenger-adapter: ${message}`)
  expect(cli.output.stderr).toContain('Every option: messenger-adapter --help')
})

test('a taken port says how to choose another', async () => {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const port = (blocker.address() as AddressInfo).port
  try {
    const cli = run(['--port', String(port), '--db', ':memory:'])
    expect(await cli.exit).toBe(1)
    expect(cli.output.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use. Stop what listens there, or ` +
      'choose another port: --port N or ADAPTER_PORT=N (0 picks a free one).')
  } finally {
    blocker.close()
  }
})
