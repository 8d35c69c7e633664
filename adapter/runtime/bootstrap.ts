/**
 * The first app, its API key and the account's key: made sure to exist at start when given (`--app-id --key-id
 * --key-secret`, `--account-key-id --account-key-secret`, or the matching ADAPTER_* variables), otherwise the first
 * stored ones are used, or new ones are generated. The account key reaches every app and is the one that creates,
 * lists, updates and deletes apps and their keys (conversations-api.md §1.2, §3).
 */
import type { Clock } from './clock.js'
import type { Ids } from './ids.js'
import type { AppRow } from '../store/apps.js'
import type { Store } from '../store/store.js'

export interface Credentials { appId: string; keyId: string; keySecret: string }
export interface AccountCredentials { accountKeyId: string; accountKeySecret: string }
export interface CredentialsInput {
  appId?: string | undefined
  keyId?: string | undefined
  keySecret?: string | undefined
  appName?: string | undefined
  accountKeyId?: string | undefined
  accountKeySecret?: string | undefined
}

export function newApp(id: string, displayName: string, createdAt: string): AppRow {
  return { id, displayName, settings: {}, metadata: {}, createdAt }
}

export function ensureCredentials(store: Store, ids: Ids, clock: Clock, input: CredentialsInput = {}):
  Credentials & AccountCredentials & { created: boolean } {
  const at = new Date(clock.now()).toISOString()
  return store.tx(() => ({ ...ensureAppKey(store, ids, at, input), ...ensureAccountKey(store, ids, at, input) }))
}

function ensureAppKey(store: Store, ids: Ids, at: string, input: CredentialsInput): Credentials & { created: boolean } {
  let created = false
  let appId = input.appId
  if (!appId) appId = input.keyId ? store.apps.getKey(input.keyId)?.appId : undefined
  if (!appId && !input.keyId) appId = store.apps.list()[0]?.id
  if (!appId) appId = ids.record()
  if (!store.apps.get(appId)) {
    store.apps.create(newApp(appId, input.appName ?? 'Messenger adapter app', at))
    created = true
  }
  if (input.keyId) {
    const existing = store.apps.getKey(input.keyId)
    if (existing && existing.appId !== appId) throw new Error(`API key ${input.keyId} belongs to app ${existing.appId}, not ${appId}`)
    if (existing && input.keySecret && existing.secret !== input.keySecret) {
      throw new Error(`API key ${input.keyId} exists with a different secret`)
    }
    if (existing) return { appId, keyId: existing.id, keySecret: existing.secret, created }
    const keySecret = input.keySecret ?? ids.secret()
    store.apps.createKey({ id: input.keyId, appId, secret: keySecret, displayName: null, createdAt: at })
    return { appId, keyId: input.keyId, keySecret, created: true }
  }
  const key = store.apps.listKeys(appId)[0]
    ?? store.apps.createKey({ id: ids.keyId(), appId, secret: input.keySecret ?? ids.secret(), displayName: null, createdAt: at })
  if (key.createdAt === at) created = true
  return { appId, keyId: key.id, keySecret: key.secret, created }
}

function ensureAccountKey(store: Store, ids: Ids, at: string, input: CredentialsInput): AccountCredentials {
  if (input.accountKeyId) {
    const existing = store.apps.getAccountKey(input.accountKeyId)
    if (existing && input.accountKeySecret && existing.secret !== input.accountKeySecret) {
      throw new Error(`Account key ${input.accountKeyId} exists with a different secret`)
    }
    const key = existing ?? store.apps.createAccountKey({
      id: input.accountKeyId, secret: input.accountKeySecret ?? ids.secret(), displayName: null, createdAt: at,
    })
    return { accountKeyId: key.id, accountKeySecret: key.secret }
  }
  const key = store.apps.firstAccountKey()
    ?? store.apps.createAccountKey({ id: ids.accountKeyId(), secret: input.accountKeySecret ?? ids.secret(), displayName: null, createdAt: at })
  return { accountKeyId: key.id, accountKeySecret: key.secret }
}

/** Always a new app with a new key (`messenger-adapter create-app`). */
export function createApp(store: Store, ids: Ids, clock: Clock, name: string): Credentials {
  const at = new Date(clock.now()).toISOString()
  return store.tx(() => {
    const app = store.apps.create(newApp(ids.record(), name, at))
    const key = store.apps.createKey({ id: ids.keyId(), appId: app.id, secret: ids.secret(), displayName: null, createdAt: at })
    return { appId: app.id, keyId: key.id, keySecret: key.secret }
  })
}
