import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'scenarios/**/*.test.ts'],
    testTimeout: 15_000,
    hookTimeout: 30_000,
    // Each file starts its own servers on free ports; two cores run two files at a time.
    pool: 'forks',
  },
})
