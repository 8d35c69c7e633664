/**
 * The User Profile API (docs §6.2): `GET /{PSID}?fields=first_name,last_name,profile_pic,…` with a token of the page
 * that issued the PSID. A PSID is page-scoped, so another page's token gets the same 100/33 an unknown id gets.
 * Chats under the 2020 privacy rules for Europe keep id, name, first and last name only; asking for the picture,
 * locale, timezone or gender is refused (docs §7; seed guide "Impact of Messenger API Updates for Europe").
 */
import type { Context } from 'hono'
import type { World } from '../world/world.js'
import type { Psid } from '../world/people.js'
import { conversationIsEeaRestricted } from '../messenger/eea.js'
import { graphError } from '../facebook/errors.js'
import { requireKind, requireScope } from '../login/access.js'
import { route, type GraphRoute } from './router.js'
import { selectFields, type FieldReaders } from './fields.js'

/** Without `fields`, the docs' example set (docs §6.2; default-available since v3.1, howdyai/botkit#1590). */
const DEFAULT_FIELDS = ['first_name', 'last_name', 'profile_pic', 'id']
/** Unavailable in chats under the privacy rules for Europe ("Id, first and last name will still be available"). */
const EEA_WITHHELD = new Set(['profile_pic', 'locale', 'timezone', 'gender'])

/** Where the emulator serves the generated picture; keyed by PSID so no page learns a cross-page id. */
export function profilePicturePath(psid: string): string {
  return `/_emulator/psids/${encodeURIComponent(psid)}/picture`
}

function readers(world: World, c: Context, psid: Psid, restricted: boolean): FieldReaders {
  const person = world.people.get(psid.personId)!
  const withheld = (field: string, read: () => unknown) => () => {
    if (restricted) throw graphError('eeaPrivacyRules').because(`${field} of a chat under the EU privacy rules`)
    return read()
  }
  return {
    id: () => psid.psid,
    name: () => `${person.firstName} ${person.lastName}`,
    first_name: () => person.firstName,
    last_name: () => person.lastName,
    profile_pic: withheld('profile_pic', () => new URL(profilePicturePath(psid.psid), c.req.url).toString()),
    locale: withheld('locale', () => person.locale),
    timezone: withheld('timezone', () => person.timezone),
    gender: withheld('gender', () => person.gender ?? undefined),
  }
}

export const userProfileRoutes: GraphRoute[] = [
  route({
    node: 'psid', method: 'GET', edge: '',
    description: "A person's profile as the page sees it",
    handle: ({ world, c, access, node, params, method }) => {
      requireKind(access, 'page')
      if (access.pageId !== node.psid.pageId) throw graphError('unsupportedRequest', method.toLowerCase(), node.id)
      requireScope(access, 'pages_messaging')
      const restricted = conversationIsEeaRestricted(world, node.psid.pageId, node.psid.personId)
      const defaults = restricted ? DEFAULT_FIELDS.filter((f) => !EEA_WITHHELD.has(f)) : DEFAULT_FIELDS
      return selectFields(params, readers(world, c, node.psid, restricted), defaults, 'User')
    },
  }),
]
