/**
 * A Sunshine Conversations business bot: it receives the platform's v2 webhooks (checking each one's X-API-Key, the
 * webhook's secret) and answers through the Conversations API with Basic auth. Plain node:http and fetch, no SDK.
 * It greets people by name, offers two quick replies and answers each.
 *
 * Everything it knows of the platform comes from its options: in production the Sunshine Conversations API, in the
 * tests the adapter of messenger-emulator.
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface BotOptions {
  /** The Conversations API's base URL, the app, and an API key of it. */
  url: string
  appId: string
  keyId: string
  keySecret: string
  /** 0 (the default) picks a free port. */
  port?: number
}

export interface RunningBot {
  webhookUrl: string
  /** The webhook's secret, once the webhook is registered: the bot refuses a webhook without it. */
  onRegistered(webhook: { id: string; secret: string }): void
  close(): Promise<void>
}

/** The quick replies of the greeting, and what the bot answers to each (by payload). */
export const ANSWERS: Record<string, { title: string; answer: string }> = {
  HOURS: { title: 'Opening hours', answer: 'We are open Monday to Friday, 9:00 to 17:00.' },
  ORDER: { title: 'My order', answer: 'Please send me your order number.' },
}

interface V2Event {
  type: string
  payload: {
    conversation: { id: string }
    message?: { author: { type: string; displayName?: string }; content?: { type: string; payload?: string } }
    postback?: { payload: string }
  }
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  let secret: string | undefined
  const auth = `Basic ${Buffer.from(`${options.keyId}:${options.keySecret}`).toString('base64')}`
  const reply = (conversationId: string, content: Record<string, unknown>) =>
    fetch(`${options.url}/v2/apps/${options.appId}/conversations/${conversationId}/messages`, {
      method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ author: { type: 'business' }, content }),
    })

  const handle = async ({ type, payload }: V2Event) => {
    const conversationId = payload.conversation.id
    const chosen = payload.message?.content?.payload ?? payload.postback?.payload
    const known = chosen ? ANSWERS[chosen] : undefined
    if (known && (type === 'conversation:message' || type === 'conversation:postback')) {
      await reply(conversationId, { type: 'text', text: known.answer })
    } else if (type === 'conversation:message' && payload.message?.author.type === 'user') {
      const name = payload.message.author.displayName?.split(' ')[0]
      await reply(conversationId, {
        type: 'text', text: `Hello${name ? ` ${name}` : ''}! How can I help?`,
        actions: Object.entries(ANSWERS).map(([p, { title }]) => ({ type: 'reply', text: title, payload: p })),
      })
    }
  }

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    if (!secret || req.headers['x-api-key'] !== secret) {
      res.writeHead(401).end()
      return
    }
    res.writeHead(200).end()
    const body = JSON.parse(raw) as { events?: V2Event[] }
    for (const event of body.events ?? []) {
      await handle(event).catch((err: unknown) => console.error('the bot failed to answer:', err))
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  return {
    webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    onRegistered: (webhook) => { secret = webhook.secret },
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      .on('error', reject)
  })
}
