/**
 * Partial matching of JSON values, as scenarios state what they expect: an object matches when every key it names
 * matches (other keys are ignored), an array when it has the same length and each element matches, a RegExp matches a
 * string, a function is a predicate; anything else must be equal. `mismatch` says where the first difference is, so
 * a timed-out wait can name it.
 */
export type Expected = unknown

/** The path and reason of the first difference, or undefined when `actual` matches. */
export function mismatch(actual: unknown, expected: Expected, path = '$'): string | undefined {
  if (typeof expected === 'function') {
    return (expected as (v: unknown) => boolean)(actual) ? undefined : `${path}: ${show(actual)} does not satisfy the check`
  }
  if (expected instanceof RegExp) {
    return typeof actual === 'string' && expected.test(actual) ? undefined : `${path}: ${show(actual)} does not match ${expected}`
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} items, got ${actual.length}`
    for (const [i, e] of expected.entries()) {
      const m = mismatch(actual[i], e, `${path}[${i}]`)
      if (m) return m
    }
    return undefined
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: expected an object, got ${show(actual)}`
    for (const [k, e] of Object.entries(expected)) {
      const m = mismatch((actual as Record<string, unknown>)[k], e, `${path}.${k}`)
      if (m) return m
    }
    return undefined
  }
  return Object.is(actual, expected) ? undefined : `${path}: expected ${show(expected)}, got ${show(actual)}`
}

export const matches = (actual: unknown, expected: Expected): boolean => mismatch(actual, expected) === undefined

/** A short JSON rendering for messages. */
export function show(value: unknown, max = 300): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value)
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/**
 * Compares `actual` with a documented example (the seed's webhook payloads): every key of the example must be present
 * with a value of the same JSON type, and equal unless its key is in `volatile` (ids and times, which differ per run).
 * Answers every difference found; keys `actual` has beyond the example are allowed and listed in `extra`.
 */
export function compareWithExample(actual: unknown, example: unknown, volatile: ReadonlySet<string>, path = '$'):
  { differences: string[]; extra: string[] } {
  const out = { differences: [] as string[], extra: [] as string[] }
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)
  const walk = (a: unknown, e: unknown, p: string, key: string) => {
    if (kind(a) !== kind(e)) {
      out.differences.push(`${p}: expected ${kind(e)} ${show(e, 80)}, got ${show(a, 80)}`)
      return
    }
    if (Array.isArray(e)) {
      const arr = a as unknown[]
      if (arr.length !== e.length) out.differences.push(`${p}: expected ${e.length} items, got ${arr.length}`)
      e.forEach((x, i) => { if (i < arr.length) walk(arr[i], x, `${p}[${i}]`, key) })
      return
    }
    if (e !== null && typeof e === 'object') {
      const obj = a as Record<string, unknown>
      for (const [k, x] of Object.entries(e)) {
        if (!(k in obj)) out.differences.push(`${p}.${k}: missing`)
        else walk(obj[k], x, `${p}.${k}`, k)
      }
      for (const k of Object.keys(obj)) if (!(k in (e as object))) out.extra.push(`${p}.${k}`)
      return
    }
    if (!volatile.has(key) && !Object.is(a, e)) out.differences.push(`${p}: expected ${show(e)}, got ${show(a)}`)
  }
  walk(actual, example, path, '')
  return out
}

/** Throws, naming `what` and the first difference, unless `actual` matches. */
export function assertMatches(what: string, actual: unknown, expected: Expected): void {
  const m = mismatch(actual, expected)
  if (m) throw new Error(`${what}: ${m}`)
}
