/**
 * Errors of the emulator's own control API: plain JSON `{ "error": message, "instructions": hint }` with a 4xx,
 * so a test author sees what to do next (STYLE §7.2, after firebase-tools' emulator handlers).
 */
import type { Context } from 'hono'
import { ZodError } from 'zod'
import { WorldDocumentError } from '../world/document.js'

export class ControlError extends Error {
  constructor(readonly status: 400 | 404 | 409 | 413, message: string, readonly instructions?: string) {
    super(message)
  }
}

export interface ControlErrorBody { error: string; instructions?: string }

export const notFound = (what: string, id: string) =>
  new ControlError(404, `No ${what} ${id} in the world`, `GET /_emulator/world lists every ${what}'s id.`)

export function controlErrorResponse(err: unknown, c: Context): Response {
  if (err instanceof ControlError) {
    return c.json<ControlErrorBody>({ error: err.message, ...(err.instructions ? { instructions: err.instructions } : {}) },
      err.status)
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'body'
    return c.json<ControlErrorBody>({
      error: `Invalid ${where}: ${issue?.message ?? 'malformed'}`,
      instructions: 'See the control API table in the README for the expected body.',
    }, 400)
  }
  if (err instanceof WorldDocumentError) {
    return c.json<ControlErrorBody>({ error: err.message, instructions: 'Nothing of the document was added.' },
      err.status)
  }
  if (err instanceof SyntaxError) {
    return c.json<ControlErrorBody>({
      error: 'The request body is not valid JSON',
      instructions: 'Send a JSON object with content-type: application/json.',
    }, 400)
  }
  console.error('[control] unexpected error', err)
  return c.json<ControlErrorBody>({ error: 'Internal emulator error' }, 500)
}
