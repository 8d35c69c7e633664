/** One autocannon run against a real server, reduced to the figures the benchmarks print. */
import autocannon from 'autocannon'
import type { ChildProcess } from 'node:child_process'
import { cpuTimeMs } from './processes.js'

export interface LoadResult {
  title: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Answers that were not 2xx, plus connection errors and timeouts. */
  failures: number
  /** The server's CPU time during the load per request made, in µs (when `server` was given and /proc exists). */
  cpuUsPerRequest?: number
}

export interface LoadOptions {
  title: string
  url: string
  body: string
  connections?: number
  durationSeconds?: number
  /** A number of requests to make instead of a duration. */
  amount?: number
  headers?: Record<string, string>
  /** The server's process, to measure its CPU time per request. */
  server?: ChildProcess
  /**
   * A run of this long first, not counted: what is measured is the server's steady state, not its first seconds
   * (code still being compiled, caches filling, lazily built modules), for every server alike.
   */
  warmupSeconds?: number
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const request = {
    url: o.url, method: 'POST' as const, body: o.body, connections: o.connections ?? 50,
    headers: { 'content-type': 'application/json', ...o.headers },
  }
  if (o.warmupSeconds) await autocannon({ ...request, duration: o.warmupSeconds })
  const cpuBefore = o.server && cpuTimeMs(o.server)
  const result = await autocannon({
    ...request, ...(o.amount ? { amount: o.amount } : { duration: o.durationSeconds ?? 10 }),
  })
  const figures: LoadResult = {
    title: o.title,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  }
  const cpuAfter = o.server && cpuTimeMs(o.server)
  if (cpuBefore !== undefined && cpuAfter !== undefined && figures.requests > 0) {
    figures.cpuUsPerRequest = (cpuAfter - cpuBefore) * 1000 / figures.requests
  }
  return figures
}

/** A fixed-width table of load results. */
export function table(results: LoadResult[]): string {
  const rows = [['', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'failures', 'CPU µs/req'],
    ...results.map((r) => [r.title, r.requestsPerSecond.toFixed(0), r.p50Ms.toFixed(1), r.p99Ms.toFixed(1),
      String(r.requests), String(r.failures), r.cpuUsPerRequest === undefined ? '-' : r.cpuUsPerRequest.toFixed(0)])]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
    .join('  ')).join('\n')
}
