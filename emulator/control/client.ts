/**
 * The typed client of the control API, used by tests, scenarios and the CLI (STYLE §7.11): no caller builds
 * `/_emulator` URLs by hand. Errors come back as `ControlApiError` with the emulator's message and instructions.
 */
import type {
  ClockState, CompleteWorldDocument, Consent, PageTokenResponse, UserTokenResponse, WorldDocument,
} from './types.js'
import type { AppWebhookView, DeliveryFilter, DeliveryView } from './types.js'
import type { AppReviewState, PersonAction, PersonActionResult, ThreadView } from './types.js'
import type { PageSettings, PageView, WorldChange } from './types.js'
import type { AppRolesView, InboxReplyView } from './types.js'
import type { Platform } from '../world/people.js'
import type { AppFeature } from '../world/app-features.js'
import type { FaultScope, FaultSwitches, FaultSwitchInfo, FaultsView, RequestFilter, RequestView } from './types.js'

const FAULT_PATHS: Record<FaultScope, string> = { app: 'apps', page: 'pages', person: 'people' }

/** `?k=v&…` of a filter's given values, or nothing. */
function queryOf(filter: object): string {
  const query = new URLSearchParams(
    Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()
  return query ? `?${query}` : ''
}

export class ControlApiError extends Error {
  constructor(readonly status: number, message: string, readonly instructions?: string) {
    super(instructions ? `${message} (${instructions})` : message)
  }
}

export class ControlClient {
  /** `fetcher` lets the dashboard call the control app in-process (`app.request`) with the same typed methods. */
  constructor(readonly baseUrl: string, private readonly fetcher: typeof fetch = fetch) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetcher(`${this.baseUrl}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json = (await res.json()) as T & { error?: string; instructions?: string }
    if (!res.ok) throw new ControlApiError(res.status, json.error ?? res.statusText, json.instructions)
    return json
  }

  health(): Promise<{ status: 'ok' }> {
    return this.call('GET', '/health')
  }

  reset(): Promise<{ status: 'reset' }> {
    return this.call('POST', '/reset')
  }

  /** Adds a world document; answers it with every id, secret and PSID filled in. */
  addWorld(doc: WorldDocument): Promise<CompleteWorldDocument> {
    return this.call('POST', '/world', doc)
  }

  exportWorld(): Promise<CompleteWorldDocument> {
    return this.call('GET', '/world')
  }

  clock(): Promise<ClockState> {
    return this.call('GET', '/clock')
  }

  advanceClock(seconds: number): Promise<ClockState> {
    return this.call('POST', '/clock', { advanceSeconds: seconds })
  }

  /** A short-lived user token, as Graph API Explorer gives it. */
  userToken(accountId: string, appId: string, scopes?: string[]): Promise<UserTokenResponse> {
    return this.call('POST', `/accounts/${accountId}/user-tokens`, { appId, ...(scopes ? { scopes } : {}) })
  }

  /** A page token, as the app dashboard's Token Generation gives it. */
  pageToken(appId: string, pageId: string, accountId?: string): Promise<PageTokenResponse> {
    return this.call('POST', `/apps/${appId}/page-tokens`, { pageId, ...(accountId ? { accountId } : {}) })
  }

  /** The account's owner changes their password: every token of theirs is invalidated. */
  changePassword(accountId: string): Promise<{ status: string }> {
    return this.call('POST', `/accounts/${accountId}/password`)
  }

  businessIntegrations(accountId: string): Promise<{ data: Consent[] }> {
    return this.call('GET', `/accounts/${accountId}/business-integrations`)
  }

  /** Business Integrations › Remove: the app loses access and the next login dialog asks afresh. */
  removeBusinessIntegration(accountId: string, appId: string): Promise<{ status: string }> {
    return this.call('DELETE', `/accounts/${accountId}/business-integrations/${appId}`)
  }

  // ── Fault switches and the request journal ──────────────────────────────────────────────────────────────────────

  /** Every fault switch the emulator knows, where it may be set and what it does. */
  faultSwitches(): Promise<{ data: FaultSwitchInfo[] }> {
    return this.call('GET', '/faults')
  }

  /** The fault switches set on an app, page or person. */
  faults(scope: FaultScope, id: string): Promise<FaultsView> {
    return this.call('GET', `/${FAULT_PATHS[scope]}/${id}/faults`)
  }

  /** Replaces the fault switches of an app, page or person (`{}` switches every one off). */
  setFaults(scope: FaultScope, id: string, faults: FaultSwitches): Promise<FaultsView> {
    return this.call('PUT', `/${FAULT_PATHS[scope]}/${id}/faults`, faults)
  }

  /** The Graph calls the emulator answered, newest first, each with what it answered and why. */
  requests(filter: RequestFilter = {}): Promise<{ data: RequestView[] }> {
    return this.call('GET', `/requests${queryOf(filter)}`)
  }

  // ── Webhooks ────────────────────────────────────────────────────────────────────────────────────────────────────

  /** The webhook delivery log, oldest first, each delivery with its attempts, headers and body. */
  deliveries(filter: DeliveryFilter = {}): Promise<{ data: DeliveryView[] }> {
    return this.call('GET', `/deliveries${queryOf(filter)}`)
  }

  /** Delivers every due webhook now and answers once the receivers have answered. */
  runDeliveries(): Promise<{ attempted: DeliveryView[] }> {
    return this.call('POST', '/deliveries/run')
  }

  /** Queues a delivery again, due now (its earlier attempts stay in the log). */
  redeliver(deliveryId: number): Promise<DeliveryView> {
    return this.call('POST', `/deliveries/${deliveryId}/redeliver`)
  }

  /** The app dashboard's Messenger › Webhooks section: callback, events and subscribed pages. */
  appWebhook(appId: string): Promise<AppWebhookView> {
    return this.call('GET', `/apps/${appId}/webhook`)
  }

  /** Webhooks › Edit Events: sets the events of the app's webhook. */
  setWebhookFields(appId: string, fields: string[]): Promise<AppWebhookView> {
    return this.call('PUT', `/apps/${appId}/webhook/fields`, { fields })
  }

  /** Webhooks › "Select a page to subscribe your webhook to the page events", as the page admin `accountId`. */
  subscribeWebhookPage(appId: string, pageId: string, accountId: string): Promise<AppWebhookView> {
    return this.call('POST', `/apps/${appId}/webhook/pages`, { pageId, accountId })
  }

  // ── People on Messenger ─────────────────────────────────────────────────────────────────────────────────────────

  /** The person acts in their thread with `action.pageId`: types, taps, reads, opens a link, clicks an ad. */
  personAction(personId: string, action: PersonAction): Promise<PersonActionResult> {
    return this.call('POST', `/people/${personId}/actions`, action)
  }

  /**
   * What the person sees in their thread with the page, rendered for their platform (or the one given): the newest
   * 50 messages, or `limit` (up to 500) of them before the message `before` (a thread view's `earlier`).
   */
  thread(personId: string, pageId: string, platform?: Platform, window: { before?: string; limit?: number } = {}):
    Promise<ThreadView> {
    return this.call('GET', `/people/${personId}/threads/${pageId}${queryOf({ platform, ...window })}`)
  }

  /** Page settings: moves the page into or out of the European Economic Area. */
  setPage(pageId: string, settings: PageSettings): Promise<PageView> {
    return this.call('PATCH', `/pages/${pageId}`, settings)
  }

  /**
   * The world's change notifications (`GET /_emulator/events`, server-sent events): yields the change counter once at
   * once, then after every change, until `signal` aborts.
   */
  async *changes(signal: AbortSignal): AsyncGenerator<WorldChange> {
    const res = await this.fetcher(`${this.baseUrl}/_emulator/events`, { signal })
    if (!res.ok || !res.body) throw new ControlApiError(res.status, 'The event stream did not open')
    const decoder = new TextDecoder()
    let buffered = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const data = buffered.slice(0, end).split('\n').find((l) => l.startsWith('data: '))
          buffered = buffered.slice(end + 2)
          if (data) yield JSON.parse(data.slice(6)) as WorldChange
        }
      }
    } catch (e) {
      if (!signal.aborted) throw e
    }
  }

  /** App Review: approves (or withdraws) a feature such as `human_agent` for the app. */
  setAppFeature(appId: string, feature: AppFeature, approved: boolean): Promise<AppReviewState> {
    return this.call('POST', `/apps/${appId}/app-review`, { feature, approved })
  }

  /** Messenger settings › App Roles of the page (handover protocol): its primary and secondary receivers. */
  appRoles(pageId: string): Promise<AppRolesView> {
    return this.call('GET', `/pages/${pageId}/app-roles`)
  }

  /** Sets the page's App Roles; each app whose role changed gets an `app_roles` event. */
  setAppRoles(pageId: string, roles: { primaryReceiver: string | null; secondaryReceivers?: string[] }):
    Promise<AppRolesView> {
    return this.call('PUT', `/pages/${pageId}/app-roles`, roles)
  }

  /** The page's owner answers the person from the Page Inbox: the Inbox takes the thread and sends the text. */
  inboxReply(pageId: string, psid: string, text: string): Promise<InboxReplyView> {
    return this.call('POST', `/pages/${pageId}/inbox-replies`, { psid, text })
  }

  /** The Page Inbox's "Move to Done": the thread goes back to the page's primary receiver. */
  inboxDone(pageId: string, psid: string): Promise<Omit<InboxReplyView, 'mid'>> {
    return this.call('POST', `/pages/${pageId}/inbox-done`, { psid })
  }
}
