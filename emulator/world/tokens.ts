/** Access tokens (user, page, app) and OAuth authorization codes. Validity is judged in graph/tokens.ts. */
import type { Store } from './store.js'

export type TokenKind = 'user' | 'page' | 'app'
export type TokenSource =
  | 'oauth' | 'sdk' | 'long_lived' | 'explorer' | 'token_generation' | 'accounts' | 'client_credentials'

export interface Token {
  token: string
  kind: TokenKind
  appId: string
  accountId: string | null
  pageId: string | null
  sessionEpoch: number
  issuedAt: number
  /** Seconds since the epoch; null means the token never expires. */
  expiresAt: number | null
  source: TokenSource
  /** The account removed the app after this token was issued. */
  revoked: boolean
}

interface TokenDbRow {
  token: string; kind: TokenKind; app_id: string; account_id: string | null; page_id: string | null
  session_epoch: number; issued_at: number; expires_at: number | null; source: TokenSource; revoked: number
}

const toToken = (r: TokenDbRow): Token => ({
  token: r.token, kind: r.kind, appId: r.app_id, accountId: r.account_id, pageId: r.page_id,
  sessionEpoch: r.session_epoch, issuedAt: r.issued_at, expiresAt: r.expires_at, source: r.source,
  revoked: r.revoked === 1,
})

export interface AuthCode {
  code: string
  appId: string
  accountId: string
  redirectUri: string
  expiresAt: number
  usedAt: number | null
}

export class Tokens {
  constructor(private readonly store: Store) {}

  insert(t: Omit<Token, 'revoked'>): Token {
    this.store.stmt(`INSERT INTO tokens (token, kind, app_id, account_id, page_id, session_epoch, issued_at, expires_at,
      source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(t.token, t.kind, t.appId, t.accountId, t.pageId, t.sessionEpoch, t.issuedAt, t.expiresAt, t.source)
    return { ...t, revoked: false }
  }

  /** Cached (read-cache.ts): every Graph call looks its token up, often twice. */
  get(token: string): Token | undefined {
    return this.store.cache.get(`token:${token}`, () => {
      const r = this.store.stmt('SELECT * FROM tokens WHERE token = ?').get(token) as TokenDbRow | undefined
      return r && toToken(r)
    })
  }

  list(): Token[] {
    return (this.store.stmt('SELECT * FROM tokens ORDER BY issued_at').all() as TokenDbRow[]).map(toToken)
  }

  /** Removing an app kills every token the account holds for it: each answers 190/458 afterwards. */
  revokeFor(appId: string, accountId: string): void {
    this.store.stmt('UPDATE tokens SET revoked = 1 WHERE app_id = ? AND account_id = ?').run(appId, accountId)
  }

  /** A live page token already issued for this app, account and page in this session with this expiry. */
  findPageToken(appId: string, accountId: string, pageId: string, epoch: number, expiresAt: number | null):
    Token | undefined {
    const r = this.store.stmt(`SELECT * FROM tokens WHERE kind = 'page' AND source = 'accounts' AND app_id = ?
      AND account_id = ? AND page_id = ? AND session_epoch = ? AND revoked = 0 AND expires_at IS ? LIMIT 1`)
      .get(appId, accountId, pageId, epoch, expiresAt) as TokenDbRow | undefined
    return r && toToken(r)
  }

  insertCode(c: AuthCode): void {
    this.store.stmt(`INSERT INTO auth_codes (code, app_id, account_id, redirect_uri, expires_at, used_at)
      VALUES (?, ?, ?, ?, ?, NULL)`).run(c.code, c.appId, c.accountId, c.redirectUri, c.expiresAt)
  }

  getCode(code: string): AuthCode | undefined {
    const r = this.store.stmt('SELECT * FROM auth_codes WHERE code = ?').get(code) as
      { code: string; app_id: string; account_id: string; redirect_uri: string; expires_at: number; used_at: number | null }
      | undefined
    return r && {
      code: r.code, appId: r.app_id, accountId: r.account_id, redirectUri: r.redirect_uri, expiresAt: r.expires_at,
      usedAt: r.used_at,
    }
  }

  /** Marks a code used; false when it already was (codes are single use). */
  useCode(code: string, at: number): boolean {
    return this.store.stmt('UPDATE auth_codes SET used_at = ? WHERE code = ? AND used_at IS NULL').run(at, code).changes === 1
  }
}
