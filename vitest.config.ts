import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'scenarios/**/*.test.ts'],
    // Builds dist/ once (skipped when up to date): CLI tests spawn the built `dist/emulator/cli.js`.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 15_000,
    hookTimeout: 30_000,
    // Each file starts its own servers on free ports; two cores run two files at a time. Said, not left to vitest:
    // its default is one worker fewer than the cores, so a 2-core machine ran one file at a time while the other core
    // was often idle (a file mostly waits for the processes, servers and browser it started).
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    // A worker keeps the modules it imported (hono, zod, the emulator…) from one test file to the next: importing them
    // again for each of the 84 files cost more CPU than most files' tests. Test files themselves still run afresh.
    isolate: false,
  },
})
