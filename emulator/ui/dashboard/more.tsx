/**
 * Lists that grow with the world (pages, people, their fault switches) are drawn a step at a time: the first
 * `LIST_STEP` items, and a "Show more" link (`?shown=N`, no JavaScript needed) for the next step. A page listing
 * every one of 1,000 people, each with a form, grew without bound (issue 14).
 */
import type { Context } from 'hono'
import type { FC } from 'hono/jsx'

export const LIST_STEP = 100

/** How many items the request asks to see (`?shown=`), a whole number of steps, at least one. */
export function shownOf(c: Context): number {
  const asked = Number(c.req.query('shown'))
  return Number.isInteger(asked) && asked > LIST_STEP ? Math.ceil(asked / LIST_STEP) * LIST_STEP : LIST_STEP
}

/** "Showing N of M · Show more": a link to the same page with the next step shown, when anything is left. */
export const ShowMore: FC<{ c: Context; shown: number; total: number; id: string }> = ({ c, shown, total, id }) => {
  if (total <= shown) return <></>
  const url = new URL(c.req.url)
  url.searchParams.set('shown', String(shown + LIST_STEP))
  return (
    <p class="muted" id={id}>Showing {shown} of {total}. <a href={`${url.pathname}${url.search}`}>Show more</a></p>
  )
}
