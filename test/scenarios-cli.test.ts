/**
 * `messenger-emulator scenarios [files or folders…]`: a project's own `*.scenario.ts` run as written (esbuild compiles
 * them, with what they import relatively; packages resolve from the project, here this package by its own name) next
 * to compiled `*.scenario.js`, with the runner's progress lines, report and exit codes.
 */
import { afterAll, beforeAll, test } from 'vitest'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUILT, ROOT, runBuilt } from './support/built-cli.js'

let dir: string
/** Apart, so that the folder's run does not find it. */
let broken: string

// Inside the repository, so that `messenger-emulator/scenarios` resolves (a package may import itself by name).
beforeAll(() => {
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true })
  dir = mkdtempSync(join(ROOT, 'test-artifacts', 'scenarios-cli-'))
  broken = join(mkdtempSync(join(ROOT, 'test-artifacts', 'scenarios-cli-broken-')), 'empty.scenario.ts')
  writeFileSync(broken, 'export const nothing: number = 1\n')
  mkdirSync(join(dir, 'bots'))
  writeFileSync(join(dir, 'bots', 'echo-bot.ts'), `
    import { createServer } from 'node:http'
    import type { AddressInfo } from 'node:net'
    import type { MessengerBotCoordinates } from 'messenger-emulator/testing'

    /** Answers every message with "Echo: <text>" through the Send API. */
    export async function startEchoBot(facebook: MessengerBotCoordinates) {
      const server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://bot')
        if (req.method === 'GET') return void res.end(url.searchParams.get('hub.challenge') ?? '')
        let raw = ''
        req.on('data', (c: Buffer) => { raw += c }).on('end', async () => {
          res.end()
          for (const entry of JSON.parse(raw).entry) for (const e of entry.messaging) {
            if (!e.message || e.message.is_echo) continue
            await fetch(\`\${facebook.graphUrl}/me/messages?access_token=\${facebook.pageToken}\`, {
              method: 'POST', headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ recipient: e.sender, messaging_type: 'RESPONSE', message: { text: \`Echo: \${e.message.text}\` } }),
            })
          }
        })
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return {
        webhookUrl: \`http://127.0.0.1:\${(server.address() as AddressInfo).port}/webhook\`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      }
    }
  `)
  writeFileSync(join(dir, 'echo.scenario.ts'), `
    import { scenario } from 'messenger-emulator/scenarios'
    import { startEchoBot } from './bots/echo-bot.js'

    const said: string = 'Hi'
    export default scenario('The echo bot echoes', async ({ stage }) => {
      const { person } = await stage({ messengerBot: startEchoBot })
      await person('Sam').says(said)
      await person('Sam').sees(\`Echo: \${said}\`)
    })
  `)
  writeFileSync(join(dir, 'silent.scenario.js'), `
    import { scenario } from 'messenger-emulator/scenarios'
    export default scenario('Nobody answers', async ({ stage }) => {
      const { person, scene } = await stage()
      scene.waitMs = 200
      await person('Sam').sees('an answer')
    })
  `)
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(join(broken, '..'), { recursive: true, force: true })
})

/** `messenger-emulator scenarios args…`: two node processes and esbuild, slow on a busy machine (the tests allow 60 s). */
const scenarios = (args: string[]) => runBuilt(BUILT.emulator, ['scenarios', ...args],
  { SCENARIO_REPORT: join(dir, 'report.html'), NO_COLOR: '1' })

test.concurrent('a folder: its .ts scenario runs as written, its .js one too; one failed, so exit status 1 and a report', { timeout: 60_000 }, async ({ expect }) => {
  const cli = scenarios([dir])
  expect(await cli.exit, cli.output.stderr).toBe(1)
  expect(cli.output.stdout).toContain('Running 2 scenarios, 4 at a time')
  expect(cli.output.stdout).toMatch(/✓ The echo bot echoes \(\d+ ms\)/)
  expect(cli.output.stdout).toMatch(/✗ Nobody answers \(\d+ ms\)\n {4}at step: Sam sees "an answer"\n {4}Timed out after 200 ms/)
  expect(cli.output.stdout).toMatch(/1 passed, 1 failed in \d+ ms/)
  expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('The echo bot echoes')
  // The compiled file went with the run.
  expect(readdirSync(dir).filter((f) => f.endsWith('.mjs'))).toEqual([])
})

test.concurrent('a folder and a name: only the scenarios matching it, all passed: exit status 0', { timeout: 60_000 }, async ({ expect }) => {
  const cli = scenarios([dir, 'echo'])
  expect(await cli.exit, cli.output.stdout + cli.output.stderr).toBe(0)
  expect(cli.output.stdout).toContain('Running 1 scenario, 4 at a time')
  expect(cli.output.stdout).toMatch(/1 passed, 0 failed/)
})

test.concurrent('a name nothing matches: exit status 2, with the scenarios there are', { timeout: 60_000 }, async ({ expect }) => {
  const cli = scenarios([dir, 'no-such-story'])
  expect(await cli.exit).toBe(2)
  expect(cli.output.stderr).toContain('No scenario matches no-such-story. Scenarios: echo, silent')
})

test.concurrent('a scenario file that exports no scenario says so', { timeout: 60_000 }, async ({ expect }) => {
  const cli = scenarios([broken])
  expect(await cli.exit).toBe(2)
  expect(cli.output.stderr).toContain('empty.scenario.ts has no default export made with scenario(name, run)')
})
