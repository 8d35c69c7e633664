/**
 * The adapter's command line as users run it (`node dist/adapter/cli.js`): `--help` lists every option with its
 * environment variable, `--version`, and mistakes answered with what was meant.
 */
import { expect, test } from 'vitest'
import { BUILT, runBuilt, testHelpAtTheEdges, withTakenPort } from '../support/built-cli.js'

const run = (args: string[]) => runBuilt(BUILT.adapter, args, { ADAPTER_PORT: '', ADAPTER_DB: '' })

testHelpAtTheEdges('messenger-adapter', run, ['messenger-adapter [options]',
  'messenger-adapter create-app [--name NAME] [--db PATH]', '--port N', 'env ADAPTER_PORT', '--host HOST',
  '--graph-url URL', 'env ADAPTER_GRAPH_URL', '--graph-version vN.N', '--public-url URL', 'env ADAPTER_PUBLIC_URL',
  '--db PATH|:memory:', 'env ADAPTER_DB', '--app-id ID', 'env ADAPTER_APP_ID', '--key-id KID', 'env ADAPTER_KEY_ID',
  '--key-secret SECRET', 'env ADAPTER_KEY_SECRET', '--name NAME', '--help, -h', '--version'], [
  [['--graph-ur', 'http://127.0.0.1:4100'], 'Unknown option --graph-ur. Did you mean --graph-url?'],
  [['--key'], 'Unknown option --key.'],
  [['creat-app'], 'Unknown command: creat-app. Did you mean create-app?'],
  [['--port=-1'], 'Invalid port: -1 (--port or ADAPTER_PORT takes a number from 0 to 65535; 0 picks a free port)'],
])

test('a taken port says how to choose another', async () => {
  await withTakenPort(async (port) => {
    const cli = run(['--port', String(port), '--db', ':memory:'])
    expect(await cli.exit).toBe(1)
    expect(cli.output.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use. Stop what listens there, or ` +
      'choose another port: --port N or ADAPTER_PORT=N (0 picks a free one).')
  })
})
