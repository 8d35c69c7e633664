/**
 * How one Graph call is judged against Facebook's written contract. By default as production judges it: lenient
 * where Facebook is lenient (a long label is accepted and shown cut, a missing `messaging_type` is a RESPONSE), with
 * a warning for each such leniency (facebook/warnings.ts). Strict (`--strict`, `startEmulator({ strict: true })`, or
 * the app's `strict` fault switch) enforces every documented limit and required field with Facebook's error instead.
 *
 * The Graph pipeline makes one per call and hands it to the rules; the warnings it gathers go into the request
 * journal and the `X-Emulator-Warning` headers of the answer.
 */
import { graphError } from './errors.js'
import { characters, LIMITS, type CutLimitName } from './limits.js'
import { warning, type Warning, type WarningArgs, type WarningName } from './warnings.js'

/** The page a limit's source names first: where a warning about it points. */
const firstUrl = (source: string) => source.match(/https:\/\/[^\s)]+/)?.[0] ?? source

export class Leniency {
  readonly warnings: Warning[] = []

  constructor(public strict = false) {}

  warn<N extends WarningName>(name: N, ...args: WarningArgs<N>): void {
    this.warnings.push(warning(name, ...args))
  }

  /**
   * A label (a title, a greeting) against its documented limit: within it, nothing; past it, Facebook's refusal under
   * strict, otherwise kept whole with a warning (people see it cut, limits.ts `shownCut`).
   */
  label(name: CutLimitName, param: string, value: string): void {
    const { value: max, source } = LIMITS[name]
    if (characters(value).length <= max) return
    if (this.strict) throw graphError('paramTooLong', param, String(max)).because(`--strict: ${param} over ${max}`)
    this.warn('labelCut', param, String(max), firstUrl(source))
  }
}
