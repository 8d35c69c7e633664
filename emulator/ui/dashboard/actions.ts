/**
 * How the dashboard's forms act: each POST is turned into a call of the typed control client, bound in-process to
 * the control app (`control.request`), so a click does exactly what the control API call does, with the same
 * validation and the same refusals. The answer is a 303 back to the page the form came from, carrying a notice or
 * the control API's error and instructions (Post/Redirect/Get: a reload never repeats the action).
 */
import type { Context, Hono } from 'hono'
import { ControlApiError, ControlClient } from '../../control/client.js'

const INTERNAL = 'http://emulator.internal'
const PREFIX = `${INTERNAL}/_emulator`

/** A control client that calls the control app directly, without a socket. */
export function inProcessClient(control: Hono): ControlClient {
  return new ControlClient(INTERNAL, async (input, init) => {
    const url = String(input)
    return control.request(url.startsWith(PREFIX) ? url.slice(PREFIX.length) : url, init)
  })
}

export type Form = Record<string, string>

/** The posted form, first value of each field (the dashboard's forms never repeat a field but checkboxes). */
export async function readForm(c: Context): Promise<{ form: Form; all: (name: string) => string[] }> {
  const body = await c.req.parseBody({ all: true })
  const form: Form = {}
  for (const [k, v] of Object.entries(body)) {
    const first = Array.isArray(v) ? v[0] : v
    if (typeof first === 'string') form[k] = first
  }
  const all = (name: string) => {
    const v = body[name]
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
  }
  return { form, all }
}

/** A same-site path to return to; anything else (another host, `//evil`) falls back to `fallback`. */
export function backPath(value: string | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback
  return value
}

function withFlash(path: string, flash: Record<string, string>): string {
  const url = new URL(path, INTERNAL)
  for (const k of ['notice', 'error', 'instructions']) url.searchParams.delete(k)
  for (const [k, v] of Object.entries(flash)) url.searchParams.set(k, v)
  return `${url.pathname}${url.search}${url.hash}`
}

/**
 * Runs one control call for a form and redirects back with its outcome. A refusal of the control API (4xx) becomes
 * the flash error; anything else is a real failure and propagates.
 */
export async function act(c: Context, back: string, notice: string | undefined, call: () => Promise<unknown>):
  Promise<Response> {
  try {
    await call()
    return c.redirect(withFlash(back, notice ? { notice } : {}), 303)
  } catch (e) {
    if (!(e instanceof ControlApiError)) throw e
    const suffix = e.instructions ? ` (${e.instructions})` : ''
    const message = suffix && e.message.endsWith(suffix) ? e.message.slice(0, -suffix.length) : e.message
    return c.redirect(withFlash(back, { error: message, ...(e.instructions ? { instructions: e.instructions } : {}) }), 303)
  }
}
