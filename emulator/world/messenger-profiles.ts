/**
 * Each page's Messenger Profile, stored as the Graph JSON object `GET /me/messenger_profile` answers (docs §6.1).
 * Validation lives in emulator/messenger/profile-rules.ts; this repository only stores what passed it.
 */
import { json, type Store } from './store.js'

export interface GetStarted { payload: string }
export interface Greeting { locale: string; text: string }
export interface MenuItem {
  type: 'web_url' | 'postback' | 'nested'
  title: string
  url?: string
  payload?: string
  webview_height_ratio?: 'compact' | 'tall' | 'full'
  messenger_extensions?: boolean
  fallback_url?: string
  webview_share_button?: 'hide' | 'show'
  /** Only below Graph v8.0 (docs §6.1). */
  call_to_actions?: MenuItem[]
}
export interface PersistentMenu {
  locale: string
  composer_input_disabled?: boolean
  disabled_surfaces?: string[]
  call_to_actions?: MenuItem[]
}
export interface IceBreakerQuestion { question: string; payload: string }
/** The localized format (since 19 Apr 2022) or the old flat one; never both in one profile (docs §6.1). */
export type IceBreakers = { locale: string; call_to_actions: IceBreakerQuestion[] }[] | IceBreakerQuestion[]

export interface MessengerProfile {
  get_started?: GetStarted
  greeting?: Greeting[]
  persistent_menu?: PersistentMenu[]
  ice_breakers?: IceBreakers
  whitelisted_domains?: string[]
}

export type MessengerProfileField = keyof MessengerProfile
export const MESSENGER_PROFILE_FIELDS: MessengerProfileField[] =
  ['get_started', 'greeting', 'persistent_menu', 'ice_breakers', 'whitelisted_domains']

export class MessengerProfiles {
  constructor(private readonly store: Store, private readonly now: () => number) {}

  get(pageId: string): MessengerProfile | undefined {
    const r = this.store.stmt('SELECT profile FROM messenger_profiles WHERE page_id = ?').get(pageId) as
      { profile: string } | undefined
    return r && json.parse<MessengerProfile>(r.profile, {})
  }

  /** Replaces the fields given (each property as a whole, as Graph does) and keeps the others. */
  set(pageId: string, fields: MessengerProfile): MessengerProfile {
    const next = { ...this.get(pageId), ...fields }
    this.write(pageId, next)
    return next
  }

  /** Removes the fields named; the row goes when nothing is left. */
  delete(pageId: string, fields: MessengerProfileField[]): MessengerProfile {
    const next: MessengerProfile = { ...this.get(pageId) }
    for (const f of fields) delete next[f]
    this.write(pageId, next)
    return next
  }

  private write(pageId: string, profile: MessengerProfile): void {
    if (Object.keys(profile).length === 0) {
      this.store.stmt('DELETE FROM messenger_profiles WHERE page_id = ?').run(pageId)
      return
    }
    this.store.stmt(`INSERT INTO messenger_profiles (page_id, profile, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (page_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`)
      .run(pageId, json.stringify(profile), this.now())
  }
}
