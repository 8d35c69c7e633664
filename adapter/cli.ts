#!/usr/bin/env node
/**
 * `messenger-adapter [--port 4200] [--host 127.0.0.1] [--graph-url URL] [--graph-version v21.0] [--public-url URL]
 *   [--db PATH | :memory:] [--app-id ID --key-id KID --key-secret SECRET]
 *   [--account-key-id KID --account-key-secret SECRET]`
 * `messenger-adapter create-app [--name NAME] [--db PATH]`: a new app with an API key, printed once.
 * `--help` lists every option and its environment variable, from the description below.
 */
import { createApp } from './runtime/bootstrap.js'
import { systemClock } from './runtime/clock.js'
import { defaultIds } from './runtime/ids.js'
import { DEFAULT_GRAPH_URL, DEFAULT_GRAPH_VERSION, PortInUseError, startAdapter } from './index.js'
import { createStore } from './store/store.js'
import {
  guardAndRetentionOptions, HELP_OPTIONS, helpText, packageVersion, parseCommandLine, portNumber, portTakenMessage,
  SERVE_COMMAND, serverOptions, unknownCommand, usageFailure, UsageError, type CliSpec, type CommandLine,
} from '../lib/cli-options.js'
import { retentionFromCli, type RetentionOptions } from '../lib/retention.js'
import { allowedHostNames } from '../lib/http-guard.js'

const PORT_VARIABLE = 'ADAPTER_PORT'

const CLI: CliSpec = {
  program: 'messenger-adapter',
  summary: 'a Sunshine-Conversations-style platform with a Facebook Messenger channel',
  commands: [
    SERVE_COMMAND,
    { usage: 'create-app [--name NAME] [--db PATH]', description: 'create another app with an API key, printed once' },
  ],
  options: [
    ...serverOptions(PORT_VARIABLE, 4200),
    { name: 'graph-url', value: 'URL', env: 'ADAPTER_GRAPH_URL', default: DEFAULT_GRAPH_URL,
      description: "Facebook's Graph API, or an emulator's URL" },
    { name: 'graph-version', value: 'vN.N', default: DEFAULT_GRAPH_VERSION,
      description: 'the Graph API version to call' },
    { name: 'public-url', value: 'URL', env: 'ADAPTER_PUBLIC_URL',
      description: "where Facebook reaches the adapter's webhook (default: the adapter's own URL)" },
    { name: 'db', value: 'PATH|:memory:', env: 'ADAPTER_DB', default: '.messenger-adapter/adapter.db',
      description: "the adapter's SQLite file, or :memory:" },
    { name: 'app-id', value: 'ID', env: 'ADAPTER_APP_ID',
      description: 'the app to make sure exists (default: the first stored one, or a new one)' },
    { name: 'key-id', value: 'KID', env: 'ADAPTER_KEY_ID', description: "that app's API key id" },
    { name: 'key-secret', value: 'SECRET', env: 'ADAPTER_KEY_SECRET', description: "that API key's secret" },
    { name: 'account-key-id', value: 'KID', env: 'ADAPTER_ACCOUNT_KEY_ID',
      description: 'the account key to make sure exists (it manages apps and their keys; default: the first stored one, ' +
        'or a new one)' },
    { name: 'account-key-secret', value: 'SECRET', env: 'ADAPTER_ACCOUNT_KEY_SECRET',
      description: "that account key's secret" },
    { name: 'facebook-app-id', value: 'ID', env: 'FACEBOOK_APP_ID',
      description: "the platform's own Facebook app, with which the dashboard's Authenticate runs Facebook Login" },
    { name: 'facebook-app-secret', value: 'SECRET', env: 'FACEBOOK_APP_SECRET', description: "that Facebook app's secret" },
    { name: 'name', value: 'NAME', default: 'Messenger adapter app', description: 'create-app: the new app\'s name' },
    ...guardAndRetentionOptions('ADAPTER'),
    ...HELP_OPTIONS,
  ],
}

function parse(argv: string[]): CommandLine {
  const line = parseCommandLine(CLI, argv)
  const [command, ...extra] = line.positionals
  if (command !== undefined && (command !== 'create-app' || extra.length > 0)) {
    throw unknownCommand(line.positionals, ['create-app'])
  }
  return line
}

async function main(): Promise<number> {
  let parsed: CommandLine
  let port: number
  let retention: RetentionOptions
  try {
    parsed = parse(process.argv.slice(2))
    port = portNumber(parsed.values.port, `--port or ${PORT_VARIABLE}`)
    const judged = retentionFromCli(parsed.values['retain-rows'], parsed.values['retain-days'])
    if (!judged.ok) throw new UsageError(judged.error)
    retention = judged.retention
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    console.error(usageFailure(CLI, err))
    return 2
  }
  const { values: v, flags, positionals } = parsed
  if (flags.help || flags.version) {
    console.log(flags.help ? helpText(CLI, packageVersion(import.meta.url)) : packageVersion(import.meta.url))
    return 0
  }
  const db = v.db!

  if (positionals[0] === 'create-app') {
    const store = createStore(db)
    const creds = createApp(store, defaultIds, systemClock, v.name!)
    store.close()
    console.log(`Created app ${creds.appId} in ${db}
  API key id:     ${creds.keyId}
  API key secret: ${creds.keySecret}
Keep the secret: it is shown once here (and by GET /v2/apps/${creds.appId}/keys/${creds.keyId} with the account key).`)
    return 0
  }
  const graphUrl = v['graph-url']!
  const publicUrl = v['public-url']
  const [facebookAppId, facebookAppSecret] = [v['facebook-app-id'], v['facebook-app-secret']]
  if (Boolean(facebookAppId) !== Boolean(facebookAppSecret)) {
    console.error(usageFailure(CLI, new UsageError('--facebook-app-id and --facebook-app-secret go together: give both, or neither')))
    return 2
  }
  let adapter
  try {
    adapter = await startAdapter({
      port, db, graphUrl, host: v.host!, graphVersion: v['graph-version']!,
      ...(publicUrl ? { publicUrl } : {}),
      appId: v['app-id'], keyId: v['key-id'], keySecret: v['key-secret'],
      accountKeyId: v['account-key-id'], accountKeySecret: v['account-key-secret'],
      retention, allowedHosts: allowedHostNames(parsed.lists['allowed-host']),
      ...(facebookAppId && facebookAppSecret ? { facebookApp: { id: facebookAppId, secret: facebookAppSecret } } : {}),
    })
  } catch (err) {
    if (err instanceof PortInUseError) console.error(portTakenMessage(err.port, err.host, `--port N or ${PORT_VARIABLE}=N`))
    else console.error(`Could not start the adapter: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
  const basic = Buffer.from(`${adapter.keyId}:${adapter.keySecret}`).toString('base64')
  console.log(`Messenger adapter listening on ${adapter.url}
  Graph API:        ${graphUrl} (${v['graph-version']})
  Webhook base:     ${publicUrl ?? adapter.url}/webhooks/messenger/{integrationId}
  Database:         ${db}
  App id:           ${adapter.appId}
  API key id:       ${adapter.keyId}
  API key secret:   ${adapter.keySecret}
  Account key:      ${adapter.accountKeyId} / ${adapter.accountKeySecret} (manages apps and app keys)
  Dashboard:        ${adapter.dashboardUrl} (log in with an API key id and secret)${facebookAppId ? '' : `
                    (Messenger's Authenticate needs --facebook-app-id and --facebook-app-secret)`}

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
