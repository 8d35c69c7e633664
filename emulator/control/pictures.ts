/**
 * Profile pictures: the `profile_pic` URL of the User Profile API (emulator/graph/user-profile.ts) and the `picture`
 * of the User node (emulator/graph/user-node.ts) point here. Each PSID or account gets a small SVG with the initials
 * on a colour derived from its id, so a picture is stable, differs between people, and (like Facebook's page-scoped
 * picture URLs) a PSID's names no cross-page id.
 */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { World } from '../world/world.js'
import { notFound } from './errors.js'

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

const initialsOf = (...names: string[]) => names.map((n) => [...n][0] ?? '').join('').toUpperCase()

export function pictureSvg(initials: string, seed: string, size = 128): string {
  const hue = createHash('sha256').update(seed).digest()[0]! * 360 / 256
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">` +
    `<rect width="128" height="128" fill="hsl(${hue.toFixed(0)},55%,45%)"/>` +
    `<text x="64" y="64" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="52" fill="#fff">` +
    `${escapeXml(initials)}</text></svg>`
}

const SVG_HEADERS = { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }

export function createPicturesControlApp(world: World): Hono {
  const app = new Hono()
  app.get('/psids/:psid/picture', (c) => {
    const psid = world.people.byPsid(c.req.param('psid'))
    const person = psid && world.people.get(psid.personId)
    if (!psid || !person) throw notFound('PSID', c.req.param('psid'))
    return c.body(pictureSvg(initialsOf(person.firstName, person.lastName), psid.psid), 200, SVG_HEADERS)
  })
  app.get('/accounts/:id/picture', (c) => {
    const account = world.accounts.get(c.req.param('id'))
    if (!account) throw notFound('account', c.req.param('id'))
    const size = Number(c.req.query('size') ?? 128)
    const words = account.name.split(' ')
    return c.body(pictureSvg(initialsOf(words[0]!, words.at(-1)!), account.id,
      Number.isInteger(size) && size > 0 && size <= 2048 ? size : 128), 200, SVG_HEADERS)
  })
  return app
}
