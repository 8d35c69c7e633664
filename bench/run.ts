/**
 * `npm run bench [-- name…]`: runs the benchmarks (all, or those named) and prints their figures. Benchmarks are not
 * tests: they measure, they do not assert.
 */
import { sendApiBench } from './send-api.js'
import { endToEndBench } from './end-to-end.js'
import { coldStartBench, memoryBench } from './cold-start.js'
import { scenariosBench } from './scenarios.js'

const BENCHES: Record<string, () => Promise<unknown>> = {
  'send-api': () => sendApiBench(),
  'end-to-end': () => endToEndBench(),
  'cold-start': () => coldStartBench(),
  memory: () => memoryBench(),
  scenarios: () => scenariosBench(),
}

const wanted = process.argv.slice(2)
const unknown = wanted.filter((n) => !(n in BENCHES))
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) await BENCHES[name]!()
