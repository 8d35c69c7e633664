/**
 * The Messenger Profile API (docs §6.1): `/me/messenger_profile` (or `/{page-id}/messenger_profile`) with a page
 * token holding `pages_messaging`. POST sets any subset of get_started, greeting, persistent_menu, ice_breakers and
 * whitelisted_domains (each property replaced as a whole) → `{result:"success"}`; GET with the required `fields` →
 * `{data:[{…}]}` (or `{data:[]}` when none is set); DELETE with `fields` → `{result:"success"}`.
 * What is valid lives in emulator/messenger/profile-rules.ts.
 */
import type { Page } from '../world/pages.js'
import type { MessengerProfile, MessengerProfileField } from '../world/messenger-profiles.js'
import { pageIsEeaRestricted } from '../messenger/eea.js'
import {
  checkProfileDelete, EU_PRIVACY_FIELD, profileFields, validateProfileUpdate,
} from '../messenger/profile-rules.js'
import { graphError } from '../facebook/errors.js'
import { requireKind, requireScope } from '../login/access.js'
import { route, type GraphRequest, type GraphRoute } from './router.js'

type PageRequest = GraphRequest<{ kind: 'page'; id: string; page: Page }>

export interface ProfileSuccess { result: 'success' }
export interface ProfileData { data: (MessengerProfile & { [EU_PRIVACY_FIELD]?: boolean })[] }

/** Only the page's own token with pages_messaging may touch its profile (reference: "Permissions"). */
function authorize({ access, node, method }: PageRequest): void {
  requireKind(access, 'page')
  if (access.pageId !== node.id) throw graphError('unsupportedRequest', method.toLowerCase(), node.id)
  requireScope(access, 'pages_messaging')
}

/** The properties a POST carries: a JSON body gives objects, a form body JSON strings (docs §11). */
function postedProperties(req: PageRequest): Record<string, unknown> {
  const names = Object.keys(req.params.values).filter((k) => !['access_token', 'appsecret_proof', 'method'].includes(k))
  return Object.fromEntries(names.map((k) => [k, req.params.object(k)]))
}

export const messengerProfileRoutes: GraphRoute[] = [
  route({
    node: 'page', method: 'POST', edge: 'messenger_profile',
    description: 'Sets Messenger Profile properties of the page',
    handle: (req): ProfileSuccess => {
      authorize(req)
      const { world, node, version, leniency } = req
      world.tx(() => {
        const update = validateProfileUpdate(postedProperties(req), {
          version, current: world.messengerProfiles.get(node.id), eeaRestricted: pageIsEeaRestricted(world, node.id),
          leniency,
        })
        world.messengerProfiles.set(node.id, update)
      })
      return { result: 'success' }
    },
  }),
  route({
    node: 'page', method: 'GET', edge: 'messenger_profile',
    description: 'Reads Messenger Profile properties of the page',
    handle: (req): ProfileData => {
      authorize(req)
      const { world, node } = req
      const fields = profileFields(req.params.list('fields'), 'GET')
      const profile = world.messengerProfiles.get(node.id) ?? {}
      const out: ProfileData['data'][number] = {}
      for (const f of fields) {
        if (f === EU_PRIVACY_FIELD) out[f] = pageIsEeaRestricted(world, node.id)
        else if (profile[f] !== undefined) Object.assign(out, { [f]: profile[f] })
      }
      return { data: Object.keys(out).length ? [out] : [] }
    },
  }),
  route({
    node: 'page', method: 'DELETE', edge: 'messenger_profile',
    description: 'Deletes Messenger Profile properties of the page',
    handle: (req): ProfileSuccess => {
      authorize(req)
      const { world, node } = req
      const fields = profileFields(req.params.list('fields'), 'DELETE') as MessengerProfileField[]
      world.tx(() => {
        checkProfileDelete(fields, world.messengerProfiles.get(node.id))
        world.messengerProfiles.delete(node.id, fields)
      })
      return { result: 'success' }
    },
  }),
]
