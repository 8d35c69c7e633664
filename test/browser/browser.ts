/**
 * Shared setup of the browser tests: the Chromium the run's global setup found or installed (test/support/chromium.ts)
 * driven by playwright-core, one per test file, screenshots saved as test artifacts, and the accessibility basics
 * every page must meet.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { inject } from 'vitest'
import type { ChromiumLookup } from '../support/chromium.js'

export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url))

/** Fails with the one line saying what to install when the run has no Chromium: a stack trace would hide it. */
export function launchBrowser(): Promise<Browser> {
  const found: ChromiumLookup = inject('chromium')
  if ('problem' in found) {
    const error = new Error(found.problem)
    error.stack = `Error: ${found.problem}`
    throw error
  }
  return chromium.launch({
    executablePath: found.executable,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run'],
  })
}

/** Saves a full-page screenshot to test-artifacts/{name}.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/**
 * The accessibility basics of a page: every visible form control has a label (a `<label for>` or an aria-label), one
 * `<main>` and an `<h1>`, and no image without alt. Answers the problems found (empty when none).
 */
export function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    for (const el of document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea')) {
      if ((el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-label')) problems.push(`unlabelled ${el.outerHTML}`)
    }
    if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one <main>')
    if (!document.querySelector('h1')) problems.push('no <h1>')
    for (const img of document.querySelectorAll('img:not([alt])')) problems.push(`image without alt ${img.outerHTML}`)
    return problems
  })
}
