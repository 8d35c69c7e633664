/**
 * Profile pictures: the `profile_pic` URL of the User Profile API (emulator/graph/user-profile.ts) points here. Each
 * PSID gets a small SVG with the person's initials on a colour derived from the PSID, so a picture is stable, differs
 * between people, and (like Facebook's page-scoped picture URLs) names no cross-page id.
 */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { World } from '../world/world.js'
import { notFound } from './errors.js'

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

export function pictureSvg(initials: string, seed: string): string {
  const hue = createHash('sha256').update(seed).digest()[0]! * 360 / 256
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">` +
    `<rect width="128" height="128" fill="hsl(${hue.toFixed(0)},55%,45%)"/>` +
    `<text x="64" y="64" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="52" fill="#fff">` +
    `${escapeXml(initials)}</text></svg>`
}

export function createPicturesControlApp(world: World): Hono {
  const app = new Hono()
  app.get('/psids/:psid/picture', (c) => {
    const psid = world.people.byPsid(c.req.param('psid'))
    const person = psid && world.people.get(psid.personId)
    if (!psid || !person) throw notFound('PSID', c.req.param('psid'))
    const initials = `${[...person.firstName][0] ?? ''}${[...person.lastName][0] ?? ''}`.toUpperCase()
    return c.body(pictureSvg(initials, psid.psid), 200, {
      'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400',
    })
  })
  return app
}
