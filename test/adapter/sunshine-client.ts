/**
 * Zendesk's official client (`sunshine-conversations-client` 14.1.0, v2 API) pointed at an adapter, as a business
 * configures it: `basePath` and Basic credentials, or a JWT in `bearerAuth`. One `ApiClient` per caller (not the
 * global `ApiClient.instance`), so tests with different credentials do not share state.
 */
import Sunshine from 'sunshine-conversations-client'
import { SignJWT } from 'jose'
import { expect } from 'vitest'

export { Sunshine }

export function apis(client: unknown) {
  return {
    users: new Sunshine.UsersApi(client), clients: new Sunshine.ClientsApi(client),
    conversations: new Sunshine.ConversationsApi(client), participants: new Sunshine.ParticipantsApi(client),
    messages: new Sunshine.MessagesApi(client), activities: new Sunshine.ActivitiesApi(client),
    apps: new Sunshine.AppsApi(client), keys: new Sunshine.AppKeysApi(client),
    integrations: new Sunshine.IntegrationsApi(client), webhooks: new Sunshine.WebhooksApi(client),
    attachments: new Sunshine.AttachmentsApi(client),
    switchboards: new Sunshine.SwitchboardsApi(client),
    switchboardIntegrations: new Sunshine.SwitchboardIntegrationsApi(client),
    switchboardActions: new Sunshine.SwitchboardActionsApi(client),
  }
}
export type Apis = ReturnType<typeof apis>

export function basicClient(url: string, keyId: string, secret: string): Apis {
  const client = new Sunshine.ApiClient()
  client.basePath = url
  client.authentications.basicAuth.username = keyId
  client.authentications.basicAuth.password = secret
  return apis(client)
}

/** A JWT as Sunshine's guide makes one: header `{ alg: 'HS256', typ: 'JWT', kid }`, payload `{ scope }`. */
export function signJwt(keyId: string, secret: string, scope: string, alg = 'HS256'): Promise<string> {
  return new SignJWT({ scope }).setProtectedHeader({ alg, typ: 'JWT', kid: keyId }).sign(new TextEncoder().encode(secret))
}

export function jwtClient(url: string, token: string): Apis {
  const client = new Sunshine.ApiClient()
  client.basePath = url
  client.authentications.bearerAuth.accessToken = token
  return apis(client)
}

/** The client's rejection of a call: its HTTP status and the Conversations error body. */
export async function refused(call: Promise<unknown>): Promise<{ status: number; code: string; title: string }> {
  const err = await call.then(() => { throw new Error('expected the call to be refused') }, (e: { status?: number; body?: any }) => e)
  expect(err.body?.errors?.length, JSON.stringify(err.body)).toBeGreaterThan(0)
  for (const e of err.body.errors) expect(e).toEqual({ code: expect.any(String), title: expect.any(String) })
  return { status: err.status!, ...err.body.errors[0] }
}
