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
import type { AdapterContext } from '../runtime/context.js'
import { ChannelError } from './errors.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import { facebook } from './facebook.js'
import { versionNumber } from '../facebook/graph-client.js'
import type { PersistentMenu, PersistentMenuItem } from '../facebook/graph-types.js'
import { graphFailure } from './integration.js'
import { LIMITS } from '../facebook/limits.js'
import type { Menu, MenuItem } from '../conversations/menu.js'

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
  if (eea) throw new ChannelError('unsupported', `${EEA_REASON} (page ${integration.config.pageId})`)
  try {
    if (menu) await fb.setPersistentMenu(toPersistentMenu(menu, ctx.graph.version))
    else await fb.deletePersistentMenu()
  } catch (err) {
    throw graphFailure(`Setting the persistent menu of page ${integration.config.pageId} (POST /me/messenger_profile)`, err)
  }
}
