/**
 * The Personas API (docs §12): `POST /{page-id}/personas` `{name, profile_picture_url}` → `{id}`, `GET
 * /{page-id}/personas` (cursor paging, 25 a page), `GET /{persona-id}` and `DELETE /{persona-id}`, each with a page
 * token of the persona's page and pages_messaging (`/me` with a page token is the page). A deleted persona, or one of
 * another page, is as unknown as a made-up id (100/33). Sends with `persona_id`: messenger/page-send.ts.
 */
import * as z from 'zod'
import { route, type GraphRequest, type GraphRoute } from './router.js'
import type { Persona } from '../world/personas.js'
import { graphError } from '../facebook/errors.js'
import { PERSONA_LIMITS } from '../facebook/personas.js'
import { requireKind, requireScope } from '../login/access.js'
import { parseGraph } from '../messenger/graph-validation.js'
import { webUrl } from '../messenger/web-url.js'
import { requirePageToken } from './send.js'
import { selectFields, type FieldReaders } from './fields.js'
import { pageRequest, paginate } from './cursors.js'

const PersonaBody = z.object({
  name: z.string().min(1).max(PERSONA_LIMITS.nameMax),
  profile_picture_url: webUrl(),
})

const DEFAULT_FIELDS = ['name', 'profile_picture_url', 'id']
const readers = (p: Persona): FieldReaders =>
  ({ id: () => p.id, name: () => p.name, profile_picture_url: () => p.profilePictureUrl })

type PersonaRequest = GraphRequest<{ kind: 'persona'; id: string; persona: Persona }>

/** The persona, for a page token of its page with pages_messaging; anything else does not see it. */
function ownPersona(req: PersonaRequest): Persona {
  const { access, node, method } = req
  requireKind(access, 'page')
  if (access.pageId !== node.persona.pageId || node.persona.deletedAt !== null) {
    throw graphError('unsupportedRequest', method.toLowerCase(), node.id)
  }
  requireScope(access, 'pages_messaging')
  return node.persona
}

export const personaRoutes: GraphRoute[] = [
  route({
    node: 'page', method: 'POST', edge: 'personas',
    description: 'Personas API: a name and picture the page can send as',
    handle: (req) => {
      requirePageToken(req)
      const body = parseGraph(PersonaBody, {
        name: req.params.string('name'), profile_picture_url: req.params.string('profile_picture_url'),
      })
      return { id: req.world.personas.create(req.node.id, body.name, body.profile_picture_url).id }
    },
  }),
  route({
    node: 'page', method: 'GET', edge: 'personas',
    description: "Personas API: the page's personas, 25 a page",
    handle: (req) => {
      requirePageToken(req)
      const paging = pageRequest(req.params, PERSONA_LIMITS.pageDefault, PERSONA_LIMITS.pageMax)
      return paginate(req.world.personas.ofPage(req.node.id), (p) => p.id, paging, new URL(req.c.req.url),
        (p) => selectFields(req.params, readers(p), DEFAULT_FIELDS, 'Persona'))
    },
  }),
  route({
    node: 'persona', method: 'GET', edge: '',
    description: 'Personas API: one persona',
    handle: (req) => selectFields(req.params, readers(ownPersona(req)), DEFAULT_FIELDS, 'Persona'),
  }),
  route({
    node: 'persona', method: 'DELETE', edge: '',
    description: 'Personas API: deletes a persona (messages sent as it keep showing it)',
    handle: (req) => {
      req.world.personas.delete(ownPersona(req).id)
      return { success: true }
    },
  }),
]
