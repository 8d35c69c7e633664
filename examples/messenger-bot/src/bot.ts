/**
 * A Messenger bot that talks to the Graph API directly, as Facebook's own samples do: plain node:http, no framework.
 * It greets people by their first name (User Profile API), offers quick replies and answers each; "Talk to a person"
 * hands the conversation to the Page Inbox, where the page's people answer (the handover protocol).
 *
 * Everything it knows of Facebook comes from its options: on Facebook `graphUrl` is https://graph.facebook.com/v21.0,
 * in the tests it is the emulator's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface BotOptions {
  /** Graph's base URL with its version. */
  graphUrl: string
  /** Signs every webhook (X-Hub-Signature-256); the bot refuses what it did not sign. */
  appSecret: string
  pageToken: string
  /** What Facebook's verification request must carry before the bot answers its challenge. */
  verifyToken: string
  /** 0 (the default) picks a free port. */
  port?: number
}

export interface RunningBot {
  webhookUrl: string
  /** Writes to someone first (an order shipped): Facebook allows it within 24 hours of their last message only. */
  notify(psid: string, text: string): Promise<{ ok: boolean; body: Record<string, unknown> }>
  close(): Promise<void>
}

/** The quick replies of the greeting, and what the bot answers to each (by payload). */
export const ANSWERS: Record<string, { title: string; answer: string }> = {
  HOURS: { title: 'Opening hours', answer: 'We are open Monday to Friday, 9:00 to 17:00.' },
  ORDER: { title: 'My order', answer: 'Please send me your order number.' },
  HUMAN: { title: 'Talk to a person', answer: 'I am passing you to a person of our team.' },
}

/** Facebook's Page Inbox as an app of the handover protocol: always a secondary receiver of a page. */
export const PAGE_INBOX_APP_ID = '263902037430900'

interface MessagingEvent {
  sender: { id: string }
  message?: { text?: string; is_echo?: boolean; quick_reply?: { payload: string } }
  postback?: { payload: string }
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const graph = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const url = `${options.graphUrl}${path}${path.includes('?') ? '&' : '?'}access_token=${options.pageToken}`
    const res = await fetch(url, {
      method, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    })
    return { ok: res.ok, body: await res.json() as Record<string, unknown> }
  }
  const send = (psid: string, message: Record<string, unknown>, messagingType = 'RESPONSE') =>
    graph('POST', '/me/messages', { recipient: { id: psid }, messaging_type: messagingType, message })

  const greet = async (psid: string) => {
    const profile = await graph('GET', `/${psid}?fields=first_name`)
    const name = profile.ok ? ` ${profile.body.first_name as string}` : ''
    await send(psid, {
      text: `Hello${name}! How can I help?`,
      quick_replies: Object.entries(ANSWERS).map(([payload, { title }]) => ({ content_type: 'text', title, payload })),
    })
  }

  const handle = async (event: MessagingEvent) => {
    const psid = event.sender.id
    const payload = event.message?.quick_reply?.payload ?? event.postback?.payload
    const known = payload ? ANSWERS[payload] : undefined
    if (known) await send(psid, { text: known.answer })
    // The bot must own the thread to pass it (its app is the page's primary receiver, Messenger settings › App Roles).
    if (payload === 'HUMAN') {
      await graph('POST', '/me/pass_thread_control', {
        recipient: { id: psid }, target_app_id: PAGE_INBOX_APP_ID, metadata: 'asked for a person',
      })
    }
    else if (event.postback || (event.message && !event.message.is_echo)) await greet(psid)
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bot')
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === options.verifyToken
      res.writeHead(ok ? 200 : 403).end(ok ? url.searchParams.get('hub.challenge') : undefined)
      return
    }
    const raw = await readBody(req)
    if (!signedBy(options.appSecret, raw, req.headers['x-hub-signature-256'])) {
      res.writeHead(403).end()
      return
    }
    // Facebook wants its 200 at once; the answers go out afterwards.
    res.writeHead(200).end()
    const body = JSON.parse(raw.toString('utf8')) as { entry?: { messaging?: MessagingEvent[] }[] }
    for (const event of (body.entry ?? []).flatMap((e) => e.messaging ?? [])) {
      await handle(event).catch((err: unknown) => console.error('the bot failed to answer:', err))
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  return {
    webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    notify: (psid, text) => send(psid, { text }, 'UPDATE'),
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject)
  })
}

/** Whether the X-Hub-Signature-256 header is the HMAC-SHA256 of the raw body with the app secret. */
function signedBy(appSecret: string, raw: Buffer, header: string | string[] | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`)
  const given = Buffer.from(typeof header === 'string' ? header : '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
