/**
 * A value built on its first use, then kept. For zod schemas that a start and its first request do not need:
 * constructing the Send API's and people's actions' schemas at module load cost about 6 ms of the emulator CLI's
 * ~180 ms to its first answer (bench/cold-start.ts); now the first send or action pays it once.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined
  return () => (built ??= { value: build() }).value
}
