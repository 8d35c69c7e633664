/**
 * The sample world, built in: `--seed sample` and `startEmulator({ seed: 'sample' })` start with it, so a project
 * that installed the package needs no file of ours. It is the world every README example uses (the ids below appear
 * there): the app Acme Support, Pat Owner who runs the page Acme, Sam in the US on iOS, and Eva in Germany (in the
 * EEA) on the web. examples/world.json is the same document as a file; a test checks they do not drift apart.
 */
import type { WorldDocument } from './document.js'

/** The `--seed` value that names this world instead of a file. */
export const SAMPLE_SEED = 'sample'

export const SAMPLE_WORLD: WorldDocument = {
  apps: [{ id: '1234567890123456', secret: '0123456789abcdef0123456789abcdef', name: 'Acme Support' }],
  accounts: [{ id: '100000000000001', name: 'Pat Owner' }],
  pages: [{ id: '200000000000001', name: 'Acme', admins: ['100000000000001'] }],
  people: [
    { id: '300000000000001', firstName: 'Sam', lastName: 'Lee', platform: 'ios',
      psids: { '200000000000001': '4000000000000001' } },
    { id: '300000000000002', firstName: 'Eva', lastName: 'Berg', eea: true, platform: 'web',
      locale: 'de_DE', timezone: 1 },
  ],
}
