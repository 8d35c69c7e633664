/**
 * A small business bot for `npm start` (and an example of a bot to test with scenarios): it receives the adapter's
 * v2 webhooks, checks their `X-API-Key`, and answers every person's message through the Conversations API — an echo
 * with quick replies — and every postback with what was tapped. It knows the adapter only by URL and API key.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AdapterApi, type AdapterCoordinates } from './adapter-api.js'
import type { Bot } from './stack.js'

interface V2Body { events?: { type: string; payload: any }[] }

/** What the bot answers to an event, or undefined for none. Pure, so it is easy to read and to test. */
export function answerTo(type: string, payload: any): Record<string, unknown> | undefined {
  if (type === 'conversation:message' && payload.message?.author?.type === 'user') {
    const c = payload.message.content
    const said = c.type === 'text' ? `"${c.text}"` : `a ${c.type}`
    return { type: 'text', text: `You said ${said}. %[👍 Thanks](reply:THANKS) %[Tell me more](postback:MORE)` }
  }
  if (type === 'conversation:postback') return { type: 'text', text: `You tapped ${payload.postback.payload}.` }
  return undefined
}

/** Starts the bot on `port` (0: a free one); `secret` is filled in once its webhook is registered (X-API-Key). */
export async function startSampleBot(adapter: AdapterCoordinates, options: { port?: number; log?: (m: string) => void } = {}):
  Promise<Bot> {
  const api = new AdapterApi(adapter)
  let secret: string | undefined
  const bot: Bot = { webhookUrl: '', onRegistered: (w) => { secret = w.secret }, close: async () => {} }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (secret && req.headers['x-api-key'] !== secret) {
        res.writeHead(401).end()
        return
      }
      res.writeHead(200).end()
      let body: V2Body
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as V2Body
      } catch {
        return
      }
      for (const event of body.events ?? []) {
        const content = answerTo(event.type, event.payload)
        if (!content) continue
        const conversationId = event.payload.conversation.id as string
        void api.post(`/v2/apps/{appId}/conversations/${conversationId}/messages`, { author: { type: 'business' }, content })
          .then((r) => options.log?.(`bot answered in ${conversationId}: ${r.status}`))
      }
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  bot.webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`
  bot.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) })
  return bot
}
