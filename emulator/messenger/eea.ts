/**
 * The European privacy restrictions of December 2020 (seed guide "Impact of Messenger API Updates for Europe";
 * docs §7). A conversation is restricted when the page is in Europe, any of the page's admins is, or the person is.
 * Restricted conversations: no typing indicators, no delivery or read events, non-image media as URLs, templates and
 * buttons only on the mobile apps, no referral events except Get Started and m.me, no persistent menu, a reduced
 * user profile. Source: https://developers.facebook.com/docs/messenger-platform/europe-updates/
 */
import type { World } from '../world/world.js'

export interface EeaParties {
  page: { eea: boolean }
  admins: { eea: boolean }[]
  person?: { eea: boolean } | undefined
}

/** The rule itself, on plain facts. */
export function restrictedParties({ page, admins, person }: EeaParties): boolean {
  return page.eea || admins.some((a) => a.eea) || (person?.eea ?? false)
}

/** Whether the page is restricted in all its chats (a European page or admin), whoever the person is. */
export function pageIsEeaRestricted(world: World, pageId: string): boolean {
  return conversationIsEeaRestricted(world, pageId, undefined)
}

/** Whether the conversation between this page and person falls under the restrictions. */
export function conversationIsEeaRestricted(world: World, pageId: string, personId: string | undefined): boolean {
  const page = world.pages.get(pageId)
  if (!page) return false
  const admins = world.pages.admins(pageId).map((id) => world.accounts.get(id)).filter((a) => a !== undefined)
  const person = personId === undefined ? undefined : world.people.get(personId)
  return restrictedParties({ page, admins, person })
}
