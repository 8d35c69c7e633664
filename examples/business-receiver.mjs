#!/usr/bin/env node
/**
 * A business's webhook receiver for trying the adapter by hand: plain node:http, no dependencies.
 *
 *   node examples/business-receiver.mjs --port 4334
 *
 * - POST /hook  keeps the events of a Conversations v2 webhook body (`{ app, webhook, events }`) and answers 200;
 * - GET /events  answers them all, oldest first, as `{ "events": [...] }`, so a shell can read what the business got.
 *
 * Options (or environment): --port (PORT, default 4334).
 */
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { port: { type: 'string' } } })
const port = Number(values.port ?? process.env.PORT ?? 4334)
const events = []

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ events }))
    return
  }
  let body = ''
  req.on('data', (chunk) => { body += chunk })
  req.on('end', () => {
    try {
      events.push(...(JSON.parse(body).events ?? []))
      res.writeHead(200).end('ok')
    } catch {
      res.writeHead(400).end('not a Conversations webhook body')
    }
  })
})
server.on('error', (err) => {
  console.error(`business-receiver: ${err.code === 'EADDRINUSE' ? `port ${port} is taken: --port N picks another` : err.message}`)
  process.exit(1)
})
server.listen(port, '127.0.0.1', () => {
  console.log(`Business receiver on http://127.0.0.1:${server.address().port}/hook (GET /events lists what came). Ctrl+C stops it.`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)))
