/**
 * The business: its server calls the adapter's Conversations API (connects pages, answers people, sets menus, asks
 * for a diagnosis) and receives the adapter's webhooks at the receiver; its developer works in Facebook's app
 * dashboard (Messenger › Settings › Webhooks). Waiting for a webhook polls the receiver's log until it has arrived.
 */
import type { AppWebhookView } from '../emulator/control/types.js'
import type { ApiAnswer } from './adapter-api.js'
import { mismatch, show, type Expected } from './match.js'
import type { Owner } from './owner.js'
import type { Person } from './person.js'
import type { Scene } from './scene.js'
import type { Stack } from './stack.js'
import { waitFor, type WaitOptions } from './wait.js'

export interface V2Event { id: string; type: string; createdAt: string; payload: any }
export type WebhookVersion = 'v2' | 'v1.1'
/** The redirect URI of the business's "Connect your Facebook page" button (any https URL of the business's site). */
export const OAUTH_REDIRECT = 'https://business.example/facebook/callback'
/** What the seed's integration flow asks for (seed "Facebook App Permissions"). */
export const INTEGRATION_SCOPES = ['pages_show_list', 'pages_messaging', 'pages_manage_metadata']

export interface DialogOptions { page?: string; untick?: string[]; rerequest?: boolean }

export interface MessageOptions {
  /** The person to answer; default: whoever acted last. */
  to?: Person
  /** Passthrough (seed, Passthrough API): the raw Send API body for Messenger. */
  override?: { messenger: { payload: Record<string, unknown> } }
}

export class Business {
  /** The Messenger integration created last. */
  integrationId: string | undefined

  constructor(private readonly scene: Scene<Stack>) {}

  private get api() {
    return this.scene.stack.api
  }

  // ── Webhooks received ─────────────────────────────────────────────────────────────────────────────────────────

  /** v2 events in arrival order. */
  events(): V2Event[] {
    return this.scene.stack.receiver.posts.filter((w) => w.path === '/webhooks/v2')
      .flatMap((w) => (w.body as { events?: V2Event[] }).events ?? [])
  }

  /** v1.1 bodies in arrival order. */
  legacyWebhooks(): any[] {
    return this.scene.stack.receiver.posts.filter((w) => w.path === '/webhooks/v1.1').map((w) => w.body)
  }

  private find(type: string, match: Expected, version: WebhookVersion): any {
    if (version === 'v1.1') return this.legacyWebhooks().find((b) => b.trigger === type && mismatch(b, match) === undefined)
    return this.events().find((e) => e.type === type && mismatch(e.payload, match) === undefined)?.payload
  }

  /** Waits for a webhook of this type (v2 event type, or v1.1 trigger) whose payload matches; answers it. */
  expectWebhook(type: string, match: Expected = {}, options: WaitOptions & { version?: WebhookVersion } = {}): Promise<any> {
    const version = options.version ?? 'v2'
    const what = `the ${version} webhook ${type}${match && Object.keys(match).length ? ` matching ${show(match, 160)}` : ''}`
    return this.scene.step(`the business receives ${what}`, () => waitFor(what, () => this.find(type, match, version), {
      timeoutMs: this.scene.waitMs, ...options,
      lastSeen: () => {
        const same = version === 'v1.1' ? this.legacyWebhooks().filter((b) => b.trigger === type)
          : this.events().filter((e) => e.type === type).map((e) => e.payload)
        return same.length ? `${same.length} ${type}, the last differs at ${mismatch(same.at(-1), match)}`
          : `no ${type}; received ${show(version === 'v1.1' ? this.legacyWebhooks().map((b) => b.trigger) : this.events().map((e) => e.type), 400)}`
      },
    }))
  }

  /** Whether a webhook of this type matching has arrived so far (for absences, after something that comes later). */
  hasReceived(type: string, match: Expected = {}, version: WebhookVersion = 'v2'): boolean {
    return this.find(type, match, version) !== undefined
  }

  /** Waits for the channel delivery of a business message; answers the Messenger message ids (`externalMessages`). */
  async expectDelivered(message: { id: string }): Promise<string[]> {
    const payload = await this.expectWebhook('conversation:message:delivery:channel', { message: { id: message.id } })
    return (payload.externalMessages as { id: string }[]).map((m) => m.id)
  }

  /** The conversation with a person, as the business learnt it from the person's webhooks. */
  async conversationWith(person: Person): Promise<string> {
    const psid = (await person.thread()).psid
    // v1.1 bodies carry the Messenger client (its `id` is the PSID) and the conversation.
    return waitFor(`a webhook from ${person.name} (PSID ${psid}) to learn the conversation`, () =>
      this.legacyWebhooks().find((b) => b.client?.id === psid)?.conversation?._id as string | undefined,
      { timeoutMs: this.scene.waitMs })
  }

  private async target(to: Person | undefined): Promise<string> {
    const person = to ?? this.scene.lastPerson
    if (!person) throw new Error('Nobody has written to the business yet: say who to answer ({ to: person(…) })')
    return this.conversationWith(person)
  }

  // ── Messages and activities ───────────────────────────────────────────────────────────────────────────────────

  /** Posts a business message (text with shorthand, or a content object) and expects it accepted; answers it. */
  replies(content: string | Record<string, unknown>, options: MessageOptions = {}): Promise<{ id: string; content: any }> {
    return this.scene.step(`the business replies ${describeContent(content)}`, async () => {
      const res = await this.post(content, options)
      if (res.status !== 201) throw new Error(`POST …/messages answered ${res.status} ${show(res.body)}`)
      return res.body.messages[0]
    })
  }

  /** Posts a business message and expects the adapter to refuse it with a title matching `reason`. */
  isRefused(content: string | Record<string, unknown>, reason: RegExp, options: MessageOptions = {}): Promise<string> {
    return this.scene.step(`the business is refused ${describeContent(content)} (${reason})`, async () => {
      const res = await this.post(content, options)
      const title = res.body?.errors?.[0]?.title as string | undefined
      if (res.status !== 400 || !title || !reason.test(title)) {
        throw new Error(`expected 400 with an error matching ${reason}, got ${res.status} ${show(res.body)}`)
      }
      return title
    })
  }

  private async post(content: string | Record<string, unknown>, options: MessageOptions): Promise<ApiAnswer> {
    const conversationId = await this.target(options.to)
    return this.api.post(`/v2/apps/{appId}/conversations/${conversationId}/messages`, {
      author: { type: 'business' },
      content: typeof content === 'string' ? { type: 'text', text: content } : content,
      ...(options.override ? { override: options.override } : {}),
    })
  }

  /** `typing:start`, `typing:stop` or `conversation:read` (mark seen). */
  activity(type: 'typing:start' | 'typing:stop' | 'conversation:read', to?: Person): Promise<void> {
    return this.scene.step(`the business sends the activity ${type}`, async () => {
      const res = await this.api.post(`/v2/apps/{appId}/conversations/${await this.target(to)}/activity`,
        { author: { type: 'business' }, type })
      if (res.status !== 200) throw new Error(`POST …/activity answered ${res.status} ${show(res.body)}`)
    })
  }

  // ── Integrations ──────────────────────────────────────────────────────────────────────────────────────────────

  /** The Integration API call (seed "Using the Integration API"); answers the adapter's answer, whatever it is. */
  createsIntegration(pageAccessToken: string, appName?: string): Promise<ApiAnswer> {
    const app = this.scene.app(appName)
    return this.scene.step(`the business creates a Messenger integration for app "${app.name}"`, async () => {
      const res = await this.api.post('/v2/apps/{appId}/integrations',
        { type: 'messenger', pageAccessToken, appId: app.id, appSecret: app.secret })
      if (res.status === 201) this.integrationId = res.body.integration.id
      return res
    })
  }

  /** Creates the integration and expects it to succeed; answers the integration. */
  connects(pageAccessToken: string, appName?: string): Promise<any> {
    return this.scene.step('the business connects the page', async () => {
      const res = await this.createsIntegration(pageAccessToken, appName)
      if (res.status !== 201) throw new Error(`creating the integration answered ${res.status} ${show(res.body)}`)
      return res.body.integration
    })
  }

  /**
   * The seed's Integration Flow with a custom OAuth flow: the owner goes through the login dialog, the business
   * exchanges the code, lists the owner's pages with /me/accounts, picks `pageName`'s token and creates the integration.
   */
  connectsThroughDialog(owner: Owner, options: DialogOptions = {}):
    Promise<{ integration: ApiAnswer; pages: { id: string; name: string; access_token: string }[]; userToken: string }> {
    const page = this.scene.page(options.page)
    return this.scene.step(`${owner.name} connects "${page.name}" through the login dialog`, async () => {
      const { pageToken, pages, userToken } = await this.pageTokenThroughDialog(owner, options)
      return { integration: await this.createsIntegration(pageToken), pages, userToken }
    })
  }

  /** The login dialog, the code exchange and `/me/accounts`: a fresh page access token for `options.page`. */
  private async pageTokenThroughDialog(owner: Owner, options: DialogOptions) {
    const page = this.scene.page(options.page)
    const code = await owner.authorizes(INTEGRATION_SCOPES, options)
    const userToken = await this.exchangesCode(code)
    const pages = await this.listsPages(userToken)
    const chosen = pages.find((p) => p.id === page.id)
    if (!chosen) throw new Error(`/me/accounts does not list "${page.name}": ${show(pages.map((p) => p.name))}`)
    return { pageToken: chosen.access_token, pages, userToken }
  }

  /**
   * The owner logs in again through the dialog and the business gives the integration the new page token with
   * `PATCH …/integrations/{id}` (conversations-api.md §10.1), the seed's fix without re-creating it; answers the answer.
   */
  swapsPageTokenThroughDialog(owner: Owner, id = this.integrationId, options: DialogOptions = {}): Promise<ApiAnswer> {
    return this.scene.step(`${owner.name} logs in again; the business gives the integration the new page token (PATCH)`, async () => {
      const { pageToken } = await this.pageTokenThroughDialog(owner, options)
      return this.api.patch(`/v2/apps/{appId}/integrations/${id}`, { pageAccessToken: pageToken })
    })
  }

  /** GET /oauth/access_token with the app's id and secret (docs §1.1). */
  exchangesCode(code: string): Promise<string> {
    const app = this.scene.app()
    return this.scene.step('the business exchanges the code for a user access token', async () => {
      const res = await this.scene.graph('GET', '/oauth/access_token',
        { client_id: app.id, client_secret: app.secret, redirect_uri: OAUTH_REDIRECT, code })
      if (res.status !== 200) throw new Error(`/oauth/access_token answered ${res.status} ${show(res.body)}`)
      return res.body.access_token as string
    })
  }

  /** The seed's `GET /me/accounts?client_id&client_secret&access_token&limit=500`. */
  listsPages(userToken: string): Promise<{ id: string; name: string; access_token: string }[]> {
    const app = this.scene.app()
    return this.scene.step('the business lists the owner\'s pages (GET /me/accounts)', async () => {
      const res = await this.scene.graph('GET', '/me/accounts',
        { client_id: app.id, client_secret: app.secret, access_token: userToken, limit: '500' })
      if (res.status !== 200) throw new Error(`/me/accounts answered ${res.status} ${show(res.body)}`)
      return res.body.data
    })
  }

  deletesIntegration(id = this.integrationId): Promise<void> {
    return this.scene.step('the business deletes the Messenger integration', async () => {
      const res = await this.api.delete(`/v2/apps/{appId}/integrations/${id}`)
      if (res.status !== 200) throw new Error(`DELETE answered ${res.status} ${show(res.body)}`)
    })
  }

  /** The adapter's diagnosis of the integration (beyond Sunshine). */
  diagnoses(id = this.integrationId): Promise<{ healthy: boolean; findings: { case: string; title: string; remedy: string }[]; checks: unknown[] }> {
    return this.scene.step('the business asks for a diagnosis of the integration', async () => {
      const res = await this.api.get(`/v2/apps/{appId}/integrations/${id}/diagnosis`)
      if (res.status !== 200) throw new Error(`diagnosis answered ${res.status} ${show(res.body)}`)
      return res.body.diagnosis
    })
  }

  /** PUT /v1.1/apps/{appId}/integrations/{id}/menu; answers the adapter's answer. */
  setsMenu(menu: unknown, id = this.integrationId): Promise<ApiAnswer> {
    return this.scene.step('the business sets the persistent menu', () =>
      this.api.put(`/v1.1/apps/{appId}/integrations/${id}/menu`, menu))
  }

  // ── The developer in Facebook's app dashboard ─────────────────────────────────────────────────────────────────

  /** Messenger › Settings › Webhooks › Edit Events (seed, Webhook Events Workaround steps 4–6). */
  editsWebhookEvents(fields: string[]): Promise<AppWebhookView> {
    return this.scene.step(`the developer selects the webhook events ${fields.join(', ')} in the app dashboard`, async () => {
      const view = await this.scene.client.setWebhookFields(this.scene.app().id, fields)
      this.scene.onFacebook('developer (app dashboard)', `Edit Events: ${fields.join(', ')}`)
      return view
    })
  }

  /** "Select a page to subscribe your webhook to the page events", logged in as `accountName`. */
  subscribesPageInDashboard(accountName: string, pageName?: string): Promise<AppWebhookView> {
    const page = this.scene.page(pageName)
    return this.scene.step(`${accountName} subscribes the webhook to "${page.name}" in the app dashboard`, async () => {
      const view = await this.scene.client.subscribeWebhookPage(this.scene.app().id, page.id, this.scene.account(accountName).id)
      this.scene.onFacebook(`${accountName} (app dashboard)`, `subscribes the webhook to ${page.name}`)
      return view
    })
  }
}

function describeContent(content: string | Record<string, unknown>): string {
  if (typeof content === 'string') return `"${content}"`
  const items = (content.items as unknown[] | undefined)?.length
  return `a ${content.type}${items ? ` of ${items} items` : ''}${content.text ? ` "${content.text}"` : ''}`
}
