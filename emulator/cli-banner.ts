/**
 * What the CLI prints on start: where Graph, the dashboard and the control API are, the world's credentials (app
 * id and secret, pages and a ready page token), and what to try next; a seed that was not added, and why.
 */
import type { RunningEmulator } from './index.js'
import { generatePageToken } from './login/token-issuer.js'

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function describeStart(emulator: RunningEmulator, options: { db: string; seed?: string }): string {
  const { url, world } = emulator
  const { db } = options
  const apps = world.apps.list()
  const pages = world.pages.list()
  const lines = [
    'Messenger Emulator is running.',
    '',
    `  Graph API    ${url}/v21.0   (any version prefix, or none)`,
    `  Login dialog ${url}/v21.0/dialog/oauth?client_id=…&redirect_uri=…`,
    `  Dashboard    ${url}/`,
    `  Control API  ${url}/_emulator`,
    `  World        ${db === ':memory:' ? 'in memory' : db}${emulator.seeded ? ' (seeded now)' : ''}`,
    `  Judged as    ${emulator.strict ? 'the docs say (--strict: every documented limit refused)'
      : 'production does (lenient where Facebook is, with warnings; --strict for the docs)'}`,
    '',
  ]
  if (options.seed && !emulator.seeded) {
    lines.push(`The seed ${options.seed} was not added: ${db} already holds a world (${count(apps.length, 'app')}, ` +
      `${count(pages.length, 'page')}, ${count(world.people.list().length, 'person', 'people')}), ` +
      'and a seed only fills an empty one. For a fresh world use another --db (or --db :memory:), or empty this one ' +
      `(curl -X POST ${url}/_emulator/reset) and start again.`, '')
  }
  if (apps.length === 0) {
    lines.push('The world is empty. Start with --seed sample for the sample world of the README (an app, a page, ' +
      'its owner, two people), or add a world document:',
    `  curl -X POST ${url}/_emulator/world -H 'content-type: application/json' -d @world.json`, '')
  }
  for (const app of apps) {
    lines.push(`App "${app.name}"`, `  app id      ${app.id}`, `  app secret  ${app.secret}`,
      `  app token   ${app.id}|${app.secret}`)
  }
  const app = apps[0]
  for (const page of pages) {
    lines.push(`Page "${page.name}"  id ${page.id}${page.eea ? '  (EEA)' : ''}`)
    const admin = world.pages.admins(page.id)[0]
    // Only a world seeded just now gets a ready token (as Token Generation gives it): minting one on every restart
    // would grant the app access again after the owner removed it in Business Integrations.
    if (app && admin && emulator.seeded) {
      lines.push(`  page token  ${generatePageToken(world, app.id, admin, page.id).token}`)
    }
  }
  if (app && pages[0]) {
    lines.push('', 'Try:', emulator.seeded
      ? `  curl '${url}/v21.0/me?access_token=<page token>'`
      : `  curl -X POST ${url}/_emulator/apps/${app.id}/page-tokens -H 'content-type: application/json' ` +
        `-d '{"pageId":"${pages[0].id}"}'   # a page token, as Token Generation gives it`)
  }
  lines.push('', 'Press Ctrl+C to stop.')
  return lines.join('\n')
}
