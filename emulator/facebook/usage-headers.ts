/**
 * The usage headers Graph puts on the answers of a throttled caller (docs §2.3). Calls made with a page token count
 * against the page's Business Use Case limit and report it in `X-Business-Use-Case-Usage`, keyed by the page id with
 * type `pages`; calls made with a user or app token count against the app's Platform limit and report it in
 * `X-App-Usage`. Each figure is a percentage of its limit, so a throttled caller is at 100. A fault switch has no end
 * the emulator could announce: `estimated_time_to_regain_access` (minutes) is 0.
 * Source: https://developers.facebook.com/docs/graph-api/overview/rate-limiting/ ("Pages API requests are subject to
 * either Platform or BUC Rate Limits, depending on the token used in the request").
 */

/** What one throttled call reports: page tokens the page's BUC usage, other tokens the app's platform usage. */
export function throttledUsageHeaders(pageTokenPageId: string | undefined): Record<string, string> {
  const usage = { call_count: 100, total_cputime: 0, total_time: 0 }
  if (pageTokenPageId === undefined) return { 'x-app-usage': JSON.stringify(usage) }
  return {
    'x-business-use-case-usage': JSON.stringify({
      [pageTokenPageId]: [{ type: 'pages', ...usage, estimated_time_to_regain_access: 0 }],
    }),
  }
}
