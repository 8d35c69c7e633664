/**
 * The programmatic entry: `startEmulator(options)` → `{ url, client, close() }` (DESIGN). Tests start one per file
 * on a free port with an in-memory world; the CLI starts one on 4100 with a database file.
 */
import { createAdaptorServer } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { readFileSync } from 'node:fs'
import type { World } from './world/world.js'
import type { Ids } from './world/ids.js'
import { importWorld, WorldDocumentSchema, type WorldDocument } from './world/document.js'
import { createEmulatorApp } from './app.js'
import type { DeliveryOptions } from './webhooks/delivery.js'
import { Runtime } from './runtime/runtime.js'
import type { RetentionOptions } from '../lib/retention.js'
import { allowedHostNames } from '../lib/http-guard.js'
import { ControlClient } from './control/client.js'
import type { CompleteWorldDocument } from './control/types.js'
import { SAMPLE_SEED, SAMPLE_WORLD } from './world/sample-world.js'

export interface EmulatorOptions {
  /** 0 (the default here) picks a free port. */
  port?: number
  /** Defaults to 127.0.0.1: the emulator is not meant to be reachable from other machines. */
  host?: string
  /** A SQLite file, or ':memory:' (the default here). One emulator at a time per file. */
  db?: string
  /**
   * A world document, the path of a JSON file holding one, or 'sample' (the built-in sample world, SAMPLE_WORLD);
   * added only when the world is empty.
   */
  seed?: WorldDocument | string
  /** Webhook delivery: timeout (default 20 s, also used for the verification request), retry backoff, polling. */
  webhooks?: DeliveryOptions
  /** The id and secret generators (emulator/world/ids.ts), for tests that want predictable ones. */
  ids?: Ids
  /**
   * Enforce Facebook's written contract (`--strict`): every documented limit and required field is refused with
   * Facebook's error. By default the emulator is as lenient as production and says so in warnings.
   */
  strict?: boolean
  /**
   * How much of the request journal and the webhook log is kept: the newest `maxRows` of each (default 50,000) and
   * none older than `maxAgeMs` (default 7 days); 0 turns a limit off. Deliveries still pending are always kept.
   */
  retention?: RetentionOptions
  /**
   * Host names the emulator answers besides loopback names, IP addresses and `host`: a request for any other Host is
   * refused, so a web page cannot reach it through DNS rebinding (`--allowed-host`, EMULATOR_ALLOWED_HOSTS).
   */
  allowedHosts?: string[]
}

export interface RunningEmulator {
  /** Base URL of everything: Graph (`${url}/v21.0/me`), the dialog, the dashboard and `/_emulator`. */
  url: string
  /**
   * Answers a request in this process, without a socket, exactly as `url` would (Hono's `app.request`): for tests
   * that call the emulator from the same process. A relative path is taken against `url`.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>
  client: ControlClient
  world: World
  /** What the seed added, with every id, secret and PSID filled in (undefined when nothing was seeded). */
  seeded?: CompleteWorldDocument
  /** Whether every call is judged by Facebook's written contract (`strict`), not production's leniency. */
  strict: boolean
  close(): Promise<void>
}

export class EmulatorStartError extends Error {}

/** The port is taken; the command lines add how to choose another where their user is. */
export class PortInUseError extends EmulatorStartError {
  constructor(readonly port: number, readonly host: string) {
    super(`Port ${port} on ${host} is already in use. Stop what listens there, or choose another port (0 picks a ` +
      'free one).')
  }
}

/** A seed given as an object fails like a seed file does: an EmulatorStartError naming the first wrong field. */
function parseSeed(json: unknown, what: string): WorldDocument {
  const parsed = WorldDocumentSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new EmulatorStartError(`${what} is not a world document: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  return parsed.data
}

export function loadSeed(seed: WorldDocument | string): WorldDocument {
  if (seed === SAMPLE_SEED) return SAMPLE_WORLD
  if (typeof seed !== 'string') return parseSeed(seed, 'The seed')
  let text: string
  try {
    text = readFileSync(seed, 'utf8')
  } catch {
    throw new EmulatorStartError(`Cannot read the seed file ${seed}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new EmulatorStartError(`The seed file ${seed} is not valid JSON: ${(e as Error).message}`)
  }
  return parseSeed(json, `The seed file ${seed}`)
}

function isEmpty(world: World): boolean {
  return world.apps.list().length === 0 && world.accounts.list().length === 0 && world.pages.list().length === 0
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, host) : err)
    })
    server.listen(port, host, () => resolve(server.address() as AddressInfo))
  })
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1'
  const seedDoc = options.seed === undefined ? undefined : loadSeed(options.seed)
  const runtime = Runtime.open({
    db: options.db ?? ':memory:', ids: options.ids, webhooks: options.webhooks, strict: options.strict,
    retention: options.retention,
  })
  const { world } = runtime
  let seeded: CompleteWorldDocument | undefined
  try {
    if (seedDoc && isEmpty(world)) seeded = importWorld(world, seedDoc)
  } catch (e) {
    await runtime.close()
    throw new EmulatorStartError(`The seed could not be added: ${(e as Error).message}`)
  }
  const app = createEmulatorApp(runtime, { allowedHosts: allowedHostNames(host, options.allowedHosts) })
  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  let address: AddressInfo
  try {
    address = await listen(server, options.port ?? 0, host)
  } catch (e) {
    await runtime.close()
    throw e
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
  runtime.servingAt(url)
  // Deliveries left pending by an earlier run on this database go out now (DESIGN principle 5).
  runtime.start()
  return {
    url,
    fetch: async (input, init) =>
      app.request(typeof input === 'string' && input.startsWith('/') ? `${url}${input}` : input, init),
    client: new ControlClient(url),
    world,
    ...(seeded ? { seeded } : {}),
    strict: runtime.strict,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => void runtime.close().then(resolve))
    }),
  }
}

export { ControlClient, ControlApiError } from './control/client.js'
export { DatabaseInUseError } from '../lib/database-lock.js'
export { SAMPLE_WORLD } from './world/sample-world.js'
export type { WorldDocument } from './world/document.js'
export type * from './control/types.js'
