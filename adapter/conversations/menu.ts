/**
 * Sunshine's persistent menu as businesses send it (seed, Persistent Menu; conversations-api.md §16): link, postback
 * and submenu items, up to three levels, 1–3 items at the top and 1–5 in submenus. How it reaches Messenger is
 * messenger/menu.ts.
 */
import * as z from 'zod'
import { CONTENT_LIMITS } from './limits.js'
import { LIMITS } from '../facebook/limits.js'

export interface MenuItem {
  _id?: string
  type: 'link' | 'postback' | 'submenu'
  text: string
  uri?: string
  payload?: string
  items?: MenuItem[]
}
export interface Menu {
  items: MenuItem[]
  settings?: { inputEnabled?: boolean }
}

const itemSchema: z.ZodType<MenuItem> = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ _id: z.string().optional(), type: z.literal('link'), text: z.string().min(1).max(LIMITS.menuTitle), uri: z.url() }),
  z.object({ _id: z.string().optional(), type: z.literal('postback'), text: z.string().min(1).max(LIMITS.menuTitle), payload: z.string().min(1).max(1000) }),
  z.object({ _id: z.string().optional(), type: z.literal('submenu'), text: z.string().min(1).max(LIMITS.menuTitle), items: z.array(itemSchema) }),
]))

export const menuSchema = z.object({
  items: z.array(itemSchema),
  settings: z.object({ inputEnabled: z.boolean().optional() }).optional(),
})

/** The seed's hierarchy rules; answers the first problem, naming where it is. */
export function menuProblem(menu: Menu): string | undefined {
  if (menu.items.length < 1 || menu.items.length > CONTENT_LIMITS.menuTopItems) {
    return `items: a menu has 1 to ${CONTENT_LIMITS.menuTopItems} items at its first level (got ${menu.items.length})`
  }
  const walk = (items: MenuItem[], level: number, path: string): string | undefined => {
    for (const [i, it] of items.entries()) {
      if (it.type !== 'submenu') continue
      const here = `${path}[${i}].items`
      if (level >= CONTENT_LIMITS.menuLevels) return `${here}: menus have at most ${CONTENT_LIMITS.menuLevels} levels`
      const n = it.items?.length ?? 0
      if (n < 1 || n > CONTENT_LIMITS.menuSubmenuItems) {
        return `${here}: a submenu has 1 to ${CONTENT_LIMITS.menuSubmenuItems} items (got ${n})`
      }
      const deeper = walk(it.items!, level + 1, here)
      if (deeper) return deeper
    }
    return undefined
  }
  return walk(menu.items, 1, 'items')
}

export function withIds(menu: Menu, newId: () => string): Menu {
  const mark = (items: MenuItem[]): MenuItem[] =>
    items.map((it) => ({ ...it, _id: it._id ?? newId(), ...(it.items ? { items: mark(it.items) } : {}) }))
  return { items: mark(menu.items), ...(menu.settings ? { settings: menu.settings } : {}) }
}
