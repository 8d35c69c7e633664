/**
 * The world document (DESIGN "World document"): what `POST /_emulator/world` and `--seed` add and what
 * `GET /_emulator/world` exports. Import answers the document with every id, secret and PSID filled in; an export
 * imported into an empty world gives the same world back.
 *
 * References inside one document (a page's admins, a person's PSIDs) may name an account or page by id or, when
 * the document gives no ids, by name.
 */
import * as z from 'zod'
import type { World } from './world.js'
import type { App } from './apps.js'
import type { Account } from './accounts.js'
import { faultSwitchesSchema, type FaultScope, type FaultSwitches } from '../facebook/faults.js'
import {
  importSubscribedApps, importWebhook, subscribedAppsDoc, SubscribedAppDocSchema, webhookDoc, WebhookDocSchema,
} from './subscription-docs.js'
import { PAGE_INBOX } from '../facebook/handover.js'

const numericId = z.string().regex(/^\d{1,20}$/, 'ids are decimal strings, as Facebook ids are')

export const AppDocSchema = z.object({
  id: numericId.optional(),
  secret: z.string().regex(/^[0-9a-f]{32}$/, 'app secrets are 32 hexadecimal characters').optional(),
  name: z.string().min(1).max(200),
  requireAppSecretProof: z.boolean().optional(),
  /** Facebook Login › Settings › Valid OAuth Redirect URIs (docs §1.1); none: any http(s) redirect_uri is accepted. */
  oauthRedirectUris: z.array(z.url({ protocol: /^https?$/ })).max(100).optional(),
  webhook: WebhookDocSchema.optional(),
  faults: faultSwitchesSchema('app').optional(),
}).strict()

/** The User node data of an account (docs §20); all optional: the name gives first, last and short name. */
const accountProfileShape = {
  email: z.email().max(200).optional(),
  middleName: z.string().min(1).max(100).optional(),
  /** As the person shares it: the whole date, the day and month only, or the year only. */
  birthday: z.string().regex(/^(\d{2}\/\d{2}\/\d{4}|\d{2}\/\d{2}|\d{4})$/, 'a birthday is MM/DD/YYYY, MM/DD or YYYY')
    .optional(),
  gender: z.string().min(1).max(50).optional(),
}

export const AccountDocSchema = z.object({
  id: numericId.optional(),
  name: z.string().min(1).max(200),
  eea: z.boolean().optional(),
  ...accountProfileShape,
}).strict()

export const PageDocSchema = z.object({
  id: numericId.optional(),
  name: z.string().min(1).max(200),
  category: z.string().min(1).max(100).optional(),
  admins: z.array(z.string().min(1)).optional(),
  eea: z.boolean().optional(),
  subscribedApps: z.array(SubscribedAppDocSchema).optional(),
  faults: faultSwitchesSchema('page').optional(),
  /**
   * Messenger settings › App Roles (handover protocol, docs §13): apps by id or name. The Page Inbox is always a
   * secondary receiver and need not be listed.
   */
  appRoles: z.object({
    primaryReceiver: z.string().min(1).optional(),
    secondaryReceivers: z.array(z.string().min(1)).max(100).optional(),
  }).strict().optional(),
}).strict()

export const PersonDocSchema = z.object({
  id: numericId.optional(),
  firstName: z.string().min(1).max(100),
  lastName: z.string().min(1).max(100),
  eea: z.boolean().optional(),
  platform: z.enum(['web', 'ios', 'android']).optional(),
  locale: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/).optional(),
  timezone: z.number().min(-24).max(24).optional(),
  gender: z.string().max(20).nullable().optional(),
  psids: z.record(z.string(), numericId).optional(),
  faults: faultSwitchesSchema('person').optional(),
}).strict()

export const WorldDocumentSchema = z.object({
  apps: z.array(AppDocSchema).optional(),
  accounts: z.array(AccountDocSchema).optional(),
  pages: z.array(PageDocSchema).optional(),
  people: z.array(PersonDocSchema).optional(),
}).strict()

export type WorldDocument = z.infer<typeof WorldDocumentSchema>

/** A world document as the emulator answers it: every list present and every item with its id. */
export type CompleteWorldDocument = {
  [K in keyof WorldDocument]-?: (NonNullable<WorldDocument[K]>[number] & { id: string })[]
}

/**
 * A document that cannot be added; nothing of it is stored. 400: the document itself is wrong (a reference to
 * nothing, an id given twice); 409: it conflicts with the world (an id already in use there).
 */
export class WorldDocumentError extends Error {
  constructor(message: string, readonly status: 400 | 409 = 400) {
    super(message)
  }
}

/** Facebook ids are unique across every kind of object, so `/{id}` names exactly one node (graph/router.ts). */
function idInUse(world: World, id: string): boolean {
  return !!(world.apps.get(id) ?? world.accounts.get(id) ?? world.pages.get(id) ?? world.people.get(id) ??
    world.people.byPsid(id))
}

function resolver<T extends { id: string; name: string }>(kind: string, added: T[], exists: (id: string) => boolean) {
  return (ref: string): string => {
    const hit = added.find((x) => x.id === ref) ?? added.find((x) => x.name === ref)
    if (hit) return hit.id
    if (exists(ref)) return ref
    throw new WorldDocumentError(`No ${kind} "${ref}" in the document or the world`)
  }
}

/** Adds the document to the world in one transaction and answers it completed. */
export function importWorld(world: World, input: WorldDocument): CompleteWorldDocument {
  return world.tx(() => {
    const claimed = new Set<string>()
    const claim = (kind: string, id: string | undefined) => {
      if (id === undefined) return
      if (claimed.has(id)) throw new WorldDocumentError(`${kind} ${id}: the id appears twice in the document`)
      if (idInUse(world, id)) throw new WorldDocumentError(`${kind} ${id}: the id is already in use in the world`, 409)
      claimed.add(id)
    }
    const apps = (input.apps ?? []).map((a) => {
      claim('App', a.id)
      const app = world.apps.create({
        ...(a.id ? { id: a.id } : {}), ...(a.secret ? { secret: a.secret } : {}), name: a.name,
        requireProof: a.requireAppSecretProof ?? false, oauthRedirectUris: a.oauthRedirectUris ?? [],
      })
      return {
        id: app.id, secret: app.secret, name: app.name, requireAppSecretProof: app.requireProof,
        ...redirectUrisDoc(app),
        ...importFaults(world, 'app', app.id, a.faults),
        ...importWebhook(world, app.id, a.webhook),
      }
    })
    const accounts = (input.accounts ?? []).map((a) => {
      claim('Account', a.id)
      const { id, name, eea, ...profile } = a
      const account = world.accounts.create({ ...(id ? { id } : {}), name, eea: eea ?? false, profile })
      return toAccountDoc(account)
    })
    const accountId = resolver('account', accounts, (id) => !!world.accounts.get(id))
    const pages = (input.pages ?? []).map((p) => {
      claim('Page', p.id)
      const admins = [...new Set((p.admins ?? []).map(accountId))]
      const page = world.pages.create({
        ...(p.id ? { id: p.id } : {}), name: p.name, ...(p.category ? { category: p.category } : {}),
        eea: p.eea ?? false, admins,
      })
      return {
        id: page.id, name: page.name, category: page.category, admins, eea: page.eea,
        ...importFaults(world, 'page', page.id, p.faults),
        ...importSubscribedApps(world, page.id, p.subscribedApps, resolver('app', apps, (id) => !!world.apps.get(id))),
      }
    })
    const pageId = resolver('page', pages, (id) => !!world.pages.get(id))
    const appId = resolver('app', apps, (id) => !!world.apps.get(id))
    for (const [i, p] of (input.pages ?? []).entries()) {
      if (p.appRoles) Object.assign(pages[i]!, importAppRoles(world, pages[i]!.id, p.appRoles, appId))
    }
    const people = (input.people ?? []).map((p) => {
      claim('Person', p.id)
      const person = world.people.create({
        ...(p.id ? { id: p.id } : {}), firstName: p.firstName, lastName: p.lastName, eea: p.eea ?? false,
        ...(p.platform ? { platform: p.platform } : {}), ...(p.locale ? { locale: p.locale } : {}),
        ...(p.timezone !== undefined ? { timezone: p.timezone } : {}), gender: p.gender ?? null,
      })
      // Given `psids` are exactly the person's PSIDs (so an export, which always lists them, round-trips). Without
      // them the person can reach every page of the document: each gives them a PSID, as on first contact.
      if (p.psids) {
        for (const [ref, psid] of Object.entries(p.psids)) {
          const page = pageId(ref)
          claim('PSID', psid)
          world.people.psidOn(person.id, page, psid)
        }
      } else {
        for (const page of pages) world.people.psidOn(person.id, page.id)
      }
      importFaults(world, 'person', person.id, p.faults)
      return toPersonDoc(world, person.id)
    })
    return { apps, accounts, pages, people }
  })
}

function toPersonDoc(world: World, id: string) {
  const p = world.people.get(id)!
  return {
    id: p.id, firstName: p.firstName, lastName: p.lastName, eea: p.eea, platform: p.platform, locale: p.locale,
    timezone: p.timezone, gender: p.gender, psids: world.people.psids(p.id), ...faultsDoc(world, 'person', p.id),
  }
}

/** An account as the document gives it: its profile's keys only when set, so plain worlds export as before. */
const toAccountDoc = (a: Account) => ({ id: a.id, name: a.name, eea: a.eea, ...a.profile })

/** Only an app that has Valid OAuth Redirect URIs names them. */
const redirectUrisDoc = (app: App) => (app.oauthRedirectUris.length ? { oauthRedirectUris: app.oauthRedirectUris } : {})

export function exportWorld(world: World): CompleteWorldDocument {
  return {
    apps: world.apps.list().map((a) => ({
      id: a.id, secret: a.secret, name: a.name, requireAppSecretProof: a.requireProof, ...redirectUrisDoc(a),
      ...webhookDoc(world, a.id), ...faultsDoc(world, 'app', a.id),
    })),
    accounts: world.accounts.list().map(toAccountDoc),
    pages: world.pages.list().map((p) => ({
      id: p.id, name: p.name, category: p.category, admins: world.pages.admins(p.id), eea: p.eea,
      ...subscribedAppsDoc(world, p.id),
      ...faultsDoc(world, 'page', p.id),
      ...appRolesDoc(world, p.id),
    })),
    people: world.people.list().map((p) => toPersonDoc(world, p.id)),
  }
}

/** World document import: sets the switches given on a new app, page or person; answers them for the document. */
function importFaults(world: World, scope: FaultScope, id: string, faults: FaultSwitches | undefined):
  { faults?: FaultSwitches } {
  if (!faults || Object.keys(faults).length === 0) return {}
  world.faultSwitches.set(scope, id, faults)
  return { faults }
}

/** World document export: the switches set, or nothing when none is (so plain worlds export as before). */
function faultsDoc(world: World, scope: FaultScope, id: string): { faults?: FaultSwitches } {
  const faults = world.faultSwitches.read(scope, id)
  return Object.keys(faults).length ? { faults } : {}
}

type AppRolesDoc = NonNullable<z.infer<typeof PageDocSchema>['appRoles']>

/** World document import: the page's App Roles, set as an admin sets them (no `app_roles` events on import). */
function importAppRoles(world: World, pageId: string, doc: AppRolesDoc, appId: (ref: string) => string):
  { appRoles: AppRolesDoc } {
  const primaryReceiver = doc.primaryReceiver === undefined ? null : appId(doc.primaryReceiver)
  // The Page Inbox is no app of the world: listing it is allowed and changes nothing.
  const secondaryReceivers = (doc.secondaryReceivers ?? []).filter((ref) => ref !== PAGE_INBOX.id).map(appId)
  world.appRoles.set(pageId, { primaryReceiver, secondaryReceivers })
  return appRolesDoc(world, pageId) as { appRoles: AppRolesDoc }
}

/** World document export: the page's App Roles when it has any (so plain worlds export as before). */
function appRolesDoc(world: World, pageId: string): { appRoles?: AppRolesDoc } {
  const { primaryReceiver, secondaryReceivers } = world.appRoles.of(pageId)
  if (!primaryReceiver && secondaryReceivers.length === 0) return {}
  return { appRoles: { ...(primaryReceiver ? { primaryReceiver } : {}), secondaryReceivers: [...secondaryReceivers] } }
}
