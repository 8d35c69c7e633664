/**
 * The plain HTML forms of both dashboards (no JavaScript needed): reading a posted form, where it may send the browser
 * back to, and the flash message a redirect carries (Post/Redirect/Get: a reload never repeats the action).
 */
import type { Context } from 'hono'

export type Form = Record<string, string>

/** The posted form, first value of each field (the dashboards' forms never repeat a field but checkboxes). */
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

export interface Flash { notice?: string; error?: string; instructions?: string }

const BASE = 'http://dashboard.internal'

/** `path` with the flash in its query, replacing any flash it carried. */
export function withFlash(path: string, flash: Flash): string {
  const url = new URL(path, BASE)
  for (const k of ['notice', 'error', 'instructions']) url.searchParams.delete(k)
  for (const [k, v] of Object.entries(flash)) if (v) url.searchParams.set(k, v)
  return `${url.pathname}${url.search}${url.hash}`
}

/** The flash a redirect after a form carries in its query (`notice`, or `error` and `instructions`). */
export function flashOf(c: Context): Flash {
  const { notice, error, instructions } = c.req.query()
  return { ...(notice ? { notice } : {}), ...(error ? { error } : {}), ...(instructions ? { instructions } : {}) }
}
