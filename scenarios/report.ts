/**
 * The HTML report of a run (reports/scenarios.html): a summary, then per scenario its steps (the failing one marked,
 * with its error), a timeline in three columns — business, adapter, Facebook — with every call and webhook (folded
 * details; a Graph call's warnings — what Facebook let through silently — unfolded beneath it), and each thread
 * drawn as its person saw it (bubbles, quick replies, carousels). One self-contained file:
 * inline CSS, no scripts, every value escaped.
 */
import type { ThreadBubble, ThreadTemplate, ThreadView } from '../emulator/control/types.js'
import type { ScenarioResult } from './runner.js'
import type { Party, StepRecord, TimelineEntry } from './timeline.js'

export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}
const e = escapeHtml

const CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1c1e21}
header{background:#1c1e21;color:#fff;padding:16px 24px}h1{margin:0;font-size:20px}
main{padding:16px 24px}.pass{color:#1a7f37}.fail{color:#cf222e}
table.summary{border-collapse:collapse;background:#fff}table.summary td{padding:4px 10px;border-bottom:1px solid #eee}
section{background:#fff;border-radius:8px;margin:16px 0;padding:12px 16px;box-shadow:0 1px 2px #0002}
section h2{font-size:16px;margin:4px 0 8px}
ol.steps li.bad{color:#cf222e;font-weight:600}ol.steps .ms{color:#888;font-size:12px}
.error{background:#ffebe9;border:1px solid #ffcecb;padding:8px;white-space:pre-wrap;font-family:monospace;font-size:12px}
.timeline{display:grid;grid-template-columns:70px 1fr 1fr 1fr;gap:2px 8px;font-size:12px;margin-top:8px}
.timeline .h{font-weight:700;border-bottom:2px solid #ccc}.timeline .t{color:#888;font-family:monospace}
.ev{border-left:3px solid #4c8bf5;padding:2px 6px;background:#f0f5ff;overflow-wrap:anywhere}
.ev.bad{border-color:#cf222e;background:#fff0f0}.ev.warned{border-color:#d4a72c}
.ev .warn{color:#6b4e00;background:#fff4d6;margin-top:2px;padding:1px 4px;border-radius:3px}
.steprow{grid-column:span 3;font-weight:600;border-top:1px solid #ddd;padding-top:2px}.steprow.bad{color:#cf222e}.ev .arrow{color:#666}.ev .actor{font-weight:600}
details summary{cursor:pointer}details pre{max-height:300px;overflow:auto;background:#fafafa;padding:6px;font-size:11px}
.threads{display:flex;flex-wrap:wrap;gap:16px;margin-top:8px}
.phone{width:320px;border:1px solid #ccc;border-radius:16px;padding:8px;background:#fff}
.phone h3{font-size:13px;margin:0 0 6px;text-align:center}
.b{max-width:78%;margin:3px 0;padding:6px 10px;border-radius:16px;overflow-wrap:anywhere}
.b.person{margin-left:auto;background:#0084ff;color:#fff}.b.page{background:#e4e6eb}
.b.welcome{background:#fff7d6;border:1px dashed #d4a72c}.meta{font-size:10px;opacity:.7}
.card{display:inline-block;vertical-align:top;width:140px;border:1px solid #ccc;border-radius:10px;margin:2px;background:#fff;color:#000}
.card .title{font-weight:600;padding:4px}.card .img{background:#dde;height:40px;font-size:10px;overflow:hidden;padding:2px}
.btn{display:block;border-top:1px solid #ddd;padding:3px;text-align:center;color:#0084ff}
.qr{display:inline-block;border:1px solid #0084ff;color:#0084ff;border-radius:12px;padding:2px 8px;margin:2px;font-size:12px}
.status{font-size:11px;color:#666}
`

const COLUMNS: Party[] = ['business', 'adapter', 'facebook']
const NAMES: Record<Party, string> = { business: 'Business', adapter: 'Adapter', facebook: 'Facebook (Graph, people, owners)' }

export function renderReport(results: ScenarioResult[], meta: { startedAt: Date; wallMs: number }): string {
  const passed = results.filter((r) => r.ok).length
  const rows = results.map((r) =>
    `<tr><td class="${r.ok ? 'pass' : 'fail'}">${r.ok ? '✓' : '✗'}</td><td><a href="#${e(r.id)}">${e(r.name)}</a></td><td>${r.ms} ms</td></tr>`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scenarios: ${passed}/${results.length} passed</title>
<style>${CSS}</style></head><body><header><h1>Messenger scenarios</h1>
<div>${e(meta.startedAt.toISOString())} · ${passed} passed, ${results.length - passed} failed · ${meta.wallMs} ms</div></header>
<main><table class="summary">${rows}</table>${results.map(scenarioSection).join('')}</main></body></html>`
}

function scenarioSection(r: ScenarioResult): string {
  const steps = r.steps.map((s) =>
    `<li class="${s.ok ? '' : 'bad'}">${e(s.text)} <span class="ms">${s.ms} ms</span></li>`).join('')
  const failure = r.failure
    ? `<p class="fail">Failed at: <b>${e(r.failure.step)}</b></p><div class="error">${e(r.failure.error)}</div>` : ''
  return `<section id="${e(r.id)}"><h2 class="${r.ok ? 'pass' : 'fail'}">${r.ok ? '✓' : '✗'} ${e(r.name)} <small>(${r.ms} ms, ${e(r.id)})</small></h2>
${failure}<details ${r.ok ? '' : 'open'}><summary>${r.steps.length} steps</summary><ol class="steps">${steps}</ol></details>
<details ${r.ok ? '' : 'open'}><summary>Timeline: ${r.timeline.length} requests, webhooks and actions</summary>${timeline(r.timeline, r.steps)}</details>
<div class="threads">${r.threads.map((t) => phone(`${t.person} ↔ ${t.page}`, t.view)).join('')}</div>${dashboard(r)}</section>`
}

/** Links to the adapter dashboard's pages of the run, which answer while its stack is up. */
function dashboard(r: ScenarioResult): string {
  if (r.dashboard.length === 0) return ''
  const links = r.dashboard.map((l) => `<a href="${e(l.href)}">${e(l.label)}</a>`).join(' · ')
  return `<p class="status">Adapter dashboard (while the run's servers are up): ${links}</p>`
}

/** The entries in three columns, each step of the story as a row across them where it began. */
function timeline(entries: TimelineEntry[], steps: StepRecord[]): string {
  const t0 = Math.min(entries[0]?.at ?? Infinity, steps[0]?.startedAt ?? Infinity)
  const head = `<div class="h">ms</div>${COLUMNS.map((c) => `<div class="h">${e(NAMES[c])}</div>`).join('')}`
  const rows: { at: number; html: string }[] = steps.map((st) => ({
    at: st.startedAt,
    html: `<div class="t">+${st.startedAt - t0}</div><div class="steprow${st.ok ? '' : ' bad'}">▸ ${e(st.text)}</div>`,
  }))
  rows.push(...entries.map((en) => {
    const col = COLUMNS.indexOf(en.from)
    const arrow = en.from === en.to ? '' : `<span class="arrow">→ ${e(NAMES[en.to].split(' ')[0])}</span> `
    const actor = en.actor ? `<span class="actor">${e(en.actor)}</span>: ` : ''
    const body = en.detail === undefined ? `${actor}${arrow}${e(en.title)}`
      : `<details><summary>${actor}${arrow}${e(en.title)}</summary><pre>${e(JSON.stringify(en.detail, null, 2))}</pre></details>`
    const warnings = (en.warnings ?? []).map((w) => `<div class="warn">⚠ ${e(w.code)}: ${e(w.message)}</div>`).join('')
    const cls = `ev${en.ok ? '' : ' bad'}${warnings ? ' warned' : ''}`
    const before = '<div></div>'.repeat(col)
    const after = '<div></div>'.repeat(COLUMNS.length - 1 - col)
    const html = `<div class="t">+${en.at - t0}</div>${before}<div class="${cls}">${body}${warnings}</div>${after}`
    return { at: en.at, html }
  }))
  // A stable sort keeps a step before what it caused in the same millisecond.
  rows.sort((a, b) => a.at - b.at)
  return `<div class="timeline">${head}${rows.map((r) => r.html).join('')}</div>`
}

function phone(title: string, v: ThreadView): string {
  const flags = [v.restricted ? 'European rules' : '', v.platform, v.typing.page ? 'page is typing…' : '',
    v.blocked ? 'blocked' : '', v.windowClosesAt ? `window open until ${v.windowClosesAt}` : '24-hour window closed']
    .filter(Boolean).join(' · ')
  const menu = v.persistentMenu.length
    ? `<div class="status">Menu: ${v.persistentMenu.map((m) => e(m.title)).join(' · ')}</div>` : ''
  const qrs = v.quickReplies.map((q) => `<span class="qr">${e(q.title ?? q.content_type)}</span>`).join('')
  return `<div class="phone"><h3>${e(title)}</h3><div class="status">${e(flags)}</div>${v.bubbles.map(bubble).join('')}
<div>${qrs}</div>${menu}</div>`
}

function bubble(b: ThreadBubble): string {
  const cls = b.kind === 'ad_welcome' ? 'welcome' : b.from
  const parts: string[] = []
  if (b.kind === 'ad_welcome') parts.push('<div class="meta">Ad welcome message (not in history)</div>')
  if (b.text) parts.push(e(b.text))
  if (b.kind === 'postback') parts.push(`<i>tapped ${e(b.payload ?? '')}</i>`)
  for (const a of b.attachments ?? []) {
    parts.push(a.type === 'location' ? `📍 ${e(a.coordinates?.lat)},${e(a.coordinates?.long)}`
      : `${a.renderedAs === 'link' ? '🔗' : '📎'} ${e(a.type)}: ${e(a.url ?? '')}`)
  }
  if (b.placeholder) parts.push(`<i>${e(b.placeholder)}</i>`)
  else if (b.template) parts.push(template(b.template))
  for (const btn of b.buttons ?? []) parts.push(`<span class="btn">${e(btn.title ?? btn.type)}</span>`)
  const meta = [b.status, b.seen ? 'seen' : '', b.payload && b.kind !== 'postback' ? `payload ${b.payload}` : '']
    .filter(Boolean).join(' · ')
  return `<div class="b ${cls}">${parts.join('<br>')}${meta ? `<div class="meta">${e(meta)}</div>` : ''}</div>`
}

function template(t: ThreadTemplate): string {
  const buttons = (bs: { title?: string; type: string }[]) => bs.map((x) => `<span class="btn">${e(x.title ?? x.type)}</span>`).join('')
  switch (t.type) {
    case 'carousel':
      return t.cards.map((c) => `<div class="card">${c.imageUrl ? `<div class="img">${e(c.imageUrl)}</div>` : ''}
<div class="title">${e(c.title)}</div>${c.subtitle ? `<div class="meta">${e(c.subtitle)}</div>` : ''}${buttons(c.buttons)}</div>`).join('')
    case 'buttons':
      return `${e(t.text)}${buttons(t.buttons)}`
    case 'media':
      return `🖼 ${e(t.mediaType)} ${e(t.url ?? '')}${buttons(t.buttons)}`
    case 'receipt':
      return `🧾 Receipt ${e(t.orderNumber)} for ${e(t.recipientName)}: ${t.items.map((i) => e(i.title)).join(', ')} — ` +
        `${e(t.totalCost)} ${e(t.currency)} (${e(t.paymentMethod)})`
    case 'notification_request':
      return `🔔 ${e(t.title)} (${e(t.frequency)})`
  }
}
