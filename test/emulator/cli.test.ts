/**
 * The command line (DESIGN "Command line and environment"), spawned as users run it: `node dist/emulator/cli.js`
 * (built by test/global-setup.ts). Start and banner, clean shutdown on SIGINT/SIGTERM, a restart on the same file,
 * one emulator per database file, clear failures and hints, `--help`, `--version`, and `exec -- <command>`.
 */
import { describe, expect, test } from 'vitest'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUILT, ROOT, runBuilt, testHelpAtTheEdges, withTakenPort, type Cli } from '../support/built-cli.js'

const SEED = join(ROOT, 'examples', 'world.json')

const run = (args: string[]) => runBuilt(BUILT.emulator, args, { EMULATOR_PORT: '', EMULATOR_DB: '', EMULATOR_STRICT: '' })

/** Starts the server and waits for its banner; answers the Graph base URL it printed. */
async function serve(args: string[]): Promise<Cli & { url: string }> {
  const cli = run(['--port', '0', ...args])
  await expect.poll(() => cli.output.stdout, { timeout: 5000 }).toContain('Press Ctrl+C to stop.')
  const url = cli.output.stdout.match(/Graph API\s+(http:\/\/127\.0\.0\.1:\d+)\/v21\.0/)![1]!
  return { ...cli, url }
}

function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'))
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }))
}

describe('messenger-emulator', () => {
  test('prints the Graph and dashboard URLs and the seeded credentials; SIGINT stops it with 0', async () => {
    const cli = await serve(['--db', ':memory:', '--seed', SEED])
    const out = cli.output.stdout
    expect(out).toContain(`Dashboard    ${cli.url}/`)
    expect(out).toContain(`Control API  ${cli.url}/_emulator`)
    expect(out).toMatch(/app id\s+1234567890123456/)
    expect(out).toMatch(/app secret\s+0123456789abcdef0123456789abcdef/)
    const pageToken = out.match(/page token\s+(EAA\S+)/)![1]!
    expect(await (await fetch(`${cli.url}/_emulator/health`)).json()).toEqual({ status: 'ok' })
    expect(await (await fetch(`${cli.url}/v21.0/me?access_token=${pageToken}`)).json())
      .toEqual({ id: '200000000000001', name: 'Acme' })

    expect(out).toContain('Judged as    production does (lenient where Facebook is, with warnings')

    cli.child.kill('SIGINT')
    expect(await cli.exit).toBe(0)
  })

  test('--strict judges every call by the written contract, and says so', async () => {
    const cli = await serve(['--db', ':memory:', '--seed', SEED, '--strict'])
    expect(cli.output.stdout).toContain('Judged as    the docs say (--strict: every documented limit refused)')
    const pageToken = cli.output.stdout.match(/page token\s+(EAA\S+)/)![1]!
    const res = await fetch(`${cli.url}/me/messages?access_token=${pageToken}`, { method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: { id: '4000000000000001' }, message: { text: 'hi' } }) })
    expect((await res.json()).error.message).toBe('(#100) The parameter messaging_type is required')
    cli.child.kill('SIGINT')
    expect(await cli.exit).toBe(0)
  })

  test('SIGTERM closes the database cleanly; a restart on the same file keeps the world, and says why a seed was not ' +
    'added', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'world.db')
      // `sample` is the built-in sample world: examples/world.json's.
      const first = await serve(['--db', db, '--seed', 'sample'])
      expect(first.output.stdout).toContain('(seeded now)')
      expect(first.output.stdout).toMatch(/app id\s+1234567890123456/)
      expect(first.output.stdout).toContain('Page "Acme"  id 200000000000001')
      await fetch(`${first.url}/_emulator/clock`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceSeconds": 3600}',
      })
      first.child.kill('SIGTERM')
      expect(await first.exit).toBe(0)
      // SQLite removes the write-ahead log when the last connection closes cleanly.
      expect(existsSync(`${db}-wal`)).toBe(false)

      const second = await serve(['--db', db, '--seed', SEED])
      expect(second.output.stdout).not.toContain('(seeded now)')
      expect(second.output.stdout).toMatch(/app id\s+1234567890123456/)
      expect((await (await fetch(`${second.url}/_emulator/clock`)).json()).offsetSeconds).toBe(3600)
      expect(second.output.stdout.match(/The seed .* was not added[^\n]*/g)).toEqual([`The seed ${SEED} was not added: ` +
        `${db} already holds a world (1 app, 1 page, 2 people), and a seed only fills an empty one. For a fresh world ` +
        `use another --db (or --db :memory:), or empty this one (curl -X POST ${second.url}/_emulator/reset) and ` +
        'start again.'])
      second.child.kill('SIGTERM')
      expect(await second.exit).toBe(0)
    })
  })

  test('a taken port is a clear message and a non-zero exit', async () => {
    await withTakenPort(async (port) => {
      const cli = run(['--port', String(port), '--db', ':memory:'])
      expect(await cli.exit).not.toBe(0)
      expect(cli.output.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use. Stop what listens there, or ` +
        'choose another port: --port N or EMULATOR_PORT=N (0 picks a free one).')
    })
  })

  test.for([
    ['a missing seed file', 'missing.json', undefined, /Cannot read the seed file .*missing\.json/],
    ['a seed that is not JSON', 'broken.json', '{"apps": [', /is not valid JSON/],
    ['a seed that is not a world document', 'wrong.json', '{"apps": [{"id": "x", "name": "A"}]}', /apps\.0\.id/],
    ['a seed with a reference to nothing', 'ref.json', '{"pages": [{"name": "P", "admins": ["Nobody"]}]}',
      /No account "Nobody"/],
  ] as const)('%s is a clear message and a non-zero exit', async ([, name, content, message]) => {
    await withTempDir(async (dir) => {
      const seed = join(dir, name)
      if (content !== undefined) writeFileSync(seed, content)
      const cli = run(['--port', '0', '--db', ':memory:', '--seed', seed])
      expect(await cli.exit).not.toBe(0)
      expect(cli.output.stderr).toMatch(message)
      expect(cli.output.stdout).not.toContain('Messenger Emulator is running')
    })
  })

  test('a port that is not a number is refused', async () => {
    const cli = run(['--port', 'eighty', '--db', ':memory:'])
    expect(await cli.exit).not.toBe(0)
    expect(cli.output.stderr).toContain('Invalid port: eighty')
  })
})

describe('one emulator per database file', () => {
  test('a second one refuses, naming the first; after a SIGKILL the stale lock does not block the next', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'world.db')
      const first = await serve(['--db', db])
      expect(first.output.stdout).toContain('The world is empty. Start with --seed sample')
      const second = run(['--port', '0', '--db', db])
      expect(await second.exit).toBe(2)
      expect(second.output.stderr).toContain(`The database ${db} is in use by another emulator (pid ${first.child.pid}, ` +
        `${first.url}, since `)
      expect(second.output.stderr).toContain('Stop that one, or use another database (--db PATH, or --db :memory:).')

      first.child.kill('SIGKILL')
      await first.exit
      expect(existsSync(`${db}.lock`)).toBe(true)
      const third = await serve(['--db', db])
      third.child.kill('SIGTERM')
      expect(await third.exit).toBe(0)
      expect(existsSync(`${db}.lock`)).toBe(false)
    })
  })
})

describe('help at the edges', () => {
  testHelpAtTheEdges('messenger-emulator', run, ['messenger-emulator [options]',
    'messenger-emulator exec [options] -- <command …>', '--port N', 'default 4100, env EMULATOR_PORT', '--host HOST',
    '--db PATH|:memory:', 'env EMULATOR_DB', '--seed FILE|sample', '--help, -h', '--version'], [
    [['--prot', '4100'], 'Unknown option --prot. Did you mean --port?'],
    [['exce', '--', 'true'], 'Unknown command: exce. Did you mean exec?'],
    [['exec', 'npm', 'test', '-w', 'x'],
      'exec needs the command after --, e.g. messenger-emulator exec --seed sample -- npm test'],
  ])

  test('npm start with a taken port names the variable that moves it: npm start takes no --port', async () => {
    await withTakenPort(async (port) => {
      const start = runBuilt(BUILT.start, [], { EMULATOR_PORT: String(port), ADAPTER_PORT: '0', BOT_PORT: '0' })
      expect(await start.exit).toBe(1)
      expect(start.output.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use. Stop what listens there, ` +
        'or choose another port: EMULATOR_PORT=0 npm start (0 picks a free one).')
    })
  })
})

describe('messenger-emulator exec', () => {
  test.for([0, 3])('exits with the command\'s status (%i) and gives it MESSENGER_EMULATOR_URL', async (status) => {
    // The command checks the emulator is reachable at the URL it was given before exiting with `status`.
    const script = `fetch(process.env.MESSENGER_EMULATOR_URL + '/_emulator/health').then((r) => r.json())
      .then((b) => process.exit(b.status === 'ok' ? ${status} : 99), () => process.exit(98))`
    const cli = run(['exec', '--port', '0', '--db', ':memory:', '--seed', SEED, '--', process.execPath, '-e', script])
    expect(await cli.exit).toBe(status)
  })

  test('without a command it says what to write', async () => {
    const cli = run(['exec', '--port', '0', '--db', ':memory:', '--'])
    expect(await cli.exit).not.toBe(0)
    expect(cli.output.stderr).toContain('exec needs the command after --')
  })
})
