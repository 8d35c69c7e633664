/**
 * Persistent menus (seed, Persistent Menu; conversations-api.md §16; messenger-platform.md §6.1, §7).
 * Sunshine's menu: link, postback and submenu items, up to three levels, 1–3 items at the top and 1–5 in submenus.
 * Facebook's form depends on the Graph version the adapter is configured with:
 * - below v8.0, submenus are sent as `nested` items (`call_to_actions` inside), exactly mirroring the hierarchy;
 * - from v8.0 Facebook no longer accepts `nested` ("nested removed in Graph v8.0"), so submenus are flattened: each
 *   submenu is replaced, in place, by its link and postback items (depth first), keeping the order, up to Facebook's 20
 *   items. Tapping an item sends the same postback or opens the same link as in the nested form.
 * Menus cannot be set for EEA pages (`subject_to_new_eu_privacy_rules`), which is answered with a clear reason.
 */
import * as z from 'zod'
import type { AdapterContext } from '../context.js'
import { apiError } from '../api/errors.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import { facebook } from './facebook.js'
import { versionNumber } from './graph-client.js'
import type { PersistentMenu, PersistentMenuItem } from './graph-types.js'
import { graphFailure } from './integration.js'
import { LIMITS } from './limits.js'

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
  if (menu.items.length < 1 || menu.items.length > LIMITS.menuTopItems) {
    return `items: a menu has 1 to ${LIMITS.menuTopItems} items at its first level (got ${menu.items.length})`
  }
  const walk = (items: MenuItem[], level: number, path: string): string | undefined => {
    for (const [i, it] of items.entries()) {
      if (it.type !== 'submenu') continue
      const here = `${path}[${i}].items`
      if (level >= LIMITS.menuLevels) return `${here}: menus have at most ${LIMITS.menuLevels} levels`
      const n = it.items?.length ?? 0
      if (n < 1 || n > LIMITS.menuSubmenuItems) {
        return `${here}: a submenu has 1 to ${LIMITS.menuSubmenuItems} items (got ${n})`
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

/** Sunshine menu → Messenger `persistent_menu` for the given Graph version. */
export function toPersistentMenu(menu: Menu, graphVersion: string): PersistentMenu[] {
  const nested = versionNumber(graphVersion) < 8
  const convert = (it: MenuItem): PersistentMenuItem[] => {
    if (it.type === 'link') return [{ type: 'web_url', title: it.text, url: it.uri! }]
    if (it.type === 'postback') return [{ type: 'postback', title: it.text, payload: it.payload! }]
    const children = (it.items ?? []).flatMap(convert)
    return nested ? [{ type: 'nested', title: it.text, call_to_actions: children }] : children
  }
  const items = menu.items.flatMap(convert)
  return [{
    locale: 'default',
    composer_input_disabled: menu.settings?.inputEnabled === false,
    call_to_actions: nested ? items : items.slice(0, LIMITS.flatMenuItems),
  }]
}

const EEA_REASON = 'Persistent menus cannot be set for this page: Facebook applies its European privacy rules to it ' +
  '(subject_to_new_eu_privacy_rules), under which "a business will not be able to send an integration menu" (seed, ' +
  'Impact of Messenger API Updates for Europe)'

/** Sets (or removes, when `menu` is undefined) the page's persistent menu. */
export async function applyMenu(ctx: AdapterContext, integration: MessengerIntegrationRow, menu: Menu | undefined): Promise<void> {
  const fb = facebook(ctx.graph, integration.config)
  const eea = await fb.euPrivacy().catch(() => integration.config.eea)
  if (eea) throw apiError('badRequest', `${EEA_REASON} (page ${integration.config.pageId})`)
  try {
    if (menu) await fb.setPersistentMenu(toPersistentMenu(menu, ctx.graph.version))
    else await fb.deletePersistentMenu()
  } catch (err) {
    throw graphFailure(`Setting the persistent menu of page ${integration.config.pageId} (POST /me/messenger_profile)`, err)
  }
}
