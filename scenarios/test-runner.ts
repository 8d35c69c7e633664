/**
 * The test runner a stage was opened in (vitest or jest), and how a stage lives in it: closed when its test ends,
 * its timeline printed when that test fails. Neither runner is a dependency: vitest is imported only when a vitest
 * worker runs this code, jest is reached only through the globals it puts in place (`afterEach`, `expect`).
 */

/** What the runner needs of an open stage. */
export interface RunnerStage {
  close(): Promise<void>
  /** Whether the failure the runner shows already carries the timeline (a step of the stage failed). */
  failedAStep(): boolean
  timeline(): Promise<string>
}

interface JestGlobals {
  afterEach(fn: () => Promise<void>): void
  expect: { getState(): { currentTestName?: string } }
}

const inVitest = () => '__vitest_worker__' in globalThis
/** jest's globals, when jest runs this code (other runners with a global afterEach have no `expect.getState`). */
function jestGlobals(): JestGlobals | undefined {
  const g = globalThis as { afterEach?: unknown; expect?: { getState?: unknown } }
  if (inVitest() || typeof g.afterEach !== 'function' || typeof g.expect?.getState !== 'function') return undefined
  return g as JestGlobals
}

/** The stages jest's tests of this file opened, closed after each test (jest loads this module once per test file). */
const openedInJestTests = new Set<RunnerStage>()

// At import, jest's collection phase: one afterEach for the file. Inside a test jest refuses new hooks.
jestGlobals()?.afterEach(async () => {
  const stages = [...openedInJestTests]
  openedInJestTests.clear()
  await Promise.all(stages.map((s) => s.close()))
})

/** vitest's hooks, imported once as a vitest worker loads this module (vitest is no dependency of the package). */
const vitest = inVitest() ? await import('vitest') : undefined

/** What a vitest test context gives (`test('…', ({ onTestFinished }) => …)`): hooks of that test itself. */
export interface VitestTestContext {
  onTestFinished(fn: (context: { task: { result?: { state?: string } } }) => unknown): void
}

/**
 * Ties a stage to its test: closed when the test ends; when it fails for another reason than a step of the stage
 * (whose error carries the timeline already), the timeline is printed. In vitest, `context` is the test's own context:
 * needed in `test.concurrent`, where vitest cannot tell which of the running tests is "the current one" (its global
 * hooks attach to the last started, which would close this stage when that other test ends). Without it the global
 * hook is used, right for tests that run one at a time. Outside a test (a `beforeAll`), nothing is tied: close the
 * stage yourself. Call it before the first `await` of opening the stage.
 */
export function tieToCurrentTest(context?: VitestTestContext): (stage: RunnerStage) => void {
  if (vitest) {
    let tied: RunnerStage | undefined
    try {
      // One hook for both: vitest runs onTestFinished before onTestFailed, and the timeline needs the stage open.
      ;(context ?? vitest).onTestFinished(async ({ task }) => {
        if (!tied) return
        if (task.result?.state === 'fail' && !tied.failedAStep()) console.error(await tied.timeline())
        await tied.close()
      })
    } catch {
      // Not inside a test: vitest refuses test hooks there.
    }
    return (stage) => { tied = stage }
  }
  const inJestTest = jestGlobals()?.expect.getState().currentTestName !== undefined
  return (stage) => {
    if (inJestTest) openedInJestTests.add(stage)
  }
}
