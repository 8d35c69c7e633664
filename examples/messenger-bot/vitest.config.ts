import { defineConfig } from 'vitest/config'

export default defineConfig({
  // A stage starts real servers: more than vitest's 5 s on a busy CI machine. An expectation fails after 2 s anyway.
  test: { testTimeout: 20_000 },
})
