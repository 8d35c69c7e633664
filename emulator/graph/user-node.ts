/**
 * Graph's User node (docs §20), as login libraries read it with a user token: `GET /me` and `GET /{user-id}` with
 * every field they ask for (`id,name,first_name,last_name,middle_name,email,picture.type(large)`…), and the
 * `GET /{user-id}/picture` edge (302 to the image, or its JSON with `redirect=false`). A field the token may not read
 * is left out, as Facebook does, with a warning that says why; a field the node does not have is refused with
 * `(#100) Tried accessing nonexisting field (…) on node type (User)`.
 *
 * What the account's world document does not give is derived from its name (first, last and short name) or, where
 * Facebook may have nothing either (an email, a birthday), left out. The User Profile API of a PSID is another node
 * (user-profile.ts).
 */
import type { Context } from 'hono'
import type { Account } from '../world/accounts.js'
import type { Access } from '../login/access.js'
import type { Leniency } from '../facebook/leniency.js'
import {
  ageRange, DEFAULT_PICTURE_SIZE, PICTURE_TYPES, USER_DEFAULT_FIELDS, USER_FIELDS, type PictureType, type UserFieldName,
} from '../facebook/user-fields.js'
import { graphError } from '../facebook/errors.js'
import { route, type GraphRoute } from './router.js'
import { selectFields, type FieldReaders, type FieldSpec } from './fields.js'
import type { Params } from './params.js'

/** Where the emulator serves an account's picture (control/pictures.ts), at a size. */
export function accountPicturePath(accountId: string, size: number): string {
  return `/_emulator/accounts/${encodeURIComponent(accountId)}/picture?size=${size}`
}

/** First, middle and last name from the account's name: the middle name, when given, sits after the first. */
export function nameParts(account: Account): { first: string; middle?: string; last: string } {
  const [first = account.name, ...rest] = account.name.split(' ')
  const middle = account.profile.middleName
  const afterFirst = rest.join(' ')
  const last = middle && afterFirst.startsWith(`${middle} `) ? afterFirst.slice(middle.length + 1) : afterFirst
  return { first, ...(middle ? { middle } : {}), last }
}

/** The picture size asked for: `type(large)`, or `width(…)`/`height(…)` (a square when only one is given). */
function pictureSize(options: Record<string, string | undefined>): number {
  const type = options.type
  if (type !== undefined) {
    if (!(type in PICTURE_TYPES)) throw graphError('paramOneOf', 'type', Object.keys(PICTURE_TYPES).join(', '), type)
    return PICTURE_TYPES[type as PictureType]
  }
  const side = options.width ?? options.height
  if (side === undefined) return DEFAULT_PICTURE_SIZE
  const n = Number(side)
  if (!Number.isInteger(n) || n < 1 || n > 2048) {
    throw graphError('paramInvalid', 'Param width must be a positive integer')
  }
  return n
}

/** The picture's data as Graph answers it: `{height, width, is_silhouette, url}` (docs §20). */
function pictureData(c: Context, account: Account, size: number) {
  return { height: size, width: size, is_silhouette: false,
    url: new URL(accountPicturePath(account.id, size), c.req.url).toString() }
}

function readers(c: Context, account: Account, access: Access, leniency: Leniency, now: Date): FieldReaders {
  const { first, middle, last } = nameParts(account)
  const { profile } = account
  const own = access.kind === 'user' && access.account?.id === account.id
  /** The value, or undefined with a warning when the token may not read the field (docs §20). */
  const gated = (field: UserFieldName, read: () => unknown) => () => {
    const { needs } = USER_FIELDS[field]
    if (needs === 'public_profile') return read()
    if (needs !== null && own && access.scopes.includes(needs)) return read()
    const why = needs === null ? USER_FIELDS[field].withheld ?? 'no permission gives it'
      : own ? `the token lacks the ${needs} permission` : `only ${account.name}'s own token with ${needs} reads it`
    leniency.warn('userFieldWithheld', field, why)
    return undefined
  }
  return {
    id: gated('id', () => account.id),
    name: gated('name', () => account.name),
    first_name: gated('first_name', () => first),
    last_name: gated('last_name', () => last),
    middle_name: gated('middle_name', () => middle),
    short_name: gated('short_name', () => first),
    name_format: gated('name_format', () => (middle ? '{first} {middle} {last}' : '{first} {last}')),
    picture: (spec: FieldSpec) => gated('picture', () => {
      const data: Record<string, unknown> = pictureData(c, account, pictureSize(spec.modifiers))
      const wanted = spec.subfields?.map((f) => f.name)
      return { data: wanted ? Object.fromEntries(Object.entries(data).filter(([k]) => wanted.includes(k))) : data }
    })(),
    email: gated('email', () => profile.email),
    birthday: gated('birthday', () => profile.birthday),
    gender: gated('gender', () => profile.gender),
    link: gated('link', () => `https://www.facebook.com/app_scoped_user_id/${account.id}/`),
    age_range: gated('age_range', () => ageRange(profile.birthday, now)),
    locale: gated('locale', () => undefined),
    timezone: gated('timezone', () => undefined),
  }
}

/** `redirect` as Graph reads it: on unless `false` or `0`. */
const redirects = (params: Params) => !['false', '0'].includes(params.string('redirect') ?? 'true')

export const userNodeRoutes: GraphRoute[] = [
  route({
    node: 'user', method: 'GET', edge: '',
    description: 'The User node: id and name, or the fields asked for (those the token may read)',
    handle: ({ c, world, node, params, access, leniency }) => selectFields(params,
      readers(c, node.account, access, leniency, new Date(world.clock.now())), USER_DEFAULT_FIELDS, 'User'),
  }),
  route({
    node: 'user', method: 'GET', edge: 'picture',
    description: "The user's profile picture: a redirect to the image, or its data with redirect=false",
    handle: ({ c, node, params }) => {
      const data = pictureData(c, node.account, pictureSize({
        type: params.string('type'), width: params.string('width'), height: params.string('height'),
      }))
      return redirects(params) ? c.redirect(data.url, 302) : { data }
    },
  }),
]
