/**
 * The permissions the login dialog can ask for (docs §1.8). `manage_pages`, still requested by the seed's JS SDK
 * example, was replaced by the granular pages_* permissions in 2020; Facebook now answers it as an invalid scope,
 * the emulator treats it as an alias for them so the seed's example keeps working.
 */
export const PERMISSIONS: Record<string, string> = {
  public_profile: 'Your name and profile picture',
  email: 'Your email address',
  user_birthday: 'Your birthday',
  user_gender: 'Your gender',
  user_link: 'A link to your profile',
  user_age_range: 'Your age range',
  pages_show_list: 'Show a list of the Pages you manage',
  pages_messaging: 'Manage and access Page conversations in Messenger',
  pages_manage_metadata: 'Manage accounts, settings and webhooks for a Page',
  pages_read_engagement: 'Read content posted on the Page',
  business_management: 'Manage your business',
  pages_messaging_subscriptions: 'Send subscription messages from your Page (legacy)',
}

const ALIASES: Record<string, string[]> = {
  manage_pages: ['pages_show_list', 'pages_manage_metadata', 'pages_read_engagement'],
}

/** The permissions Token Generation in the app's Messenger settings grants (docs §1.5, the seed's Quick Start). */
export const TOKEN_GENERATION_SCOPES = ['public_profile', 'pages_show_list', 'pages_messaging', 'pages_manage_metadata']

/** Normalises a requested scope list: aliases expanded, `public_profile` always included, duplicates dropped. */
export function normalizeScopes(requested: string[]): string[] {
  const out = new Set<string>(['public_profile'])
  for (const s of requested) for (const p of ALIASES[s] ?? [s]) out.add(p)
  return [...out]
}

export function unknownScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !(s in PERMISSIONS) && !(s in ALIASES))
}
