import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'scenarios/**/*.test.ts'],
    // Builds dist/ once (skipped when up to date): CLI tests spawn the built `dist/emulator/cli.js`.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 15_000,
    hookTimeout: 30_000,
    // Each file starts its own servers on free ports; two cores run two files at a time.
    pool: 'forks',
    // A worker keeps the modules it imported (hono, zod, the emulator…) from one test file to the next: importing them
    // again for each of the 84 files cost more CPU than most files' tests. Test files themselves still run afresh.
    isolate: false,
  },
})
