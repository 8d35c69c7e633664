/**
 * The emulator's clock: real time plus an offset that the control API can advance, so the 24-hour window, token
 * expiry and retries are testable without waiting. The offset is persisted in the world so a restart keeps it.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the emulated Facebook sees it. */
  now(): number
  /** Seconds since the epoch (Graph's `expires_at`, `issued_at`). */
  nowSeconds(): number
  advance(seconds: number): void
  offsetMs(): number
}

export function createClock(initialOffsetMs = 0, onChange: (offsetMs: number) => void = () => {}): Clock {
  let offset = initialOffsetMs
  return {
    now: () => Date.now() + offset,
    nowSeconds: () => Math.floor((Date.now() + offset) / 1000),
    advance(seconds) {
      offset += Math.round(seconds * 1000)
      onChange(offset)
    },
    offsetMs: () => offset,
  }
}
