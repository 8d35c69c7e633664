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
  },
})
