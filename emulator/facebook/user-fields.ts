/**
 * Graph's User node as a user token reads it (docs §20): each field a login library asks for, and the permission
 * the token needs for it. A field the token may not read is left out of the answer, not refused (docs §20: what
 * login libraries rely on); a field the node does not have is `(#100) Tried accessing nonexisting field`.
 *
 * Sources: https://developers.facebook.com/docs/graph-api/reference/user/ ("The public_profile permission allows apps
 * to read the following fields: id, first_name, last_name, middle_name, name, name_format, picture, short_name"),
 * https://developers.facebook.com/docs/permissions/reference (email, user_birthday, user_gender, user_link,
 * user_age_range), https://developers.facebook.com/docs/graph-api/reference/user/picture/ .
 */

export interface UserField {
  /** The permission that lets an app read it; null when none does any more. */
  needs: string | null
  /** Why it is withheld without that permission (or from everyone), as the warning says it. */
  withheld?: string
}

const publicProfile: UserField = { needs: 'public_profile' }
const needs = (permission: string): UserField => ({ needs: permission })

export const USER_FIELDS = {
  id: publicProfile,
  name: publicProfile,
  first_name: publicProfile,
  last_name: publicProfile,
  middle_name: publicProfile,
  name_format: publicProfile,
  short_name: publicProfile,
  picture: publicProfile,
  email: needs('email'),
  birthday: needs('user_birthday'),
  gender: needs('user_gender'),
  link: needs('user_link'),
  age_range: needs('user_age_range'),
  /**
   * Older versions returned them with public_profile; they are not in the current public_profile list, and Graph
   * v8.0 (November 2020) deprecated several User fields (restfb/restfb#1090). Unverified which: left out, so an app
   * does not come to rely on what production may not give it.
   */
  locale: { needs: null, withheld: 'no permission gives apps a user\'s locale any more (dropped from public_profile; ' +
    'docs §20, unverified)' },
  timezone: { needs: null, withheld: 'no permission gives apps a user\'s timezone any more (dropped from ' +
    'public_profile; docs §20, unverified)' },
} as const satisfies Record<string, UserField>

export type UserFieldName = keyof typeof USER_FIELDS

/** Without `fields`, a user node answers its id and name (docs §1.6). */
export const USER_DEFAULT_FIELDS: UserFieldName[] = ['id', 'name']

/**
 * `picture.type(…)` sizes (docs §20; the reference's square, small, normal, large, album; their pixel widths as
 * Graph answers them, unverified for album).
 */
export const PICTURE_TYPES = { square: 50, small: 50, normal: 100, album: 50, large: 200 } as const
export type PictureType = keyof typeof PICTURE_TYPES
/** Without a type or size, the picture field is 50 × 50 (docs §20 example). */
export const DEFAULT_PICTURE_SIZE = 50

/**
 * Facebook's age buckets (the User reference's age_range: "min 13/18/21, max 17/20"): from a birthday with a year,
 * or the 21-and-over bucket when the person shares no year.
 */
export function ageRange(birthday: string | undefined, now: Date): { min: number; max?: number } {
  const m = birthday?.match(/^(\d{2})\/(\d{2})\/(\d{4})$/)
  if (!m) return { min: 21 }
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const hadBirthday = now.getUTCMonth() + 1 > month || (now.getUTCMonth() + 1 === month && now.getUTCDate() >= day)
  const age = now.getUTCFullYear() - year - (hadBirthday ? 0 : 1)
  if (age >= 21) return { min: 21 }
  if (age >= 18) return { min: 18, max: 20 }
  return { min: 13, max: 17 }
}
