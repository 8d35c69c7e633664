// One emulator for the whole test run, seeded with a world; tests read its URL with inject('emulatorUrl').
import type { TestProject } from 'vitest/node'
import { startEmulator } from 'messenger-emulator'

declare module 'vitest' {
  export interface ProvidedContext { emulatorUrl: string }
}

export default async function setup(project: TestProject) {
  const emulator = await startEmulator({ seed: 'examples/world.json' })
  project.provide('emulatorUrl', emulator.url)
  return () => emulator.close()
}
