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
  /** objects/page.js: the edges of the handover protocol, personas and conversations (each a Graph call). */
  export class Page {
    constructor(id: string)
    createPassThreadControl(fields: string[], params?: Record<string, unknown>): Promise<Page>
    createTakeThreadControl(fields: string[], params?: Record<string, unknown>): Promise<Page>
    getThreadOwner(fields: string[], params?: Record<string, unknown>): Promise<any[]>
    getSecondaryReceivers(fields: string[], params?: Record<string, unknown>): Promise<any[]>
    createPersona(fields: string[], params?: Record<string, unknown>): Promise<{ id: string }>
    getPersonas(fields: string[], params?: Record<string, unknown>): Promise<any[]>
    getConversations(fields: string[], params?: Record<string, unknown>): Promise<any[]>
  }
}

/** Zendesk's official client ships no type declarations: the tests hold it as the untyped CommonJS module it is. */
declare module 'sunshine-conversations-client' {
  const SunshineConversationsClient: any
  export default SunshineConversationsClient
}
