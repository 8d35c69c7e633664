/**
 * The first app and API key: made sure to exist at start when given (`--app-id --key-id --key-secret` or
 * ADAPTER_APP_ID / ADAPTER_KEY_ID / ADAPTER_KEY_SECRET), otherwise the first stored ones are used, or new ones are
 * generated.
 */
import type { Clock } from './clock.js'
import type { Ids } from './ids.js'
import type { Store } from '../store/store.js'

export interface Credentials { appId: string; keyId: string; keySecret: string }
export interface CredentialsInput { appId?: string | undefined; keyId?: string | undefined; keySecret?: string | undefined; appName?: string | undefined }

export function ensureCredentials(store: Store, ids: Ids, clock: Clock, input: CredentialsInput = {}): Credentials & { created: boolean } {
  const at = new Date(clock.now()).toISOString()
  return store.tx(() => {
    let created = false
    let appId = input.appId
    if (!appId) appId = input.keyId ? store.apps.getKey(input.keyId)?.appId : undefined
    if (!appId && !input.keyId) appId = store.apps.list()[0]?.id
    if (!appId) appId = ids.record()
    if (!store.apps.get(appId)) {
      store.apps.create({ id: appId, displayName: input.appName ?? 'Messenger adapter app', createdAt: at })
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
  })
}

/** Always a new app with a new key (`messenger-adapter create-app`). */
export function createApp(store: Store, ids: Ids, clock: Clock, name: string): Credentials {
  const at = new Date(clock.now()).toISOString()
  return store.tx(() => {
    const app = store.apps.create({ id: ids.record(), displayName: name, createdAt: at })
    const key = store.apps.createKey({ id: ids.keyId(), appId: app.id, secret: ids.secret(), displayName: null, createdAt: at })
    return { appId: app.id, keyId: key.id, keySecret: key.secret }
  })
}
