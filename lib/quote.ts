/**
 * Client input quoted in a message, a header or a log line: at most a short prefix of it. A hostile test sent a
 * 200 KB `messaging_type`, and the error echoed it whole into the body and the `WWW-Authenticate` header, which Node's
 * fetch then refused to read (UND_ERR_HEADERS_OVERFLOW) and curl dropped (issue 14). Protocol-neutral: the emulator's
 * error catalogue and both servers' logs use it.
 */

/** Enough for any name or value a real client sends, and for the emulator's own sentences around a parameter path. */
export const QUOTE_MAX_CHARS = 200

/** The first `max` characters of `text`, with `…` when it was longer; never a lone half of a surrogate pair. */
export function shortQuote(text: string, max = QUOTE_MAX_CHARS): string {
  if (text.length <= max) return text
  const end = /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max
  return `${text.slice(0, end)}…`
}

/**
 * An attacker-sent value for a log line: a short prefix, escaped as a JSON string (quotes included) so a newline or a
 * terminal escape sequence in it cannot forge or garble lines. Objects are named by kind, never serialised (they may
 * be nested too deep to serialise at all).
 */
export function logQuote(value: unknown, max = 80): string {
  if (typeof value === 'string') return JSON.stringify(shortQuote(value, max))
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === undefined) return 'undefined'
  return Array.isArray(value) ? '[an array]' : `[a ${typeof value}]`
}
