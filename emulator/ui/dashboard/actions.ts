/**
 * How the dashboard's forms act: each POST is turned into a call of the typed control client, bound in-process to
 * the control app (`control.request`), so a click does exactly what the control API call does, with the same
 * validation and the same refusals. The answer is a 303 back to the page the form came from, carrying a notice or
 * the control API's error and instructions (Post/Redirect/Get: a reload never repeats the action).
 */
import type { Context, Hono } from 'hono'
import { ControlApiError, ControlClient } from '../../control/client.js'
import { withFlash } from '../../../lib/forms.js'

export { backPath, readForm, type Form } from '../../../lib/forms.js'

const INTERNAL = 'http://emulator.internal'
const PREFIX = `${INTERNAL}/_emulator`

/** A control client that calls the control app directly, without a socket. */
export function inProcessClient(control: Hono): ControlClient {
  return new ControlClient(INTERNAL, async (input, init) => {
    const url = String(input)
    return control.request(url.startsWith(PREFIX) ? url.slice(PREFIX.length) : url, init)
  })
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
