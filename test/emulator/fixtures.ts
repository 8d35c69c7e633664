/**
 * The emulator tests' one fixture chain (STYLE §6, §7.12): one real emulator per test file on a free port with an
 * in-memory world (`emulatorOptions` may be overridden per file with `test.override`), a real webhook receiver for
 * the tests that ask for one, and a fresh world per test; `emulatorTest` is the chain without a world, for files that
 * build their own. Plus small helpers to call Graph and check its error shape.
 */
import { test as base, expect } from 'vitest'
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js'
import type { CompleteWorldDocument, WorldDocument } from '../../emulator/control/types.js'
import type { PageWebhookBody } from '../../emulator/facebook/webhook-types.js'
import { startWebhookReceiver, type WebhookReceiver } from '../../lib/webhook-receiver.js'

/** An app's webhook receiver: Facebook's page webhooks arrive there (docs §4.3). */
export type AppReceiver = WebhookReceiver<PageWebhookBody>

export function startAppReceiver(): Promise<AppReceiver> {
  return startWebhookReceiver<PageWebhookBody>()
}

/** An app, its developer who owns a page, someone with no role on it, and a person on Messenger. */
export const BASE_WORLD: WorldDocument = {
  apps: [{ name: 'Acme Support' }],
  accounts: [{ name: 'Pat Owner' }, { name: 'Kim Stranger' }],
  pages: [{ name: 'Acme', admins: ['Pat Owner'] }],
  people: [{ firstName: 'Sam', lastName: 'Lee' }],
}

export interface BaseWorld {
  doc: CompleteWorldDocument
  appId: string
  appSecret: string
  ownerId: string
  strangerId: string
  pageId: string
}

export const emulatorTest = base
  .extend('emulatorOptions', { scope: 'file' }, {} as EmulatorOptions)
  .extend('emulator', { scope: 'file' }, async ({ emulatorOptions }, { onCleanup }) => {
    const emulator = await startEmulator({ port: 0, db: ':memory:', ...emulatorOptions })
    onCleanup(() => emulator.close())
    return emulator
  })
  .extend('receiver', async ({}, { onCleanup }) => {
    const receiver = await startAppReceiver()
    onCleanup(() => receiver.close())
    return receiver
  })

export const test = emulatorTest
  .extend('w', async ({ emulator }): Promise<BaseWorld> => {
    await emulator.client.reset()
    const doc = await emulator.client.addWorld(BASE_WORLD)
    return {
      doc, appId: doc.apps[0]!.id!, appSecret: doc.apps[0]!.secret!, ownerId: doc.accounts[0]!.id!,
      strangerId: doc.accounts[1]!.id!, pageId: doc.pages[0]!.id!,
    }
  })

export interface GraphResponse {
  status: number
  headers: Headers
  /** Graph answers arbitrary JSON; tests read the fields they assert. */
  body: any
}

/** One Graph call, in-process (`emulator.fetch`); `path` may carry a version prefix and a query. */
export async function graph(emulator: RunningEmulator, path: string, init: RequestInit = {}): Promise<GraphResponse> {
  const res = await emulator.fetch(path, init)
  return { status: res.status, headers: res.headers, body: await res.json() }
}

/** `GET path?access_token=token&…query`. */
export function get(emulator: RunningEmulator, path: string, token?: string, query: Record<string, string> = {}):
  Promise<GraphResponse> {
  const q = new URLSearchParams({ ...(token ? { access_token: token } : {}), ...query })
  const sep = path.includes('?') ? '&' : '?'
  return graph(emulator, `${path}${q.size ? sep + q.toString() : ''}`)
}

export interface ExpectedGraphError {
  status?: number
  code: number
  subcode?: number
  type?: string
  message?: string | RegExp
}

/** Facebook's error envelope (docs §0): message, type, code, optional error_subcode, and an fbtrace_id. */
export function expectGraphError(res: GraphResponse, expected: ExpectedGraphError): void {
  expect(res.status, JSON.stringify(res.body)).toBe(expected.status ?? 400)
  const error = res.body.error
  expect(error).toMatchObject({ code: expected.code, type: expected.type ?? expect.any(String) })
  expect(error.fbtrace_id).toMatch(/^\S{6,}$/)
  if (expected.subcode === undefined) expect(error).not.toHaveProperty('error_subcode')
  else expect(error.error_subcode).toBe(expected.subcode)
  if (typeof expected.message === 'string') expect(error.message).toBe(expected.message)
  else if (expected.message) expect(error.message).toMatch(expected.message)
  else expect(error.message).toEqual(expect.any(String))
}

/** The exact message of a token invalidated by a password change (the seed's troubleshooting section). */
export const PASSWORD_CHANGED_MESSAGE = 'Error validating access token: The session has been invalidated because the ' +
  'user changed their password or Facebook has changed the session for security reasons.'

/**
 * A browser session of the dashboard, as a page load gives it: the session cookie to send back and the CSRF token
 * its forms carry (emulator/ui/dashboard/csrf.tsx). Dashboard form posts without them are refused.
 */
export async function dashboardSession(emulator: RunningEmulator): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${emulator.url}/dashboard/pages`)
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ')
  const token = (await res.text()).match(/name="csrf" value="([^"]+)"/)?.[1]
  if (!cookie || !token) throw new Error('The dashboard gave no session cookie or CSRF token')
  return { cookie, token }
}

/** A dashboard form post, with a fresh session's cookie and token, not following the redirect. */
export async function postDashboardForm(emulator: RunningEmulator, path: string, fields: Record<string, string>):
  Promise<Response> {
  const { cookie, token } = await dashboardSession(emulator)
  return fetch(`${emulator.url}${path}`, { method: 'POST', headers: { cookie },
    body: new URLSearchParams({ ...fields, csrf: token }), redirect: 'manual' })
}
