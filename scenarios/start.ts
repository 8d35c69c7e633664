#!/usr/bin/env node
/**
 * `npm start`: the whole local stack (DESIGN "Command line and environment"): the emulator on 4100 seeded with the
 * sample world (built in; examples/world.json), the adapter on 4200 pointed at it, and the sample bot on 4300 answering
 * every message; the seeded page is connected through the Integration API with a Token Generation page token (seed,
 * Quick Start). Prints where to click and how to make a person talk, and serves until Ctrl+C.
 * Env: EMULATOR_PORT, ADAPTER_PORT, BOT_PORT, SEED (world document path), and the adapter app and API key
 * ADAPTER_APP_ID, ADAPTER_KEY_ID, ADAPTER_KEY_SECRET (default: fixed demo values, so the printed curl commands work
 * every time; the stack listens on 127.0.0.1 only), and the platform's own Facebook app FACEBOOK_APP_ID,
 * FACEBOOK_APP_SECRET (default: generated), added to the emulator's world for the adapter dashboard's Authenticate.
 * Databases are in memory: each start is fresh.
 */
import { resolve } from 'node:path'
import { startSampleBot } from './sample-bot.js'
import { startStack } from './stack.js'
import { PortInUseError as EmulatorPortInUse } from '../emulator/index.js'
import { PortInUseError as AdapterPortInUse } from '../adapter/index.js'
import { portNumber, portTakenMessage } from '../lib/cli-options.js'

/** Each server's port and the variable that sets it: npm start takes no options, only these. */
const DEFAULT_PORTS = { EMULATOR_PORT: 4100, ADAPTER_PORT: 4200, BOT_PORT: 4300 }
type Ports = typeof DEFAULT_PORTS

function readPorts(): Ports {
  return Object.fromEntries(Object.entries(DEFAULT_PORTS).map(([variable, fallback]) =>
    [variable, portNumber(process.env[variable] || String(fallback), variable)])) as Ports
}

/** A taken port (the emulator's, the adapter's or the bot's), said with the variable that moves it elsewhere. */
function portTaken(err: unknown, ports: Ports): string | undefined {
  const node = err as { code?: string; port?: number; address?: string }
  const taken = err instanceof EmulatorPortInUse || err instanceof AdapterPortInUse ? err
    : node.code === 'EADDRINUSE' && node.port !== undefined ? { port: node.port, host: node.address ?? '' } : undefined
  const variable = Object.entries(ports).find(([, port]) => port === taken?.port)?.[0]
  return taken && variable ? portTakenMessage(taken.port, taken.host, `${variable}=0 npm start`) : undefined
}

/** Read in main(), so a port that is not a number is reported like any other start failure. */
let ports: Ports | undefined

async function main(): Promise<void> {
  ports = readPorts()
  const seed = process.env.SEED ? resolve(process.env.SEED) : 'sample'
  const { EMULATOR_PORT, ADAPTER_PORT, BOT_PORT } = ports
  const stack = await startStack({
    emulatorPort: EMULATOR_PORT, adapterPort: ADAPTER_PORT, world: seed,
    bot: (adapter) => startSampleBot(adapter, { port: BOT_PORT }),
    platformApp: { name: 'Sunshine Conversations', id: process.env.FACEBOOK_APP_ID, secret: process.env.FACEBOOK_APP_SECRET },
    adapterCredentials: {
      appId: process.env.ADAPTER_APP_ID ?? 'demo', keyId: process.env.ADAPTER_KEY_ID ?? 'app_demo',
      keySecret: process.env.ADAPTER_KEY_SECRET ?? 'demo-secret',
    },
    onWebhook: (w) => {
      const body = w.body as { events?: { type: string }[]; trigger?: string }
      if (w.path.endsWith('/v2')) console.log(`[business] webhook ${(body.events ?? []).map((e) => e.type).join(', ')}`)
    },
  })
  const { emulator, adapter, api, world } = stack
  const app = world.apps[0]
  const page = world.pages[0]
  const person = world.people[0]
  if (!app?.id || !app.secret || !page?.id || !person?.id) throw new Error(`${seed} needs an app, a page with an admin and a person`)
  const { access_token } = await emulator.client.pageToken(app.id, page.id)
  const created = await api.post('/v2/apps/{appId}/integrations',
    { type: 'messenger', pageAccessToken: access_token, appId: app.id, appSecret: app.secret, displayName: page.name })
  if (created.status !== 201) throw new Error(`Connecting ${page.name} failed: ${JSON.stringify(created.body)}`)

  console.log(`
Messenger Emulator stack is up.

  Facebook (emulator)   ${emulator.url}            Graph: ${emulator.url}/v21.0/…
  Dashboard             ${emulator.url}/
  ${`${person.firstName}'s thread`.padEnd(22)}${emulator.url}/dashboard/messenger?page=${page.id}&person=${person.id}
  Adapter API           ${adapter.url}/v2/apps/${adapter.appId}   (Basic ${adapter.keyId}:${adapter.keySecret})
  Adapter dashboard     ${adapter.dashboardUrl}   (log in with ${adapter.keyId} / ${adapter.keySecret})
  Platform Facebook app "${stack.platformApp?.name}" ${stack.platformApp?.id}: Integrations › Authenticate logs in with it
  Sample bot            ${stack.bot?.webhookUrl}   (answers every message)
  Page "${page.name}" is connected: integration ${created.body.integration.id}

Make ${person.firstName} talk, then look at the thread:
  curl -s -X POST ${emulator.url}/_emulator/people/${person.id}/actions -H 'content-type: application/json' \\
    -d '{"type":"text","pageId":"${page.id}","text":"Hi there"}'
  curl -s ${emulator.url}/_emulator/people/${person.id}/threads/${page.id}
Tap the bot's quick reply:
  curl -s -X POST ${emulator.url}/_emulator/people/${person.id}/actions -H 'content-type: application/json' \\
    -d '{"type":"quick_reply","pageId":"${page.id}","index":0}'
The business side (integrations; Sam's conversation id is in every webhook the bot gets):
  curl -s -u ${adapter.keyId}:${adapter.keySecret} ${adapter.url}/v2/apps/${adapter.appId}/integrations

Ctrl+C stops everything.`)

  const stop = () => {
    void stack.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(`Could not start the stack: ${(ports && portTaken(err, ports)) ??
    (err instanceof Error ? err.message : String(err))}`)
  process.exit(1)
})
