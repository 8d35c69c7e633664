/**
 * The webhook HTTP client both parts send with (lib/http-post.ts), against a real local server: exact bytes and
 * headers, statuses, the deadline, aborts, a receiver that is down, and connections reused from one POST to the next.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { httpPost } from '../lib/http-post.js'

interface Seen { method: string; headers: IncomingMessage['headers']; body: Buffer }

describe('http-post', () => {
  let server: Server
  let url: string
  let seen: Seen[]
  let connections: number
  /** What the receiver does with each request (default: 200 at once). */
  let answer: (res: ServerResponse) => void

  beforeEach(async () => {
    seen = []
    connections = 0
    answer = (res) => res.writeHead(200).end('EVENT_RECEIVED')
    server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        seen.push({ method: req.method!, headers: req.headers, body: Buffer.concat(chunks) })
        answer(res)
      })
    })
    server.on('connection', () => connections++)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook?x=1`
  })

  afterEach(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))

  test('sends the exact UTF-8 bytes and headers, and answers the status', async () => {
    const body = '{"text":"héllo 👋 \\u00e9"}'
    const status = await httpPost(url, { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=ab' }, timeoutMs: 2000 })
    expect(status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.method).toBe('POST')
    expect(seen[0]!.body.equals(Buffer.from(body, 'utf8'))).toBe(true)
    expect(seen[0]!.headers['content-length']).toBe(String(Buffer.byteLength(body)))
    expect(seen[0]!.headers['x-hub-signature-256']).toBe('sha256=ab')
    expect(seen[0]!.headers['content-type']).toBe('application/json')
  })

  test('a non-2xx answer is a status, not an error; redirects are not followed', async () => {
    answer = (res) => res.writeHead(500).end('boom')
    expect(await httpPost(url, { body: '{}', headers: {}, timeoutMs: 2000 })).toBe(500)
    answer = (res) => res.writeHead(301, { location: '/elsewhere' }).end()
    expect(await httpPost(url, { body: '{}', headers: {}, timeoutMs: 2000 })).toBe(301)
    expect(seen).toHaveLength(2)
  })

  test('a receiver that does not answer in time: TimeoutError, and the next POST still works', async () => {
    answer = () => undefined // never answers
    const err = await httpPost(url, { body: '{}', headers: {}, timeoutMs: 100 }).catch((e: Error) => e)
    expect(err).toMatchObject({ name: 'TimeoutError', message: 'Timed out after 100 ms' })
    answer = (res) => res.writeHead(200).end()
    expect(await httpPost(url, { body: '{}', headers: {}, timeoutMs: 2000 })).toBe(200)
  })

  test('a receiver that answers headers but never finishes the body also times out', async () => {
    answer = (res) => res.writeHead(200).write('partial')
    await expect(httpPost(url, { body: '{}', headers: {}, timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  test('a receiver that is down: the socket error code says why', async () => {
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await expect(httpPost(`http://127.0.0.1:${port}/`, { body: '{}', headers: {}, timeoutMs: 2000 }))
      .rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)) // for afterEach
  })

  test('an aborted signal ends the request with an AbortError', async () => {
    answer = () => undefined
    const stop = new AbortController()
    const pending = httpPost(url, { body: '{}', headers: {}, timeoutMs: 5000, signal: stop.signal })
    await expect.poll(() => seen.length).toBe(1)
    stop.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    await expect(httpPost(url, { body: '{}', headers: {}, timeoutMs: 5000, signal: stop.signal }))
      .rejects.toMatchObject({ name: 'AbortError' })
  })

  test('keep-alive: one connection carries POST after POST', async () => {
    for (let i = 0; i < 5; i++) expect(await httpPost(url, { body: `{"i":${i}}`, headers: {}, timeoutMs: 2000 })).toBe(200)
    expect(seen).toHaveLength(5)
    expect(connections).toBe(1)
  })

  test('https URLs are spoken to over TLS; other schemes are refused', async () => {
    // The plain-HTTP server cannot answer a TLS handshake: the failure proves the https path was taken.
    const err = await httpPost(url.replace('http:', 'https:'), { body: '{}', headers: {}, timeoutMs: 2000 })
      .catch((e: NodeJS.ErrnoException) => e)
    expect(String((err as NodeJS.ErrnoException).code)).toMatch(/SSL|EPROTO/)
    await expect(httpPost('ftp://127.0.0.1/', { body: '{}', headers: {}, timeoutMs: 2000 }))
      .rejects.toThrow('Unsupported protocol ftp:')
    expect(seen).toHaveLength(0)
  })
})
