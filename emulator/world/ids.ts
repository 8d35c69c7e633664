/**
 * Identifier and secret generators. Facebook ids are decimal strings (apps, pages, users ~15 digits, PSIDs ~16);
 * secrets and tokens must be unguessable, so they come from nanoid's CSPRNG alphabet generators.
 *
 * Numeric ids are time-ordered (a millisecond prefix, then random digits) so that inserts into SQLite's primary-key
 * index land at its end instead of rewriting random pages.
 */
import { customAlphabet } from 'nanoid'

const digits = customAlphabet('0123456789', 8)
const hex32 = customAlphabet('0123456789abcdef', 32)
const tokenBody = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 96)
const codeBody = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_', 64)
const traceBody = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 11)
/** base64url's 64 characters in ASCII order, so that a prefix written with them sorts as the number it encodes. */
const SORTED64 = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'
const midBody = customAlphabet(SORTED64, 76)

function sorted64(n: number, width: number): string {
  let out = ''
  for (let i = 0; i < width; i++, n = Math.floor(n / 64)) out = SORTED64[n % 64]! + out
  return out
}

/**
 * The emulator's id and secret generators. One set per world (World.open takes it, as the adapter's context takes its
 * own), so a test can inject predictable ids and two worlds in one process share no counters.
 */
export interface Ids {
  app(): string
  account(): string
  page(): string
  person(): string
  psid(): string
  attachment(): string
  /** Persona ids are numeric, as Facebook's (`2222146701193608`, docs §12). */
  persona(): string
  /** App secrets are 32 hex characters, as Facebook's are. */
  appSecret(): string
  /** Access tokens look like Facebook's (`EAA…`) and carry 96 random characters. */
  accessToken(): string
  /** The secret half of an app token `{app-id}|{secret}` from client_credentials. */
  appTokenSecret(): string
  authCode(): string
  /** Message ids in the current `m_…` form (docs §3.3). */
  mid(): string
  fbtrace(): string
  verifyToken(): string
}

/** Generators of time-ordered ids, each with the counters that keep ids of one millisecond apart. */
export function createIds(): Ids {
  let midMs = 0
  let midSeq = 0
  /**
   * A message id: `m_`, 10 time-ordered characters (milliseconds, then a counter within the millisecond), then 76
   * random ones — the 88 characters of Facebook's `m_…` ids (docs §3.3). Time order keeps inserts into the unique
   * index on mids at its end (`npm run bench`); the random part keeps them unguessable.
   */
  const mid = (): string => {
    const ms = Date.now()
    midSeq = ms === midMs ? midSeq + 1 : 0
    midMs = ms
    return `m_${sorted64(ms, 8)}${sorted64(midSeq, 2)}${midBody()}`
  }

  let lastMs = 0
  let seq = 0
  /** A time-ordered decimal id of `length` digits (≥ 15), unique within this set of generators. */
  const numericId = (length = 15): string => {
    const ms = Date.now()
    seq = ms === lastMs ? seq + 1 : 0
    lastMs = ms
    const head = String(ms).slice(-(length - 10)) + String(seq % 100).padStart(2, '0')
    return (head + digits()).slice(0, length).replace(/^0/, '1')
  }

  return {
    app: () => numericId(15),
    account: () => numericId(15),
    page: () => numericId(15),
    person: () => numericId(15),
    psid: () => numericId(16),
    attachment: () => numericId(16),
    persona: () => numericId(16),
    appSecret: () => hex32(),
    accessToken: () => `EAA${tokenBody()}`,
    appTokenSecret: () => tokenBody().slice(0, 43),
    authCode: () => `AQ${codeBody()}`,
    mid,
    fbtrace: () => traceBody(),
    verifyToken: () => tokenBody().slice(0, 32),
  }
}
