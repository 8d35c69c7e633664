/** Reads a control API request body against its schema; an empty body is `{}`, so optional-only bodies may be
 *  omitted. Malformed JSON and schema failures are answered by `controlErrorResponse`. */
import type { Context } from 'hono'
import type { z } from 'zod'

export async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const text = await c.req.text()
  return schema.parse(text.trim() === '' ? {} : JSON.parse(text))
}
