/**
 * Waiting on events, never on time: `waitFor` asks `probe` again until it answers something, and fails after a timeout
 * with a message naming what was awaited and what was last seen (STYLE §7.12: poll, don't sleep).
 */
export class WaitTimeout extends Error {
  override name = 'WaitTimeout'
}

export interface WaitOptions {
  /** Default 5 s: every step of a scenario takes milliseconds on the local stack. */
  timeoutMs?: number
  /** Pause between two probes (default 10 ms). */
  intervalMs?: number
}

/** The first non-undefined answer of `probe`; `lastSeen` describes the state when the wait times out. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined,
  options: WaitOptions & { lastSeen?: () => string | Promise<string> } = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5_000
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (performance.now() > deadline) {
      const seen = options.lastSeen ? `; last seen: ${await options.lastSeen()}` : ''
      throw new WaitTimeout(`Timed out after ${timeoutMs} ms waiting for ${what}${seen}`)
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 10))
  }
}
