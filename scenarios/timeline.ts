/**
 * What a scenario run records for its report: the steps of the story, and a timeline of what passed between the three
 * parties (business, adapter, Facebook): the business's calls to the adapter API, the adapter's webhooks to the
 * business, Graph calls (from the emulator's request journal), Facebook's webhooks (its delivery log) and what people
 * and page owners did on Facebook. Times are wall-clock milliseconds.
 */
export type Party = 'business' | 'adapter' | 'facebook'

export interface TimelineEntry {
  at: number
  from: Party
  to: Party
  /** Who acted, when it is not the party itself: a person ("Sam"), a page owner, the developer dashboard. */
  actor?: string
  /** One line: `POST /v2/apps/…/messages → 201`, `conversation:message`, `Sam says "Hi"`. */
  title: string
  ok: boolean
  /** Request and answer bodies, shown folded. */
  detail?: unknown
  /** A Graph call's warnings (what Facebook let through silently), shown unfolded, not folded in `detail`. */
  warnings?: { code: string; message: string }[]
}

export interface StepRecord {
  text: string
  startedAt: number
  ms: number
  ok: boolean
  error?: string
}

/** A person's thread as they saw it at the end of the run. */
export interface ThreadRecord {
  person: string
  page: string
  view: import('../emulator/control/types.js').ThreadView
}

export class Recorder {
  readonly steps: StepRecord[] = []
  readonly entries: TimelineEntry[] = []
  /** Offsets of the emulator's clock from wall time, from when each took effect (for mapping journal times). */
  private depth = 0
  private readonly offsets: { from: number; offsetMs: number }[] = [{ from: 0, offsetMs: 0 }]

  add(entry: TimelineEntry): void {
    this.entries.push(entry)
  }

  /** Runs one step of the story, recording its text, time and outcome; a failure names the step. */
  async step<T>(text: string, fn: () => Promise<T>): Promise<T> {
    // A step made of other steps is one step of the story: the inner ones are not listed.
    if (this.depth > 0) return fn()
    this.depth++
    const record: StepRecord = { text, startedAt: Date.now(), ms: 0, ok: true }
    this.steps.push(record)
    const t0 = performance.now()
    try {
      return await fn()
    } catch (err) {
      record.ok = false
      record.error = err instanceof Error ? err.message : String(err)
      throw new StepFailure(text, err)
    } finally {
      record.ms = Math.round(performance.now() - t0)
      this.depth--
    }
  }

  clockMoved(offsetMs: number): void {
    this.offsets.push({ from: Date.now(), offsetMs })
  }

  /** An emulator-clock time (ISO) as wall time: the offset in force when the emulator read its clock. */
  wallTime(emulatorIso: string): number {
    const t = Date.parse(emulatorIso)
    for (let i = this.offsets.length - 1; i >= 0; i--) {
      const { from, offsetMs } = this.offsets[i]!
      if (t - offsetMs >= from) return t - offsetMs
    }
    return t
  }

  sorted(): TimelineEntry[] {
    return [...this.entries].sort((a, b) => a.at - b.at)
  }
}

/** A failed step: the step's text and the error inside it. */
export class StepFailure extends Error {
  override name = 'StepFailure'
  constructor(readonly step: string, override readonly cause: unknown) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}
