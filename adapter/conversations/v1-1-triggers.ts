/**
 * The v1.1 webhook triggers (case sensitive), and which conversation event each one reports.
 * Sources: the v1.1 `WebhookTriggersEnum` of Zendesk's generated client (zendesk/sunshine-conversations-java,
 * docs/Enums.md, v1.1 era): `appUser:delete`, `client:add`, `client:remove`, `conversation:read`,
 * `conversation:referral`, `link:failure`, `link:match`, `link:success`, `merge:appUser`, `message:appMaker`,
 * `message:appUser`, `message:delivery:channel`, `message:delivery:failure`, `message:delivery:user`,
 * `payment:success`, `postback`, `typing:appUser`; `conversation:start` (Sunshine's versioning guide names it,
 * https://docs.smooch.io/guide/versioning/); the v1 names `message` (all messages, the default when a webhook names no
 * triggers), `delivery:success`, `delivery:failure` and `*` (everything) from the v1 reference
 * (docs/conversations-api.md §18, "v1 trigger list").
 */

export const V11_TRIGGERS = [
  'message:appUser', 'message:appMaker', 'message:delivery:channel', 'message:delivery:user', 'message:delivery:failure',
  'conversation:start', 'conversation:read', 'conversation:referral', 'postback', 'typing:appUser', 'merge:appUser',
  'appUser:delete', 'client:add', 'client:remove', 'link:success', 'link:failure', 'link:match', 'payment:success',
  'message', 'delivery:success', 'delivery:failure', '*',
] as const
export type V11Trigger = (typeof V11_TRIGGERS)[number]

/** "If triggers is not specified the webhook will be configured with the message trigger by default" (v1 reference). */
export const V11_DEFAULT_TRIGGERS: V11Trigger[] = ['message']

/** The older names a v1.1 trigger also answers to: `message` covers both message triggers (§18). */
export const V11_ALIASES: Partial<Record<V11Trigger, V11Trigger[]>> = {
  'message:appUser': ['message'],
  'message:appMaker': ['message'],
  'message:delivery:channel': ['delivery:success'],
  'message:delivery:failure': ['delivery:failure'],
}
