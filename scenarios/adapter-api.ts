/**
 * The business's client of the adapter's Conversations API (Basic auth with the API key, conversations-api.md §2):
 * every call is recorded on the timeline (business → adapter), and answers `{ status, body }` without throwing, so
 * a scenario can check refusals as carefully as successes.
 */
import type { Recorder } from './timeline.js'

export interface AdapterCoordinates {
  url: string
  appId: string
  keyId: string
  keySecret: string
}

export interface ApiAnswer<T = any> {
  status: number
  body: T
}

export class AdapterApi {
  constructor(readonly adapter: AdapterCoordinates, private readonly recorder?: Recorder) {}

  /** `path` may contain `{appId}`. */
  async call<T = any>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const full = path.replace('{appId}', this.adapter.appId)
    const at = Date.now() // when the call was made, so it sorts before what it caused
    const auth = Buffer.from(`${this.adapter.keyId}:${this.adapter.keySecret}`).toString('base64')
    const res = await fetch(`${this.adapter.url}${full}`, {
      method,
      headers: { authorization: `Basic ${auth}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch { /* kept as text */ }
    this.recorder?.add({
      at, from: 'business', to: 'adapter', title: `${method} ${full} → ${res.status}`, ok: res.ok,
      detail: { request: body, response: parsed },
    })
    return { status: res.status, body: parsed as T }
  }

  get = <T = any>(path: string) => this.call<T>('GET', path)
  post = <T = any>(path: string, body: unknown = {}) => this.call<T>('POST', path, body)
  put = <T = any>(path: string, body: unknown = {}) => this.call<T>('PUT', path, body)
  patch = <T = any>(path: string, body: unknown = {}) => this.call<T>('PATCH', path, body)
  delete = <T = any>(path: string) => this.call<T>('DELETE', path)
}
