#!/usr/bin/env node
/**
 * A Messenger webhook receiver for trying the emulator (or Facebook) by hand: plain node:http, no dependencies.
 *
 *   node examples/webhook-receiver.mjs --port 4331 --verify-token let-me-in --app-secret <app secret>
 *
 * - GET  /webhook?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…  answers the challenge when the verify
 *   token matches (what Facebook requires before it saves a webhook), 403 otherwise.
 * - POST /webhook  prints the body, after checking its X-Hub-Signature-256 (hex HMAC-SHA256 of the raw body, keyed
 *   with the app secret): 200 when it is valid, 403 when it is not (Facebook retries, as it would for your app).
 *
 * Options (or environment): --port (PORT, default 4331), --verify-token (VERIFY_TOKEN), --app-secret (APP_SECRET;
 * without one, signatures are printed but not checked).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'verify-token': { type: 'string' }, 'app-secret': { type: 'string' } },
})
const port = Number(values.port ?? process.env.PORT ?? 4331)
const verifyToken = values['verify-token'] ?? process.env.VERIFY_TOKEN
const appSecret = values['app-secret'] ?? process.env.APP_SECRET
if (!verifyToken) {
  console.error('webhook-receiver: give the verify token you will subscribe with: --verify-token TOKEN ' +
    '(or VERIFY_TOKEN)')
  process.exit(2)
}

/** "valid", "INVALID" or "not checked", for the header Facebook signs every POST with. */
function checkSignature(header, body) {
  if (!appSecret) return 'not checked (no --app-secret)'
  const expected = Buffer.from(`sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`)
  const given = Buffer.from(header ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'INVALID'
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://receiver')
  if (req.method === 'GET') {
    const matches = url.searchParams.get('hub.mode') === 'subscribe' &&
      url.searchParams.get('hub.verify_token') === verifyToken
    console.log(`GET  ${url.pathname}  verification ${matches ? 'answered' : 'refused (wrong hub.verify_token)'}`)
    return res.writeHead(matches ? 200 : 403, { 'content-type': 'text/plain' })
      .end(matches ? url.searchParams.get('hub.challenge') ?? '' : 'wrong verify token')
  }
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    const body = Buffer.concat(chunks)
    const signature = checkSignature(req.headers['x-hub-signature-256'], body)
    console.log(`${req.method} ${url.pathname}  X-Hub-Signature-256 ${signature}\n${body.toString('utf8')}`)
    res.writeHead(signature === 'INVALID' ? 403 : 200).end()
  })
})

server.on('error', (err) => {
  const taken = `port ${port} is taken: choose another with --port`
  console.error(`webhook-receiver: ${err.code === 'EADDRINUSE' ? taken : err.message}`)
  process.exit(1)
})
server.listen(port, '127.0.0.1', () => {
  console.log(`Webhook receiver on http://127.0.0.1:${server.address().port}/webhook ` +
    `(verify token "${verifyToken}"; signatures ${appSecret ? 'checked with the app secret' : 'not checked'}). ` +
    'Ctrl+C stops it.')
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)))
