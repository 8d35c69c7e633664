#!/usr/bin/env node
/**
 * `messenger-adapter [--port 4200] [--host 127.0.0.1] [--graph-url URL] [--graph-version v21.0] [--public-url URL]
 *   [--db PATH | :memory:] [--app-id ID --key-id KID --key-secret SECRET]`
 * `messenger-adapter create-app [--name NAME] [--db PATH]`: a new app with an API key, printed once.
 * Env: ADAPTER_PORT, ADAPTER_DB, ADAPTER_GRAPH_URL, ADAPTER_PUBLIC_URL, ADAPTER_APP_ID, ADAPTER_KEY_ID, ADAPTER_KEY_SECRET.
 */
import { parseArgs } from 'node:util'
import { createApp } from './runtime/bootstrap.js'
import { systemClock } from './runtime/clock.js'
import { defaultIds } from './runtime/ids.js'
import { DEFAULT_GRAPH_URL, DEFAULT_GRAPH_VERSION, PortInUseError, startAdapter } from './index.js'
import { createStore } from './store/store.js'
import { retentionFromCli } from '../lib/retention.js'
import { allowedHostNames } from '../lib/http-guard.js'

const DEFAULT_DB = '.messenger-adapter/adapter.db'
const env = process.env

const USAGE = `Usage:
  messenger-adapter [--port 4200] [--host 127.0.0.1] [--graph-url ${DEFAULT_GRAPH_URL}] [--graph-version ${DEFAULT_GRAPH_VERSION}]
                    [--public-url URL] [--db ${DEFAULT_DB} | :memory:] [--app-id ID --key-id KID --key-secret SECRET]
  messenger-adapter create-app [--name NAME] [--db ${DEFAULT_DB}]`

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string' }, host: { type: 'string' }, 'graph-url': { type: 'string' },
        'graph-version': { type: 'string' }, 'public-url': { type: 'string' }, db: { type: 'string' },
        'app-id': { type: 'string' }, 'key-id': { type: 'string' }, 'key-secret': { type: 'string' },
        name: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        'retain-rows': { type: 'string' }, 'retain-days': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
      },
    })
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`)
    return 2
  }
  const { values: v, positionals } = parsed
  if (v.help) {
    console.log(USAGE)
    return 0
  }
  const db = v.db ?? env.ADAPTER_DB ?? DEFAULT_DB

  if (positionals[0] === 'create-app') {
    const store = createStore(db)
    const creds = createApp(store, defaultIds, systemClock, v.name ?? 'Messenger adapter app')
    store.close()
    console.log(`Created app ${creds.appId} in ${db}
  API key id:     ${creds.keyId}
  API key secret: ${creds.keySecret}
Keep the secret: it is shown once here (and by GET /v2/apps/${creds.appId}/keys/${creds.keyId}).`)
    return 0
  }
  if (positionals.length > 0) {
    console.error(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`)
    return 2
  }

  const port = Number(v.port ?? env.ADAPTER_PORT ?? 4200)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number between 0 and 65535 (got ${v.port})`)
    return 2
  }
  const retention = retentionFromCli(v['retain-rows'] ?? env.ADAPTER_RETAIN_ROWS, v['retain-days'] ?? env.ADAPTER_RETAIN_DAYS)
  if (!retention.ok) {
    console.error(retention.error)
    return 2
  }
  const graphUrl = v['graph-url'] ?? env.ADAPTER_GRAPH_URL ?? DEFAULT_GRAPH_URL
  let adapter
  try {
    adapter = await startAdapter({
      port, db, graphUrl,
      ...(v.host ? { host: v.host } : {}),
      graphVersion: v['graph-version'] ?? DEFAULT_GRAPH_VERSION,
      ...((v['public-url'] ?? env.ADAPTER_PUBLIC_URL) ? { publicUrl: (v['public-url'] ?? env.ADAPTER_PUBLIC_URL)! } : {}),
      appId: v['app-id'] ?? env.ADAPTER_APP_ID,
      keyId: v['key-id'] ?? env.ADAPTER_KEY_ID,
      keySecret: v['key-secret'] ?? env.ADAPTER_KEY_SECRET,
      retention: retention.retention,
      allowedHosts: allowedHostNames(v['allowed-host'], env.ADAPTER_ALLOWED_HOSTS),
    })
  } catch (err) {
    if (err instanceof PortInUseError) console.error(err.message)
    else console.error(`Could not start the adapter: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
  const publicUrl = v['public-url'] ?? env.ADAPTER_PUBLIC_URL ?? adapter.url
  const basic = Buffer.from(`${adapter.keyId}:${adapter.keySecret}`).toString('base64')
  console.log(`Messenger adapter listening on ${adapter.url}
  Graph API:        ${graphUrl} (${v['graph-version'] ?? DEFAULT_GRAPH_VERSION})
  Webhook base:     ${publicUrl}/webhooks/messenger/{integrationId}
  Database:         ${db}
  App id:           ${adapter.appId}
  API key id:       ${adapter.keyId}
  API key secret:   ${adapter.keySecret}

Next:
  1. Register your business webhook:
     curl -s -X POST ${adapter.url}/v2/apps/${adapter.appId}/integrations -H 'authorization: Basic ${basic}' \\
       -H 'content-type: application/json' \\
       -d '{"type":"custom","webhooks":[{"target":"http://127.0.0.1:3000/hook","triggers":["conversation:message"]}]}'
  2. Connect a Facebook page (page access token, Facebook app id and secret):
     curl -s -X POST ${adapter.url}/v2/apps/${adapter.appId}/integrations -H 'authorization: Basic ${basic}' \\
       -H 'content-type: application/json' \\
       -d '{"type":"messenger","pageAccessToken":"…","appId":"…","appSecret":"…"}'
Press Ctrl+C to stop.`)
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`\n${signal} received, closing…`)
      resolve()
    }
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
  })
  await adapter.close()
  return 0
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err)
  process.exit(1)
})
