/** Reads a control API request body against its schema; an empty body is `{}`, so optional-only bodies may be
 *  omitted. Malformed JSON and schema failures are answered by `controlErrorResponse`. */
import type { Context, MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { JSON_NESTING_MAX, nestsDeeperThan } from '../../lib/json-depth.js'
import { ControlError } from './errors.js'

export async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const text = await c.req.text()
  return schema.parse(text.trim() === '' ? {} : JSON.parse(text))
}

/**
 * Every control body nests at most JSON_NESTING_MAX levels, checked once here before any route parses it (the text
 * is kept for the route: hono reads a body once). Deeper JSON parses, but the world document's checks and the answer
 * that echoes it overflow the stack (lib/json-depth.ts).
 */
export const boundedJsonBodies: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && nestsDeeperThan(await c.req.text(), JSON_NESTING_MAX)) {
    throw new ControlError(400, `The request body nests deeper than ${JSON_NESTING_MAX} levels`,
      'No control API body nests more than a few levels: see the control API table in the README.')
  }
  await next()
}
