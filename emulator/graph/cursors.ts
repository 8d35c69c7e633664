/**
 * Cursor paging as Graph does it (docs §1.5): `before`/`after` are opaque base64 strings, `next`/`previous` URLs
 * appear only when there is more in that direction.
 */
import { graphError } from '../facebook/errors.js'
import type { Params } from './params.js'

export interface Paged<T> {
  data: T[]
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string }
}

const encode = (key: string) => Buffer.from(key).toString('base64url')
function decode(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString()
  if (!key || encode(key) !== cursor.replace(/=+$/, '')) throw graphError('paramInvalid', 'Invalid cursor')
  return key
}

export interface PageRequest { limit: number; after?: string; before?: string }

export function pageRequest(params: Params, defaultLimit: number, maxLimit: number): PageRequest {
  const limit = params.integer('limit') ?? defaultLimit
  if (limit < 1) throw graphError('paramInvalid', 'Param limit must be a positive integer')
  const after = params.string('after')
  const before = params.string('before')
  return { limit: Math.min(limit, maxLimit), ...(after ? { after: decode(after) } : {}), ...(before ? { before: decode(before) } : {}) }
}

/** Pages `items` (in their stable order, keyed by `key`) and builds the links on `selfUrl`. */
export function paginate<T, R>(items: T[], key: (t: T) => string, req: PageRequest, selfUrl: URL,
  render: (t: T) => R): Paged<R> {
  let start = 0
  let end = items.length
  if (req.after !== undefined) start = items.findIndex((t) => key(t) === req.after) + 1
  if (req.before !== undefined) {
    end = Math.max(0, items.findIndex((t) => key(t) === req.before))
    start = Math.max(0, end - req.limit)
  } else {
    end = Math.min(items.length, start + req.limit)
  }
  const slice = items.slice(start, end)
  const first = slice[0]
  const last = slice[slice.length - 1]
  if (!first || !last) return { data: [] }
  return paged(slice.map(render), { first: key(first), last: key(last), more: end < items.length,
    earlier: start > 0 }, req.limit, selfUrl)
}

/**
 * One page of items read from a keyset (`first`, `last`: the keys of its ends) with Graph's paging: the cursors, and
 * `next`/`previous` links on `selfUrl` when there is more past that end.
 */
export function paged<R>(data: R[], ends: { first: string; last: string; more: boolean; earlier: boolean },
  limit: number, selfUrl: URL): Paged<R> {
  if (data.length === 0) return { data: [] }
  const link = (name: 'after' | 'before', cursor: string) => {
    const u = new URL(selfUrl)
    u.searchParams.delete('after')
    u.searchParams.delete('before')
    u.searchParams.set('limit', String(limit))
    u.searchParams.set(name, cursor)
    return u.toString()
  }
  const cursors = { before: encode(ends.first), after: encode(ends.last) }
  return {
    data,
    paging: {
      cursors,
      ...(ends.more ? { next: link('after', cursors.after) } : {}),
      ...(ends.earlier ? { previous: link('before', cursors.before) } : {}),
    },
  }
}
