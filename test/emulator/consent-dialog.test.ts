/**
 * What the login dialog asks and what an answer leaves behind (emulator/graph/consent-dialog.ts): Facebook's memory
 * of earlier choices (docs §1.1, seed "Missing OAuth Permissions").
 */
import { describe, expect, it } from 'vitest'
import { applyChoices, planDialog, type DialogInput } from '../../emulator/login/consent-dialog.js'
import type { Consent } from '../../emulator/world/consents.js'

const PAGES = ['p1', 'p2']
const SCOPES = ['pages_show_list', 'pages_messaging', 'pages_manage_metadata']

const consent = (c: Partial<Consent>): Consent => ({
  appId: 'a', accountId: 'u', granted: [], declined: [], pageIds: [], ...c,
})
const input = (c?: Consent, more: Partial<DialogInput> = {}): DialogInput => ({
  requested: SCOPES, consent: c, accountPageIds: PAGES, rerequest: false, ...more,
})

describe('planDialog', () => {
  it('asks for everything, public_profile included, with every page ticked the first time', () => {
    expect(planDialog(input())).toEqual({
      ask: ['public_profile', ...SCOPES], alreadyGranted: [], stillDeclined: [],
      pages: [{ id: 'p1', checked: true }, { id: 'p2', checked: true }],
    })
  })

  it('expands manage_pages as the seed requests it', () => {
    expect(planDialog(input(undefined, { requested: ['manage_pages', 'pages_messaging'] })).ask).toEqual([
      'public_profile', 'pages_show_list', 'pages_manage_metadata', 'pages_read_engagement', 'pages_messaging',
    ])
  })

  it('lists no pages when no page permission is asked', () => {
    expect(planDialog(input(undefined, { requested: ['email'] })).pages).toEqual([])
  })

  it('does not ask again what was declined, keeps what was granted, and keeps unticked pages unticked', () => {
    const c = consent({ granted: ['public_profile', 'pages_show_list', 'pages_messaging'],
      declined: ['pages_manage_metadata'], pageIds: ['p1'] })
    expect(planDialog(input(c))).toEqual({
      ask: [], alreadyGranted: ['public_profile', 'pages_show_list', 'pages_messaging'],
      stillDeclined: ['pages_manage_metadata'],
      pages: [{ id: 'p1', checked: true }, { id: 'p2', checked: false }],
    })
  })

  it('asks the declined ones again with auth_type=rerequest', () => {
    const c = consent({ granted: ['public_profile', 'pages_show_list'], declined: ['pages_messaging'] })
    const plan = planDialog(input(c, { rerequest: true }))
    expect(plan.ask).toEqual(['pages_messaging', 'pages_manage_metadata'])
    expect(plan.stillDeclined).toEqual([])
  })

  it('ticks every page when pages are asked for the first time after an earlier login without them', () => {
    const c = consent({ granted: ['public_profile', 'email'] })
    expect(planDialog(input(c)).pages.every((p) => p.checked)).toBe(true)
  })
})

describe('applyChoices', () => {
  it('"Continue" grants what is asked and the ticked pages', () => {
    const plan = planDialog(input())
    expect(applyChoices(plan, undefined, { kind: 'all' })).toEqual({
      ok: true, consent: { granted: ['public_profile', ...SCOPES], declined: [], pageIds: PAGES },
    })
  })

  it('"Choose what you allow" declines what is unticked; public_profile cannot be unticked', () => {
    const plan = planDialog(input())
    const r = applyChoices(plan, undefined, { kind: 'choose', permissions: ['pages_show_list'], pageIds: ['p2'] })
    expect(r).toEqual({
      ok: true,
      consent: { granted: ['public_profile', 'pages_show_list'], declined: ['pages_messaging', 'pages_manage_metadata'],
        pageIds: ['p2'] },
    })
  })

  it('merges: earlier grants and declines stay, pages not on screen keep their state', () => {
    const c = consent({ granted: ['public_profile', 'pages_show_list'], declined: ['pages_manage_metadata'],
      pageIds: ['p1', 'gone'] })
    const plan = planDialog(input(c))
    expect(plan.ask).toEqual(['pages_messaging'])
    const r = applyChoices(plan, c, { kind: 'all' })
    expect(r).toEqual({
      ok: true,
      consent: { granted: ['public_profile', 'pages_show_list', 'pages_messaging'], declined: ['pages_manage_metadata'],
        pageIds: ['gone', 'p1'] },
    })
  })

  it('a rerequested permission granted this time leaves the declined list', () => {
    const c = consent({
      granted: ['public_profile', 'pages_show_list'], declined: ['pages_messaging'], pageIds: ['p1'],
    })
    const plan = planDialog(input(c, { rerequest: true }))
    const r = applyChoices(plan, c, { kind: 'choose', permissions: ['pages_messaging'], pageIds: ['p1', 'p2'] })
    expect(r).toEqual({
      ok: true,
      consent: { granted: ['public_profile', 'pages_show_list', 'pages_messaging'],
        declined: ['pages_manage_metadata'], pageIds: ['p1', 'p2'] },
    })
  })

  it('refuses boxes that were never offered', () => {
    const c = consent({ granted: ['public_profile'], declined: ['pages_messaging'] })
    const plan = planDialog(input(c))
    expect(applyChoices(plan, c, { kind: 'choose', permissions: ['pages_messaging'], pageIds: [] }))
      .toEqual({ ok: false, problem: 'The permission pages_messaging was not offered in this dialog.' })
    expect(applyChoices(plan, c, { kind: 'choose', permissions: [], pageIds: ['p9'] }))
      .toEqual({ ok: false, problem: 'The page p9 was not offered in this dialog.' })
  })
})
