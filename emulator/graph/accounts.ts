/**
 * The account side of Graph (docs §1.5, §1.6): `/me` for pages, `/me/accounts` (the pages an account has a role on
 * and allowed the app, each with its page token), `/me/permissions` (read, revoke one, remove the app) and
 * `GET /{page-id}` / `GET /{app-id}` with `fields`. `/me` for users is the User node (user-node.ts).
 */
import type { World } from '../world/world.js'
import type { Page } from '../world/pages.js'
import type { Account } from '../world/accounts.js'
import { graphError } from '../facebook/errors.js'
import { requireKind, type Access } from '../login/access.js'
import { route, type GraphRoute, type GraphRequest } from './router.js'
import { selectFields, type FieldReaders } from './fields.js'
import { pageRequest, paginate } from './cursors.js'
import { LIMITS } from '../facebook/limits.js'
import { pageTokenFor } from '../login/token-issuer.js'
import { removeApp } from '../login/grants.js'

/** Tasks an admin has on a page (docs §1.5). */
const ADMIN_TASKS = ['ANALYZE', 'ADVERTISE', 'MESSAGING', 'MODERATE', 'CREATE_CONTENT', 'MANAGE']

/** Page categories have ids in Graph; the emulator knows its default one (docs §1.5 example). */
const CATEGORY_IDS: Record<string, string> = { Brand: '1605186416478696' }

export interface PermissionEntry { permission: string; status: 'granted' | 'declined' }

/** The pages this user token may see in `/me/accounts`: a role on the page and the page chosen in the dialog. */
export function pagesVisibleTo(world: World, access: Access): Page[] {
  if (access.kind !== 'user' || !access.account) return []
  // Without pages_show_list Graph lists no pages (docs §1.8: "required … to query the list of Pages").
  if (!access.scopes.includes('pages_show_list')) return []
  const chosen = new Set(world.consents.get(access.app.id, access.account.id)?.pageIds ?? [])
  return world.pages.ofAccount(access.account.id).filter((p) => chosen.has(p.id))
}

function pageReaders(world: World, page: Page, access: Access): FieldReaders {
  return {
    id: () => page.id,
    name: () => page.name,
    category: () => page.category,
    category_list: () => [{ id: CATEGORY_IDS[page.category] ?? '2200', name: page.category }],
    tasks: () => (access.account && world.pages.isAdmin(page.id, access.account.id) ? ADMIN_TASKS : undefined),
    access_token: () => {
      if (access.kind === 'page' && access.pageId === page.id) return access.raw
      if (!access.token || !pagesVisibleTo(world, access).some((p) => p.id === page.id)) {
        throw graphError('permissionsError')
      }
      return pageTokenFor(world, access.token, page.id).token
    },
  }
}

function ownAccount(req: GraphRequest<{ kind: 'user'; id: string; account: Account }>): Account {
  requireKind(req.access, 'user')
  if (req.access.account?.id !== req.node.id) throw graphError('permissionsError')
  return req.node.account
}

function permissionsOf(world: World, access: Access): PermissionEntry[] {
  const c = access.account && world.consents.get(access.app.id, access.account.id)
  if (!c) return []
  return [
    ...c.granted.map((permission) => ({ permission, status: 'granted' as const })),
    ...c.declined.map((permission) => ({ permission, status: 'declined' as const })),
  ]
}

export const accountRoutes: GraphRoute[] = [
  route({
    node: 'user', method: 'GET', edge: 'accounts',
    handle: (req) => {
      const { world, access, params, c } = req
      ownAccount(req)
      // The seed's server-to-server call passes client_id and client_secret; Graph checks them against the token.
      const clientId = params.string('client_id')
      if (clientId !== undefined && clientId !== access.app.id) throw graphError('clientIdInvalid')
      const secret = params.string('client_secret')
      if (secret !== undefined && secret !== access.app.secret) throw graphError('clientSecretInvalid')
      const defaults = ['access_token', 'category', 'category_list', 'name', 'id', 'tasks']
      const paging = pageRequest(params, LIMITS.accountsDefaultLimit.value, LIMITS.accountsMaxLimit.value)
      return paginate(pagesVisibleTo(world, access), (p) => p.id, paging, new URL(c.req.url),
        (p) => selectFields(params, pageReaders(world, p, access), defaults, 'Page'))
    },
  }),
  route({
    node: 'user', method: 'GET', edge: 'permissions',
    handle: (req) => (ownAccount(req), { data: permissionsOf(req.world, req.access) }),
  }),
  route({
    node: 'user', method: 'GET', edge: 'permissions/:permission',
    handle: (req) => {
      ownAccount(req)
      return { data: permissionsOf(req.world, req.access).filter((p) => p.permission === req.pathParams.permission) }
    },
  }),
  route({
    node: 'user', method: 'DELETE', edge: 'permissions',
    handle: (req) => {
      const account = ownAccount(req)
      removeApp(req.world, req.access.app.id, account.id)
      return { success: true }
    },
  }),
  route({
    node: 'user', method: 'DELETE', edge: 'permissions/:permission',
    handle: (req) => {
      const account = ownAccount(req)
      const { world, access } = req
      const name = req.pathParams.permission!
      const c = world.consents.get(access.app.id, account.id)
      if (c && c.granted.includes(name)) {
        world.consents.save({
          ...c, granted: c.granted.filter((p) => p !== name), declined: [...new Set([...c.declined, name])],
        })
      }
      return { success: true }
    },
  }),
  route({
    node: 'page', method: 'GET', edge: '',
    handle: ({ world, node, params, access }) =>
      selectFields(params, pageReaders(world, node.page, access), ['name', 'id'], 'Page'),
  }),
  route({
    node: 'app', method: 'GET', edge: '',
    handle: ({ node, params }) =>
      selectFields(params, { id: () => node.app.id, name: () => node.app.name }, ['name', 'id'], 'Application'),
  }),
]
