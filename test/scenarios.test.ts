/**
 * Every scenario of scenarios/ as one vitest test, through the same runner `npm run scenarios` uses: each starts its
 * own emulator, adapter and business receiver; a failure shows the step and the error.
 */
import { describe, expect, test } from 'vitest'
import { loadScenarios, runScenario } from '../scenarios/runner.js'

const scenarios = await loadScenarios()

describe('scenarios', () => {
  test('there is one per case of the seed guide', () => {
    expect(scenarios.length).toBeGreaterThan(0)
  })
  test.concurrent.each(scenarios.map((s) => [s.id, s] as const))('%s', async (_, s) => {
    const result = await runScenario(s)
    expect(result.failure, result.failure && `${result.failure.step}\n${result.failure.error}`).toBeUndefined()
  })
})

describe('the report', () => {
  test('escapes everything and points at the failing step', async () => {
    const { renderReport } = await import('../scenarios/report.js')
    const html = renderReport([{
      id: 'x', name: '<script>alert(1)</script>', ok: false, ms: 5,
      steps: [{ text: 'Sam says "<b>hi</b>"', startedAt: 1, ms: 1, ok: false, error: 'boom' }],
      failure: { step: 'Sam says "<b>hi</b>"', error: 'Timed out & <gone>' }, timeline: [], threads: [],
      dashboard: [{ label: 'Integration <i>Acme</i> (error)', href: 'http://127.0.0.1:1/dashboard/apps/a"b/integrations/c' }],
    }], { startedAt: new Date(0), wallMs: 5 })
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<b>hi')
    expect(html).toContain('Failed at: <b>Sam says &quot;&lt;b&gt;hi&lt;/b&gt;&quot;</b>')
    expect(html).toContain('Timed out &amp; &lt;gone&gt;')
    // The run's adapter dashboard pages are linked, escaped.
    expect(html).toContain('<a href="http://127.0.0.1:1/dashboard/apps/a&quot;b/integrations/c">Integration &lt;i&gt;Acme&lt;/i&gt; (error)</a>')
  })

  test("shows a Graph call's warnings beneath it, unfolded and escaped", async () => {
    const { renderReport } = await import('../scenarios/report.js')
    const html = renderReport([{
      id: 'w', name: 'warned', ok: true, ms: 5, steps: [], threads: [], dashboard: [],
      timeline: [{ at: 1, from: 'business', to: 'facebook', title: 'POST /me/messages → 200', ok: true, detail: {},
        warnings: [{ code: 'labelCut', message: 'message[quick_replies][0][title] is longer than 20 <characters>' }] }],
    }], { startedAt: new Date(0), wallMs: 5 })
    expect(html).toContain('<div class="ev warned">')
    expect(html).toContain('<div class="warn">⚠ labelCut: message[quick_replies][0][title] is longer than 20 &lt;characters&gt;</div>')
  })
})
