/**
 * The dashboard's plumbing without a browser: the change stream (`GET /_emulator/events`) says `hello`, then `change`
 * after a write and stays quiet while nothing is written; page settings (`PATCH /_emulator/pages/{id}`) refuse bad
 * input and change nothing; the dashboard's forms act through the control API and say why when refused.
 */
import { describe, expect } from 'vitest'
import { ControlApiError, type ControlClient } from '../../emulator/control/client.js'
import type { WorldChange } from '../../emulator/control/types.js'
import { postDashboardForm, test } from './fixtures.js'

/** The version a new stream's `hello` announces: the world's change counter now. */
async function currentVersion(client: ControlClient): Promise<number> {
  const abort = new AbortController()
  for await (const change of client.changes(abort.signal)) {
    abort.abort()
    return change.version
  }
  throw new Error('The event stream ended before its hello')
}

describe('GET /_emulator/events', () => {
  test('announces a change after every write, and only then', async ({ emulator, w }) => {
    const abort = new AbortController()
    const seen: WorldChange[] = []
    const reading = (async () => {
      for await (const change of emulator.client.changes(abort.signal)) seen.push(change)
    })()
    await expect.poll(() => seen.length).toBe(1)
    // Reads (the world, the dashboard) are not changes: a new stream's hello still carries the same version.
    await emulator.client.exportWorld()
    await emulator.fetch('/dashboard/pages')
    expect(await currentVersion(emulator.client)).toBe(seen[0]!.version)
    expect(seen).toHaveLength(1)

    await emulator.client.changePassword(w.ownerId)
    await expect.poll(() => seen.length).toBe(2)
    expect(seen[1]!.version).toBeGreaterThan(seen[0]!.version)
    abort.abort()
    await reading
  })

  test('answers as server-sent events', async ({ emulator }) => {
    const abort = new AbortController()
    const res = await emulator.fetch('/_emulator/events', { signal: abort.signal })
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const reader = res.body!.getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(first).toMatch(/^event: hello\ndata: \{"version":\d+\}\n\n$/)
    abort.abort()
  })
})

describe('PATCH /_emulator/pages/{pageId}', () => {
  test('moves a page into the EEA and back', async ({ emulator, w }) => {
    expect(await emulator.client.setPage(w.pageId, { eea: true })).toMatchObject({ id: w.pageId, eea: true, admins: [w.ownerId] })
    expect((await emulator.client.exportWorld()).pages[0]!.eea).toBe(true)
    expect((await emulator.client.setPage(w.pageId, { eea: false })).eea).toBe(false)
  })

  test('refuses an unknown page or setting and changes nothing', async ({ emulator, w }) => {
    await expect(emulator.client.setPage('999', { eea: true })).rejects.toMatchObject({ status: 404 })
    const bad = emulator.client.setPage(w.pageId, { eea: 'yes' } as never)
    await expect(bad).rejects.toBeInstanceOf(ControlApiError)
    await expect(bad).rejects.toMatchObject({ status: 400 })
    await expect(emulator.client.setPage(w.pageId, { name: 'x' } as never)).rejects.toMatchObject({ status: 400 })
    expect((await emulator.client.exportWorld()).pages[0]!.eea).toBe(false)
  })
})

describe('dashboard forms', () => {
  test('redirect back with the control API refusal and its instructions', async ({ emulator, w }) => {
    const res = await postDashboardForm(emulator, `/dashboard/apps/${w.appId}/webhook/fields`,
      { fields: 'messages', back: '/dashboard/apps' })
    expect(res.status).toBe(303)
    const location = new URL(res.headers.get('location')!, emulator.url)
    expect(location.pathname).toBe('/dashboard/apps')
    expect(location.searchParams.get('error')).toBe(`App ${w.appId} has no webhook`)
    expect(location.searchParams.get('instructions')).toContain('POST /{app-id}/subscriptions')
    const page = await (await emulator.fetch(location)).text()
    expect(page).toContain(`App ${w.appId} has no webhook`)
  })

  test('never show a secret unless asked', async ({ emulator, w }) => {
    const html = await (await emulator.fetch('/dashboard/apps')).text()
    // Only inside the closed "Show" disclosure.
    expect(html.split(w.appSecret)).toHaveLength(2)
    expect(html).toMatch(new RegExp(`<details class="secret" id="show-secret-${w.appId}"><summary>Show`))
  })
})
