/**
 * What the Messenger channel refuses or cannot do, as domain errors. The channel knows nothing of HTTP answers:
 * api/errors.ts maps each kind onto the Conversations API's error (status, code), with this error's message as title.
 */
export type ChannelFailure =
  /** Facebook refused what the adapter asked on the integration's behalf (the message carries Facebook's reason). */
  | 'facebookRefused'
  /** Facebook's Graph API could not be reached; nothing was stored. */
  | 'graphUnreachable'
  /** The channel cannot do this for this page (e.g. a persistent menu under the European privacy rules). */
  | 'unsupported'
  /** What was asked does not fit this integration (e.g. a new page token that is another page's). */
  | 'mismatch'

export class ChannelError extends Error {
  constructor(readonly kind: ChannelFailure, message: string) {
    super(message)
    this.name = 'ChannelError'
  }
}
