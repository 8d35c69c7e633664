// jest runs ES modules (the package is one) with node --experimental-vm-modules (package.json); swc strips the types.
export default {
  testEnvironment: 'node',
  // A stage starts real servers: more than jest's 5 s on a busy CI machine. An expectation fails after 2 s anyway.
  testTimeout: 20_000,
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }] },
  // TypeScript's ESM imports name the compiled file (../src/bot.js); jest finds the .ts beside it.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
}
