/**
 * The typed client of the control API, used by tests, scenarios and the CLI (STYLE §7.11): no caller builds
 * `/_emulator` URLs by hand. Errors come back as `ControlApiError` with the emulator's message and instructions.
 */
import type {
  ClockState, CompleteWorldDocument, Consent, PageTokenResponse, UserTokenResponse, WorldDocument,
} from './types.js'

export class ControlApiError extends Error {
  constructor(readonly status: number, message: string, readonly instructions?: string) {
    super(instructions ? `${message} (${instructions})` : message)
  }
}

export class ControlClient {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_emulator${path}`, {
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
}
