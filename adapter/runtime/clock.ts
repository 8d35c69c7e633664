/**
 * The adapter's clock. Everything that stamps a time (message `received`, outbox schedules, webhook `createdAt`)
 * reads it from here so tests can inject a fixed or advancing clock (STYLE §7.8).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** ISO-8601 with milliseconds, the v2 timestamp format (conversations-api.md §0). */
export function iso(clock: Clock): string {
  return new Date(clock.now()).toISOString()
}
