/**
 * The Personas API as data (docs §12): the limits of a persona and the errors Graph answers about one.
 * Sources: https://developers.facebook.com/docs/graph-api/reference/page/personas/ ,
 * https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/personas
 */
const PERSONAS_DOC = 'https://developers.facebook.com/docs/graph-api/reference/page/personas/'

export const PERSONA_LIMITS = {
  /** `name` is free text of at most 50 characters (docs §12). */
  nameMax: 50,
  /** `/{page-id}/personas` answers 25 a page unless `limit` asks otherwise (docs §12). */
  pageDefault: 25,
  pageMax: 100,
} as const

/** Spread into the Graph error catalogue (errors.ts), which checks each entry's shape. */
export const PERSONA_ERRORS = {
  personaInvalid: {
    code: 100, type: 'OAuthException', status: 400,
    message: '(#100) Invalid persona_id',
    // No public capture shows Facebook's answer to another page's or a deleted persona (docs §12 "codes not found").
    source: `${PERSONAS_DOC} (a persona of another page or a deleted one: code 100 invalid parameter, wording ` +
      'unverified)',
  },
} as const
