/**
 * Users and their clients (conversations-api.md §4.1): create (409 on an externalId already taken), read, update and
 * delete by Sunshine id or externalId, scrub personal information, list and remove clients. Messenger users are also
 * created by the channel on first contact (messenger/contacts.ts).
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { refuseMessengerLinking } from '../messenger/reach.js'
import { clientPost, userPatch, userPost, type ProfileInput } from '../conversations/resource-schemas.js'
import { clientJson, userJson } from '../store/serialize.js'
import { newUser, type UserRow } from '../store/users.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { userOf } from './lookups.js'
import { listing, pageRequest, windowOf } from './paging.js'
import { parseBody } from './validate.js'

/** The profile fields a PATCH names: a value sets one, null clears it, an absent key leaves it. */
function withProfile(user: UserRow, profile: ProfileInput | undefined): UserRow {
  if (!profile) return user
  const pick = <K extends keyof ProfileInput>(k: K, current: string | null) => profile[k] === undefined ? current : profile[k] ?? null
  return {
    ...user, givenName: pick('givenName', user.givenName), surname: pick('surname', user.surname),
    email: pick('email', user.email), avatarUrl: pick('avatarUrl', user.avatarUrl), locale: pick('locale', user.locale),
  }
}

export function usersRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx

  r.post('/', async (c) => {
    const body = await parseBody(c, userPost)
    const app = c.var.app
    const user = store.tx(() => {
      if (store.users.byExternalId(app.id, body.externalId)) throw apiError('userExists')
      const base = newUser({
        id: ctx.ids.record(), appId: app.id, externalId: body.externalId,
        signedUpAt: body.signedUpAt ?? new Date(ctx.clock.now()).toISOString(),
        toBeRetained: body.toBeRetained ?? false, metadata: body.metadata ?? {},
      })
      return store.users.create(withProfile(base, body.profile))
    })
    return c.json({ user: userJson(user) }, 201)
  })

  r.get('/:userId', (c) => c.json({ user: userJson(userOf(ctx, c.var.app, c.req.param('userId'))) }))

  r.patch('/:userId', async (c) => {
    const user = userOf(ctx, c.var.app, c.req.param('userId'))
    const body = await parseBody(c, userPatch)
    const updated = store.users.update(withProfile({
      ...user, ...(body.signedUpAt ? { signedUpAt: body.signedUpAt } : {}),
      ...(body.toBeRetained !== undefined ? { toBeRetained: body.toBeRetained } : {}),
      ...(body.metadata ? { metadata: body.metadata } : {}),
    }, body.profile))
    return c.json({ user: userJson(updated) })
  })

  r.delete('/:userId', (c) => {
    store.users.delete(userOf(ctx, c.var.app, c.req.param('userId')).id)
    return c.json({})
  })

  r.delete('/:userId/personalinformation', (c) => {
    const user = userOf(ctx, c.var.app, c.req.param('userId'))
    const scrubbed = store.tx(() => {
      store.users.scrubClients(user.id)
      return store.users.update({ ...user, givenName: null, surname: null, email: null, avatarUrl: null, locale: null, metadata: {} })
    })
    return c.json({ user: userJson(scrubbed) })
  })

  r.get('/:userId/clients', (c) => {
    const user = userOf(ctx, c.var.app, c.req.param('userId'))
    const page = pageRequest(c)
    const window = windowOf(store.users.clientsOfUser(user.id), page)
    return c.json({ clients: window.items.map(clientJson), ...listing(c, page, window) })
  })

  r.post('/:userId/clients', async (c) => {
    userOf(ctx, c.var.app, c.req.param('userId'))
    const { matchCriteria } = await parseBody(c, clientPost)
    if (matchCriteria.type === 'messenger') refuseMessengerLinking()
    throw apiError('badRequest', `The app has no ${matchCriteria.type} integration to link the user to ` +
      '(channel linking needs a WhatsApp, SMS or email integration; this adapter offers Messenger and custom ones)')
  })

  r.delete('/:userId/clients/:clientId', (c) => {
    const user = userOf(ctx, c.var.app, c.req.param('userId'))
    if (!store.users.deleteClient(user.id, c.req.param('clientId'))) throw apiError('clientNotFound')
    return c.json({})
  })
  return r
}
