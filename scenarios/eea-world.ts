/**
 * The world of the European scenarios (seed, Impact of Messenger API Updates for Europe): Acme (a US page, Pat in the
 * US) where Eva, a person in Germany on the web, and Sam, in the US, write; and Acme EU, a page in Europe.
 */
import type { WorldDocument } from '../emulator/control/types.js'

export const EEA_WORLD: WorldDocument = {
  apps: [{ name: 'Acme Support' }],
  accounts: [{ name: 'Pat Owner' }],
  pages: [{ name: 'Acme', admins: ['Pat Owner'] }, { name: 'Acme EU', admins: ['Pat Owner'], eea: true }],
  people: [
    { firstName: 'Eva', lastName: 'Berg', eea: true, platform: 'web', locale: 'de_DE', timezone: 1, gender: 'female' },
    { firstName: 'Sam', lastName: 'Lee', platform: 'ios', locale: 'en_US', timezone: -5, gender: 'male' },
  ],
}
