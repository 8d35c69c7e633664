/**
 * JSON nested too deep, refused before it is parsed. `JSON.parse` itself copes with any depth, but what comes after
 * it does not: `JSON.stringify` (the request journal), `String()` of an array, and every recursive walk overflow the
 * stack somewhere past a few thousand levels, and a 300,000-deep value held the emulator's event loop for 345 ms
 * (issue 14). Counting brackets first costs one pass over the text and allocates nothing. Protocol-neutral: the
 * emulator's Graph and control APIs and the adapter's bodies each answer it in their own error shape.
 */

/** The depth every surface allows unless it says otherwise: the deepest valid Graph or Conversations body is ~10. */
export const JSON_NESTING_MAX = 100

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d

/**
 * Whether the JSON text opens more than `max` arrays or objects inside one another. Brackets inside strings do not
 * count. Malformed text is judged the same way (JSON.parse refuses it afterwards, if it is not too deep).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  // max + 1 openings need at least that many characters.
  if (text.length <= max) return false
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === QUOTE) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i)
        if (c === BACKSLASH) i++
        else if (c === QUOTE) break
      }
    } else if (ch === OPEN_BRACKET || ch === OPEN_BRACE) {
      if (++depth > max) return true
    } else if (ch === CLOSE_BRACKET || ch === CLOSE_BRACE) {
      depth--
    }
  }
  return false
}

export class JsonTooDeepError extends Error {
  constructor(readonly max: number) {
    super(`nests deeper than ${max} levels`)
  }
}

/** `JSON.parse`, refusing text nested deeper than `max` with a JsonTooDeepError (and malformed text as it does). */
export function parseJson(text: string, max = JSON_NESTING_MAX): unknown {
  if (nestsDeeperThan(text, max)) throw new JsonTooDeepError(max)
  return JSON.parse(text)
}
