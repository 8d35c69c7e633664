/** Business webhooks from the persisted outbox: a business that is down gets everything once back, in order. */
import { afterEach, expect, test } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunningAdapter } from '../../adapter/index.js'
import { adapter, api, deliverMessenger, events, messagingBody, startReceiver, type Receiver } from './helpers.js'

const PAGE = '200000000000001'
const SECRET = '0123456789abcdef0123456789abcdef'
const ID = 'aaaaaaaaaaaaaaaaaaaaaaaa'
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => { while (cleanup.length) await cleanup.pop()!() })

function addIntegration(a: RunningAdapter) {
  if (a.store.integrations.getById(ID)) return
  a.store.integrations.create({
    id: ID, appId: a.appId, type: 'messenger', status: 'active', displayName: null, createdAt: new Date().toISOString(),
    config: { pageId: PAGE, pageName: 'Acme', pageAccessToken: 't', fbAppId: '1', fbAppSecret: SECRET, verifyToken: 'v', eea: false },
  })
}
const say = (a: RunningAdapter, psid: string, n: number) => deliverMessenger(a, ID, SECRET, messagingBody(PAGE,
  { sender: { id: psid }, recipient: { id: PAGE }, timestamp: n, message: { mid: `m_${psid}_${n}`, text: `${psid}:${n}` } }))

async function setup(options = {}): Promise<{ a: RunningAdapter; hook: Receiver }> {
  const a = await adapter(options)
  const hook = await startReceiver()
  cleanup.push(() => hook.close(), () => a.close())
  addIntegration(a)
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: hook.url, triggers: ['conversation:message'] }] })
  return { a, hook }
}

test('a business that is down receives everything once it is back, in order per conversation', async () => {
  const { a, hook } = await setup()
  hook.status = 503
  for (let n = 1; n <= 5; n++) {
    await say(a, '111', n)
    await say(a, '222', n)
  }
  await expect.poll(() => a.store.outbox.list('webhook').some((i) => i.attempts >= 2)).toBe(true)
  expect(hook.acknowledged()).toEqual([])
  hook.status = 200
  await expect.poll(() => events(hook).length).toBe(10)
  const texts = events(hook).map((e) => e.payload.message.content.text as string)
  expect(texts.filter((t) => t.startsWith('111'))).toEqual(['111:1', '111:2', '111:3', '111:4', '111:5'])
  expect(texts.filter((t) => t.startsWith('222'))).toEqual(['222:1', '222:2', '222:3', '222:4', '222:5'])
})

test('a 400 from the business is not retried (as Sunshine) and does not block later events', async () => {
  const { a, hook } = await setup()
  hook.status = 400
  await say(a, '333', 1)
  await expect.poll(() => a.store.outbox.list('webhook')[0]?.status).toBe('dead')
  hook.status = 200
  await say(a, '333', 2)
  await expect.poll(() => events(hook).map((e) => e.payload.message.content.text)).toEqual(['333:2'])
})

test('pending webhooks survive a restart (persisted outbox)', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'adapter-')), 'adapter.db')
  const hook = await startReceiver()
  cleanup.push(() => hook.close())
  hook.status = 503
  const first = await adapter({ db })
  addIntegration(first)
  await api(first).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: hook.url, triggers: ['conversation:message'] }] })
  await say(first, '444', 1)
  await expect.poll(() => first.store.outbox.list('webhook')[0]?.attempts ?? 0).toBeGreaterThan(0)
  await first.close()
  hook.status = 200
  const second = await adapter({ db })
  cleanup.push(() => second.close())
  expect(second.appId).toBe(first.appId)
  await expect.poll(() => events(hook).map((e) => e.payload.message.content.text)).toEqual(['444:1'])
})

test('a delivery failure queued by the send worker reaches the business with no other API write to wake it', async () => {
  // Graph at 127.0.0.1:9 is unreachable: the send is retried (FAST_RETRY: 3 attempts), then given up on; the failure
  // webhook is enqueued in the send worker's own transaction and must wake the webhook worker by itself.
  const { a, hook } = await setup()
  await api(a).post('/v2/apps/{appId}/integrations', { type: 'custom', webhooks: [{ target: hook.url, triggers: ['conversation:message:delivery:failure'] }] })
  await say(a, '555', 1)
  await expect.poll(() => events(hook).length).toBe(1)
  const conversationId = events(hook)[0].payload.conversation.id
  const sent = await api(a).post(`/v2/apps/{appId}/conversations/${conversationId}/messages`,
    { author: { type: 'business' }, content: { type: 'text', text: 'Hello?' } })
  expect(sent.status).toBe(201)
  await expect.poll(() => events(hook).find((e) => e.type === 'conversation:message:delivery:failure')?.payload.message.id,
    { timeout: 3000 }).toBe(sent.body.messages[0].id)
})
