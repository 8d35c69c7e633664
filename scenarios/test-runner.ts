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

/**
 * Ties the stage to the test running now: closed when it ends; when it fails for another reason than a step of the
 * stage (whose error carries the timeline already), the timeline is printed. Outside a test (a `beforeAll`), nothing
 * is tied: close the stage yourself.
 */
export async function tieToCurrentTest(stage: RunnerStage): Promise<void> {
  if (inVitest()) {
    const { onTestFinished } = await import('vitest')
    try {
      // One hook for both: vitest runs onTestFinished before onTestFailed, and the timeline needs the stage open.
      onTestFinished(async ({ task }) => {
        if (task.result?.state === 'fail' && !stage.failedAStep()) console.error(await stage.timeline())
        await stage.close()
      })
    } catch {
      // Not inside a test: vitest refuses test hooks there.
    }
    return
  }
  const jest = jestGlobals()
  if (jest?.expect.getState().currentTestName !== undefined) openedInJestTests.add(stage)
}
