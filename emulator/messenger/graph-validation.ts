/**
 * Validation of Graph request bodies by zod schema, with the failure mapped onto the catalogue's error Graph gives
 * for it (STYLE §7.5). Graph names a nested parameter `message[attachment][payload][elements]` (docs §3.8).
 */
import type { z } from 'zod'
import { graphError, type GraphError } from '../facebook/errors.js'

type Path = readonly PropertyKey[]

/** `['message', 'quick_replies', 0, 'title']` → `message[quick_replies][0][title]`. */
export function graphParamName(path: Path): string {
  const [head, ...rest] = path.map(String)
  return (head ?? '') + rest.map((p) => `[${p}]`).join('')
}

function valueAt(input: unknown, path: Path): unknown {
  let v = input
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined
  return v
}

/** The catalogue error for the first thing wrong with `input` (Graph reports one problem at a time). */
export function toGraphError(issue: z.core.$ZodIssue, input: unknown, base: Path = []): GraphError {
  const path = [...base, ...issue.path]
  const name = graphParamName(path)
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'array') return graphError('paramTooManyElements', name)
      if (issue.origin === 'string') return graphError('paramTooLong', name, String(issue.maximum))
      return graphError('paramInvalid', `Param ${name} must be at most ${String(issue.maximum)}`)
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return graphError('paramRequired', name)
      if (issue.origin === 'array') return graphError('paramInvalid', `Param ${name} must be non-empty`)
      return graphError('paramInvalid', `Param ${name} must be at least ${String(issue.minimum)}`)
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? graphError('paramRequired', name)
        : graphError('paramInvalid', `Param ${name} must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`)
    case 'unrecognized_keys':
      return graphError('paramInvalidKeys', issue.keys.join(','), name)
    case 'invalid_value':
      return graphError('paramOneOf', name, issue.values.map(String).join(', '), String(valueAt(input, issue.path)))
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : undefined
      if (options) return graphError('paramOneOf', name, options.join(', '), String(valueAt(input, issue.path)))
      return graphError('paramInvalid', `Param ${name} is invalid`)
    }
    case 'invalid_format':
      return graphError('paramInvalid', `Param ${name} must be a valid ${issue.format === 'url' ? 'URL' : issue.format}`)
    default:
      return graphError('paramInvalid', `Param ${name} ${issue.message}`)
  }
}

/** Parses `input` or throws the catalogue error for its first problem. */
export function parseGraph<S extends z.ZodType>(schema: S, input: unknown, base: Path = []): z.infer<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  throw toGraphError(r.error.issues[0]!, input, base)
}
