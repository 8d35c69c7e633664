/**
 * What the login dialog asks and what the person's answer leaves behind (docs §1.1, seed "Missing OAuth
 * Permissions"). Pure: no HTTP, no database; the dialog pages call it with the stored consent and save the result.
 *
 * Facebook remembers a person's choices per app: permissions declined earlier are not shown again and stay declined
 * (unless the app asks with `auth_type=rerequest`), permissions granted earlier stay granted, pages unticked stay
 * unticked until the person ticks them again in "Choose what you allow". Only removing the app (Business
 * Integrations, or `DELETE /me/permissions`) deletes the consent, and with it the memory.
 */
import type { Consent } from '../world/consents.js'
import { normalizeScopes } from './permissions.js'

/** Granted with every login and never offered as a checkbox (docs §1.8: "default"). */
export const REQUIRED_PERMISSIONS: readonly string[] = ['public_profile']

/**
 * Permissions that are granted per page: asking for one of them makes the dialog list the pages (debug_token's
 * `granular_scopes[].target_ids`, docs §1.7).
 */
export function isPageScoped(permission: string): boolean {
  return permission.startsWith('pages_') || permission === 'business_management'
}

export interface DialogInput {
  /** The `scope` parameter, split; names are known (unknown ones are rejected before planning). */
  requested: string[]
  /** What the account allowed the app before, if it did. */
  consent: Consent | undefined
  /** The pages the account has a role on (world.pages.ofAccount), in display order. */
  accountPageIds: string[]
  /** `auth_type=rerequest`: ask the permissions declined earlier again. */
  rerequest: boolean
}

export interface PageChoice {
  id: string
  /** Ticked when the screen opens: every page the first time, afterwards the pages chosen before. */
  checked: boolean
}

export interface DialogPlan {
  /** Permissions the dialog asks for now (each a checkbox in "Choose what you allow", required ones excepted). */
  ask: string[]
  /** Requested permissions granted before: shown as already allowed, kept whatever the answer. */
  alreadyGranted: string[]
  /** Requested permissions declined before and not asked again: they stay declined. */
  stillDeclined: string[]
  /** The account's pages, when a page-scoped permission is involved; empty otherwise. */
  pages: PageChoice[]
}

export function planDialog(input: DialogInput): DialogPlan {
  const { consent, rerequest } = input
  const granted = new Set(consent?.granted ?? [])
  const declined = new Set(consent?.declined ?? [])
  const plan: DialogPlan = { ask: [], alreadyGranted: [], stillDeclined: [], pages: [] }
  const scopes = normalizeScopes(input.requested)
  for (const p of scopes) {
    if (granted.has(p)) plan.alreadyGranted.push(p)
    else if (declined.has(p) && !rerequest) plan.stillDeclined.push(p)
    else plan.ask.push(p)
  }
  if (scopes.some(isPageScoped)) {
    // Pages were chosen before if a page-scoped permission was answered before; otherwise this is the first time
    // the person sees the page list, and Facebook ticks every page.
    const answeredBefore = [...(consent?.granted ?? []), ...(consent?.declined ?? [])].some(isPageScoped)
    const chosen = new Set(consent?.pageIds ?? [])
    plan.pages = input.accountPageIds.map((id) => ({ id, checked: answeredBefore ? chosen.has(id) : true }))
  }
  return plan
}

/** "Continue as …" accepts what the screen shows; "Choose what you allow" sends the ticked boxes. */
export type DialogAnswer =
  | { kind: 'all' }
  | { kind: 'choose'; permissions: string[]; pageIds: string[] }

export type ConsentChoices = Pick<Consent, 'granted' | 'declined' | 'pageIds'>

export type ApplyResult = { ok: true; consent: ConsentChoices } | { ok: false; problem: string }

/**
 * The consent after the answer, merged with what was stored: grants accumulate, unticked permissions join the
 * declined ones, pages on screen take the answer and pages not on screen keep their earlier state. A tampered form
 * (a box that was never offered) is refused rather than half-applied.
 */
export function applyChoices(plan: DialogPlan, consent: Consent | undefined, answer: DialogAnswer): ApplyResult {
  const offered = new Set(plan.ask.filter((p) => !REQUIRED_PERMISSIONS.includes(p)))
  const shownPages = new Set(plan.pages.map((p) => p.id))
  let ticked: string[]
  let tickedPages: string[]
  if (answer.kind === 'all') {
    ticked = plan.ask
    tickedPages = plan.pages.filter((p) => p.checked).map((p) => p.id)
  } else {
    const stray = answer.permissions.find((p) => !offered.has(p) && !REQUIRED_PERMISSIONS.includes(p))
    if (stray !== undefined) return { ok: false, problem: `The permission ${stray} was not offered in this dialog.` }
    const strayPage = answer.pageIds.find((id) => !shownPages.has(id))
    if (strayPage !== undefined) return { ok: false, problem: `The page ${strayPage} was not offered in this dialog.` }
    ticked = [...REQUIRED_PERMISSIONS.filter((p) => plan.ask.includes(p)), ...answer.permissions]
    tickedPages = answer.pageIds
  }
  const granted = unique([...(consent?.granted ?? []), ...ticked])
  const grantedSet = new Set(granted)
  const unticked = plan.ask.filter((p) => !grantedSet.has(p))
  const declined = unique([...(consent?.declined ?? []), ...unticked]).filter((p) => !grantedSet.has(p))
  const kept = (consent?.pageIds ?? []).filter((id) => !shownPages.has(id))
  return { ok: true, consent: { granted, declined, pageIds: unique([...kept, ...tickedPages]) } }
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
