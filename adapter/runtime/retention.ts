/**
 * The adapter's retention job (lib/retention.ts): prunes finished outbox rows, seen-event ids and rejected events
 * by count and age, off the request path. A pending outbox row is never dropped, and a seen-event id never while
 * Facebook may still redeliver its event (LIMITS.redeliveryWindowMs), whatever the limits say: dedupe still works.
 */
import { RetentionJob, type RetentionOptions } from '../../lib/retention.js'
import { LIMITS } from '../facebook/limits.js'
import type { Clock } from './clock.js'
import type { Store } from '../store/store.js'

export function startRetention(store: Store, clock: Clock, options: RetentionOptions = {}): RetentionJob {
  const job = new RetentionJob(store.logTables(() => clock.now() - LIMITS.redeliveryWindowMs), () => clock.now(),
    options)
  job.start()
  return job
}
