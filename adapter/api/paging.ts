/**
 * Cursor pagination of every list (conversations-api.md §1.5; spec `page.yaml`, `meta.yaml`, `links.yaml`):
 * `page[after]` or `page[before]` (a 24-character record id, never both) and `page[size]` (1–100, default 25). The
 * answer carries `meta: { hasMore, afterCursor?, beforeCursor? }` and `links: { prev?, next? }`, full URLs of the
 * neighbouring pages. `hasMore` looks the way the caller is going: backwards for `page[before]` (and for messages,
 * which start at the latest page), forwards otherwise.
 */
import type { Context } from 'hono'
import { sliceWindow, type PageRequest, type Window } from '../store/page.js'
import type { ListLinks, ListMeta } from '../conversations/types.js'
import { apiError } from './errors.js'

const DEFAULT_SIZE = 25
const MAX_SIZE = 100
const CURSOR = /^[0-9a-zA-Z]{24}$/

export function pageRequest(c: Context): PageRequest {
  const after = c.req.query('page[after]')
  const before = c.req.query('page[before]')
  const size = c.req.query('page[size]')
  if (after !== undefined && before !== undefined) {
    throw apiError('invalidPage', 'Can supply only one of page[after] or page[before], not both')
  }
  for (const [name, cursor] of [['page[after]', after], ['page[before]', before]] as const) {
    if (cursor !== undefined && !CURSOR.test(cursor)) throw apiError('invalidPage', `Invalid page query parameters: ${name} must be a 24-character record id`)
  }
  const n = size === undefined ? DEFAULT_SIZE : Number(size)
  if (!Number.isInteger(n) || n < 1 || n > MAX_SIZE) {
    throw apiError('invalidPage', `Invalid page query parameters: page[size] must be an integer from 1 to ${MAX_SIZE}`)
  }
  return { ...(after !== undefined ? { after } : {}), ...(before !== undefined ? { before } : {}), size: n }
}

/** A page of a short list; a cursor that is not one of its records is refused. */
export function windowOf<T extends { id: string }>(rows: T[], page: PageRequest): Window<T> {
  const window = sliceWindow(rows, page)
  if (!window) throw apiError('invalidPage', `Invalid page query parameters: ${page.after ? 'page[after]' : 'page[before]'} is not a record of this list`)
  return window
}

export interface Listing { meta: ListMeta; links: ListLinks }

/** `backwards`: the list is read from its end (messages). */
export function listing<T extends { id: string }>(c: Context, page: PageRequest, window: Window<T>, backwards = false): Listing {
  const first = window.items[0]
  const last = window.items.at(-1)
  const towardsStart = page.before !== undefined || (backwards && page.after === undefined)
  const meta: ListMeta = { hasMore: towardsStart ? window.hasBefore : window.hasAfter }
  const links: ListLinks = {}
  if (window.hasAfter && last) {
    meta.afterCursor = last.id
    links.next = pageUrl(c, 'after', last.id)
  }
  if (window.hasBefore && first) {
    meta.beforeCursor = first.id
    links.prev = pageUrl(c, 'before', first.id)
  }
  return { meta, links }
}

/**
 * The request's own URL with the cursor swapped: filters and page size are kept. Brackets stay literal in parameter
 * names, as in Sunshine's own examples (`?page[after]=…`).
 */
function pageUrl(c: Context, direction: 'after' | 'before', cursor: string): string {
  const url = new URL(c.req.url)
  const query = [...url.searchParams].filter(([k]) => k !== 'page[after]' && k !== 'page[before]')
  query.push([`page[${direction}]`, cursor])
  url.search = query.map(([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v)}`).join('&')
  return url.toString()
}
