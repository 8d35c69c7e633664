/**
 * The parts of the official clients our tests use as judges that ship no types of their own (passport-facebook 3,
 * Meta's facebook-nodejs-business-sdk): declared as their sources in node_modules define them.
 */
declare module 'passport-facebook' {
  /** lib/profile.js: the Portable Contacts profile it builds from Graph's User node. */
  export interface Profile {
    provider: 'facebook'
    id: string
    displayName?: string
    name: { familyName?: string; givenName?: string; middleName?: string }
    gender?: string
    profileUrl?: string
    emails?: { value: string }[]
    photos?: { value: string }[]
    _json: Record<string, unknown>
  }
  export interface StrategyOptions {
    clientID: string
    clientSecret: string
    callbackURL: string
    authorizationURL?: string
    tokenURL?: string
    profileURL?: string
    profileFields?: string[]
    enableProof?: boolean
  }
  /** lib/errors/facebookgraphapierror.js */
  export interface FacebookGraphAPIError extends Error { type: string; code: number; subcode?: number; traceID: string }
  export class Strategy {
    constructor(options: StrategyOptions, verify: (...args: unknown[]) => void)
    userProfile(accessToken: string, done: (err: FacebookGraphAPIError | Error | null, profile?: Profile) => void): void
  }
}

declare module 'facebook-nodejs-business-sdk' {
  export class FacebookAdsApi {
    static init(accessToken: string, locale?: string, crashLog?: boolean): FacebookAdsApi
    static readonly GRAPH: string
    static readonly VERSION: string
  }
  export class User {
    constructor(id: string)
    get(fields: string[], params?: Record<string, unknown>): Promise<User>
    exportAllData(): Record<string, unknown>
  }
  /** objects/page.js: the edges of the handover protocol, personas, conversations and NLP (each a Graph call). */
  export class Page {
    constructor(id: string)
    createPassThreadControl(fields: string[], params?: Record<string, unknown>): Promise<Page>
    createTakeThreadControl(fields: string[], params?: Record<string, unknown>): Promise<Page>
    getThreadOwner(fields: string[], params?: Record<string, unknown>): Promise<any[]>
    getSecondaryReceivers(fields: string[], params?: Record<string, unknown>): Promise<any[]>
    createPersona(fields: string[], params?: Record<string, unknown>): Promise<{ id: string }>
    getPersonas(fields: string[], params?: Record<string, unknown>): Promise<any[]>
    getConversations(fields: string[], params?: Record<string, unknown>): Promise<any[]>
    /** `POST /{page-id}/nlp_configs` (src/objects/page.js). */
    createNlpConfig(fields: string[], params?: Record<string, unknown>): Promise<Page>
    /** `POST /{page-id}/messages`: the Send API; resolves to the answer's fields. */
    createMessage(fields: string[], params?: Record<string, unknown>): Promise<{ _data: Record<string, unknown> }>
    exportAllData(): Record<string, unknown>
  }
}

/** Zendesk's official client ships no type declarations: the tests hold it as the untyped CommonJS module it is. */
declare module 'sunshine-conversations-client' {
  const SunshineConversationsClient: any
  export default SunshineConversationsClient
}

/**
 * smooch-core 8.11.4 (the official v1.1 client) ships no types: the parts our tests call, as its lib/ defines them.
 * A single object argument is read as named parameters (lib/utils/smoochMethod.js), so `create` takes `{ appUser }`.
 */
declare module 'smooch-core' {
  /** lib/utils/http.js `handleResponse`: `{ error: { code, description } }` becomes these fields. */
  export interface SmoochError extends Error { code?: string; description?: string; response: { status: number } }
  /** Each call takes `appId` first when the client's scope is `account`; answers are the API's JSON. */
  type Call = (...args: any[]) => Promise<any>
  export default class SmoochCore {
    constructor(options: { keyId?: string; secret?: string; scope?: 'app' | 'account' | 'appUser'; userId?: string; jwt?: string; serviceUrl?: string })
    appUsers: {
      create: Call; get: Call; update: Call; delete: Call; deleteProfile: Call; getChannels: Call
      getMessages: Call; sendMessage: Call; deleteMessage: Call; deleteMessages: Call; conversationActivity: Call
    }
    webhooks: { create: Call; list: Call; get: Call; update: Call; delete: Call }
    menu: { get: Call; configure: Call; remove: Call }
    conversations: { resetUnreadCount: Call }
    authHeaders: { Authorization: string }
  }
}
