/**
 * Whom a business can reach on Messenger. Messenger knows a person only by the page-scoped id (PSID) Facebook gives
 * once that person has written to the page, tapped Get Started, an m.me link or an ad (messenger-platform.md §3.2:
 * the recipient is a PSID). A user the business created itself (POST …/users) has no Messenger client until then,
 * and no API call can make one: Sunshine's channel linking (POST …/clients) covers WhatsApp, SMS and email channels,
 * not Messenger (conversations-api.md §4.1). A message aimed at a Messenger integration the user has no client for is
 * refused as Sunshine refuses it ("Will return an error if … the user does not have a client for the integration",
 * zendesk/sunshine-conversations-python docs/IntegrationId.md), saying why, instead of being accepted and never sent.
 */
import type { ClientRow, UserRow } from '../store/users.js'
import { ChannelError } from './errors.js'

const PSID_FIRST = 'Messenger reaches a person only through the page-scoped id (PSID) Facebook gives once that person ' +
  'has written to the page (or tapped Get Started, an m.me link or an ad); a business cannot open a Messenger ' +
  'conversation with someone who has not'

export type Destination = { integrationId: string } | { integrationType: string } | undefined

/**
 * The Messenger client a business message goes to, among the user's clients (most recently active first), or
 * undefined when it goes to none: no destination and no client (stored only, as Sunshine keeps a conversation's
 * history), or `integrationType: "none"`.
 */
export function messengerClientFor(clients: ClientRow[], user: UserRow, destination: Destination,
  isMessenger: (integrationId: string) => boolean): ClientRow | undefined {
  const messenger = clients.filter((c) => c.type === 'messenger')
  if (!destination) return messenger[0]
  if ('integrationType' in destination) {
    if (destination.integrationType === 'none') return undefined
    if (destination.integrationType !== 'messenger') {
      throw new ChannelError('unsupported', `The user has no client of type ${destination.integrationType}`)
    }
    if (!messenger[0]) throw new ChannelError('unsupported', `The user ${user.id} has no messenger client: ${PSID_FIRST}`)
    return messenger[0]
  }
  const client = messenger.find((c) => c.integrationId === destination.integrationId)
  if (client) return client
  const why = isMessenger(destination.integrationId) ? `: ${PSID_FIRST}` : ''
  throw new ChannelError('unsupported', `The user ${user.id} has no client for integration ${destination.integrationId}${why}`)
}

/** Channel linking (POST …/users/{id}/clients) cannot create a Messenger client. */
export function refuseMessengerLinking(): never {
  throw new ChannelError('unsupported', `Channel linking does not reach Messenger: ${PSID_FIRST}`)
}
