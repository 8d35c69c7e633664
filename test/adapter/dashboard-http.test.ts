/**
 * The adapter dashboard's refusals over HTTP (the happy paths are clicked through in test/browser/adapter-dashboard):
 * without the platform's Facebook app Authenticate says what is missing, a Save with a grant this browser does not
 * hold creates nothing, another app's delivery cannot be redelivered, the live stream is behind the login, and the
 * delivery log keeps each attempt.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter as startTestAdapter, api, startReceiver, type Receiver } from './helpers.js'

let adapter: RunningAdapter
let receiver: Receiver

beforeEach(async () => {
  adapter = await startTestAdapter()
  receiver = await startReceiver()
})
afterEach(async () => {
  await adapter?.close()
  await receiver?.close()
})

/** A browser without JavaScript: Basic credentials, the CSRF cookie, the token of the last page read. */
function browser() {
  const auth = `Basic ${Buffer.from(`${adapter.keyId}:${adapter.keySecret}`).toString('base64')}`
  let cookie = ''
  let csrf = ''
  const send = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${adapter.url}${path}`, {
      ...init, redirect: 'manual', headers: { authorization: auth, ...(cookie ? { cookie } : {}), ...init.headers as object },
    })
    const set = res.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]!
    const text = await res.text()
    csrf = text.match(/name="csrf" value="([^"]+)"/)?.[1] ?? csrf
    return { status: res.status, location: res.headers.get('location'), text }
  }
  return {
    get: (path: string) => send(path),
    post: (path: string, form: Record<string, string>) => send(path, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...form }),
    }),
  }
}

const base = () => `/dashboard/apps/${adapter.appId}`

describe('the adapter dashboard refuses', () => {
  it('Authenticate without the platform\'s Facebook app, saying which options are missing', async () => {
    const b = browser()
    const page = await b.get(`${base()}/integrations`)
    expect(page.text).toContain('id="no-facebook-app"')
    expect(page.text).not.toContain('id="authenticate"')
    const res = await b.post(`${base()}/integrations/messenger/authenticate`, {})
    expect(res.status).toBe(303)
    expect(decodeURIComponent(res.location!)).toContain('--facebook-app-id')
  })

  it('a Save with a grant this browser does not hold, and creates nothing', async () => {
    const b = browser()
    await b.get(`${base()}/integrations`)
    const res = await b.post(`${base()}/integrations/messenger/pages`, { grant: 'made-up', pageId: '1' })
    expect(res.status).toBe(303)
    expect(decodeURIComponent(res.location!.replaceAll('+', ' '))).toContain('That Facebook Login is over')
    expect((await api(adapter).get('/v2/apps/{appId}/integrations')).body.integrations).toEqual([])
  })

  it('the live stream to a browser without a login, and a page of an app the key does not reach', async () => {
    const stream = await fetch(`${adapter.url}/dashboard/events`, { redirect: 'manual' })
    expect(stream.status).toBe(303)
    expect(stream.headers.get('location')).toBe('/dashboard/login?next=%2Fdashboard%2Fevents')
    expect((await browser().get('/dashboard/apps/nope/conversations')).status).toBe(404)
  })
})

describe('the delivery log', () => {
  it('keeps every attempt of a webhook, and redelivers only this app\'s deliveries', async () => {
    const custom = await api(adapter).post('/v2/apps/{appId}/integrations',
      { type: 'custom', webhooks: [{ target: receiver.url, triggers: ['conversation:create'] }] })
    expect(custom.status).toBe(201)
    receiver.plan.push(503)
    const created = await api(adapter).post('/v2/apps/{appId}/users', { externalId: 'kim' })
    expect(created.status).toBe(201)
    const conversation = await api(adapter).post('/v2/apps/{appId}/conversations',
      { type: 'personal', participants: [{ userExternalId: 'kim' }] })
    expect(conversation.status).toBe(201)
    await expect.poll(() => receiver.acknowledged().length).toBe(1)

    const b = browser()
    const page = await b.get(`${base()}/webhooks`)
    const seq = page.text.match(/id="delivery-(\d+)" data-status="delivered"/)?.[1]
    expect(seq).toBeDefined()
    const attempts = page.text.match(new RegExp(`id="attempts-${seq}">[\\s\\S]*?</table>`))![0]
    expect(attempts).toContain('<td>503</td>')
    expect(attempts).toContain('<td>200</td>')

    expect((await b.post(`${base()}/webhooks/deliveries/999999/redeliver`, { back: `${base()}/webhooks` })).status).toBe(404)
    const other = await api(adapter, `Basic ${Buffer.from(`${adapter.accountKeyId}:${adapter.accountKeySecret}`).toString('base64')}`)
      .post('/v2/apps', { displayName: 'Other' })
    const otherApp = other.body.app.id as string
    // The delivery is this app's: under another app's path it is not found, and nothing is queued.
    expect((await b.post(`/dashboard/apps/${otherApp}/webhooks/deliveries/${seq}/redeliver`, {})).status).toBe(404)
    expect(receiver.posts.length).toBe(2)
    const again = await b.post(`${base()}/webhooks/deliveries/${seq}/redeliver`, { back: `${base()}/webhooks` })
    expect(again.status).toBe(303)
    await expect.poll(() => receiver.acknowledged().length).toBe(2)
  })
})
