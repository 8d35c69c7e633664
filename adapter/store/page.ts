/**
 * Cursor pages of a list (conversations-api.md §1.5): `page[after]=<id>` or `page[before]=<id>`, never both, a record
 * id as the cursor. A window says which records it holds and whether the list goes on either side of it, which is
 * what `meta` and `links` are made of (api/paging.ts).
 */
export interface PageRequest {
  after?: string
  before?: string
  size: number
}

export interface Window<T> {
  items: T[]
  /** Records exist before the first item (a `page[before]` page would have some). */
  hasBefore: boolean
  /** Records exist after the last item. */
  hasAfter: boolean
}

/**
 * A window of a short list held in memory (a user's conversations or clients, an app's integrations): the first
 * `size` records, or those right after or before the cursor. Undefined when the cursor is not a record of the list.
 */
export function sliceWindow<T extends { id: string }>(all: T[], page: PageRequest): Window<T> | undefined {
  const cursor = page.after ?? page.before
  const at = cursor === undefined ? -1 : all.findIndex((r) => r.id === cursor)
  if (cursor !== undefined && at < 0) return undefined
  if (page.before !== undefined) {
    const start = Math.max(0, at - page.size)
    return { items: all.slice(start, at), hasBefore: start > 0, hasAfter: true }
  }
  const start = at + 1
  const end = start + page.size
  return { items: all.slice(start, end), hasBefore: start > 0, hasAfter: end < all.length }
}
