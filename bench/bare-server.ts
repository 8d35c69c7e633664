/**
 * The benchmarks' baseline: a bare Hono server on @hono/node-server that parses a Send API body and answers the Send
 * API's shape (`{recipient_id, message_id}`) without checking a token, validating or storing anything. It prints its
 * URL once it listens. `node dist/bench/bare-server.js [port]`
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { randomBytes } from 'node:crypto'

const app = new Hono()
app.post('*', async (c) => {
  const body = (await c.req.json()) as { recipient?: { id?: string } }
  return c.json({ recipient_id: body.recipient?.id ?? '', message_id: `m_${randomBytes(64).toString('base64url')}` })
})
app.get('*', (c) => c.json({ status: 'ok' }))

serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 0), hostname: '127.0.0.1' }, (info) => {
  console.log(`bare server http://127.0.0.1:${info.port}`)
})
