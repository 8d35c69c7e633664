/**
 * A stand-in for Graph's handover endpoints as messenger-platform.md §9 and §13 give their shapes, for adapter tests
 * that do not need the whole emulator: it records each POST (path without the version, JSON body) and answers
 * `{ "success": true }` (`/me/personas`: a new persona id, `/me/messages`: a message id, as §12 and §3.3 give them),
 * or the Graph error it was told to answer next.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GraphCall { path: string; body: any }

export interface GraphStandIn {
  url: string
  calls: GraphCall[]
  /** The next POST answers this Graph error with this HTTP status. */
  refuseNext(status: number, error: { message: string; type: string; code: number; error_subcode?: number }): void
  close(): Promise<void>
}

export async function startGraphStandIn(): Promise<GraphStandIn> {
  const calls: GraphCall[] = []
  const answers: Record<string, () => object> = {
    '/me/personas': () => ({ id: `${9000 + calls.length}` }),
    '/me/messages': () => ({ recipient_id: 'PSID', message_id: `m_${calls.length}` }),
  }
  let refusal: { status: number; error: object } | undefined
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => { raw += chunk })
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/v\d+\.\d+/, '')
      calls.push({ path, body: raw ? JSON.parse(raw) : undefined })
      const [status, body] = refusal ? [refusal.status, { error: { ...refusal.error, fbtrace_id: 'AbCdEf' } }]
        : [200, answers[path]?.() ?? { success: true }]
      refusal = undefined
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    refuseNext: (status, error) => { refusal = { status, error } },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
