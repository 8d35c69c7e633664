/**
 * Reads and validates a JSON request body with a zod schema; failures become Conversations-shaped 400s, one entry per
 * problem, each naming the field (DESIGN "Bad input gets the answer the real service gives").
 */
import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError, apiError, API_ERRORS } from './errors.js'
import { JsonTooDeepError, parseJson } from '../../lib/json-depth.js'

/**
 * Bodies over Sunshine's 100 KB were refused before they got here (app.ts, API_BODY_BYTES_MAX); JSON nested deeper
 * than lib/json-depth.ts allows is refused before it is parsed.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text()
  try {
    const value = parseJson(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw apiError('invalidJson')
    return value
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw apiError(err instanceof JsonTooDeepError ? 'nestedTooDeep' : 'invalidJson')
  }
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseValue(await readJson(c), schema)
}

/** `named`: how the caller's body names a field the schema knows by another path (v1.1's flat messages). */
export function parseValue<S extends z.ZodType>(value: unknown, schema: S,
  named: (path: PropertyKey[]) => PropertyKey[] = (path) => path): z.infer<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const { status, code } = API_ERRORS.badRequest
  throw new ApiError(status, result.error.issues.map((issue) => {
    const path = named(issue.path)
    return { code, title: `${path.length ? `${path.map(String).join('.')}: ` : ''}${issue.message}` }
  }))
}
