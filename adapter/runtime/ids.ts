/**
 * Id and secret generators, injected so tests and scenarios are reproducible (STYLE §7.8).
 * Record ids are 24 characters like Sunshine's (conversations-api.md §0); secrets and tokens come from nanoid and are
 * at least 32 characters long.
 */
import { customAlphabet, nanoid } from 'nanoid'

export interface Ids {
  /** A 24-character record id (apps, users, conversations, messages, integrations, webhooks, events). */
  record(): string
  /** An app API key id: `app_` + 24 characters (conversations-api.md §1.2). */
  keyId(): string
  /** An account API key id: `act_` + 24 characters (§1.2). */
  accountKeyId(): string
  /** A secret: API key secrets, webhook secrets, Facebook verify tokens. */
  secret(): string
}

const hex24 = customAlphabet('0123456789abcdef', 24)

export const defaultIds: Ids = {
  record: () => hex24(),
  keyId: () => `app_${hex24()}`,
  accountKeyId: () => `act_${hex24()}`,
  secret: () => nanoid(48),
}
