/**
 * The emulator's runtime, in one place: the world (SQLite, the clock and the id generators), the lock that keeps a
 * second emulator off its database file, the webhook delivery worker, the WAL checkpointer and the retention job that
 * prunes the logs. `startEmulator()` opens one, hands it to every surface (Graph, control API, dashboard) and closes
 * it; nothing else holds state or runs in the background.
 */
import { checkpointInBackground, type Checkpointer } from '../../lib/wal-checkpointer.js'
import { lockDatabase, type DatabaseLock } from '../../lib/database-lock.js'
import { RetentionJob, type RetentionOptions } from '../../lib/retention.js'
import { deliveriesLog, journalLog } from '../world/log-tables.js'
import { World } from '../world/world.js'
import type { Ids } from '../world/ids.js'
import { DeliveryWorker, type DeliveryOptions } from '../webhooks/delivery.js'

export interface RuntimeOptions {
  /** A SQLite file, or ':memory:'. */
  db: string
  /** The id and secret generators (world/ids.ts); fresh ones by default. */
  ids?: Ids | undefined
  /** Webhook delivery: timeout (also of the verification request), retry backoff, polling, batching. */
  webhooks?: DeliveryOptions | undefined
  /**
   * Judge every Graph call by Facebook's written contract (`--strict`): documented limits and required fields are
   * refused with Facebook's error, where by default the emulator is as lenient as production (facebook/leniency.ts).
   */
  strict?: boolean | undefined
  /** How much of the request journal and the webhook log is kept (lib/retention.ts has the defaults). */
  retention?: RetentionOptions | undefined
}

export class Runtime {
  private checkpoints: Checkpointer | undefined

  private constructor(readonly world: World, readonly delivery: DeliveryWorker, readonly retention: RetentionJob,
    readonly strict: boolean, private readonly lock: DatabaseLock | undefined) {}

  /**
   * Locks the database file (another emulator on it gets a DatabaseInUseError naming this one) and opens the world,
   * running its migrations; nothing runs in the background until `start()`.
   */
  static open(options: RuntimeOptions): Runtime {
    const lock = options.db === ':memory:' ? undefined
      : lockDatabase(options.db, { server: 'emulator', another: '--db PATH, or --db :memory:' })
    let world: World
    try {
      world = World.open(options.db, options.ids)
    } catch (e) {
      lock?.release()
      throw e
    }
    // Rows carry the emulator's clock, which tests move ahead by days: a row's age is measured on the slower of it
    // and real time, so moving the clock never prunes a CI run's history.
    const now = () => Math.min(Date.now(), world.clock.now())
    const retention = new RetentionJob([journalLog(world.store), deliveriesLog(world.store)], now, options.retention)
    return new Runtime(world, new DeliveryWorker(world, options.webhooks), retention, options.strict ?? false, lock)
  }

  /** The URL the emulator serves at, for the message another emulator on the same database file gets. */
  servingAt(url: string): void {
    this.lock?.serving(url)
  }

  /**
   * Starts checkpointing the WAL, delivering webhooks (first those an earlier run left pending, principle 5) and
   * pruning the logs.
   */
  start(): void {
    this.checkpoints ??= checkpointInBackground(this.world.db)
    this.delivery.start()
    this.retention.start()
  }

  /**
   * Stops delivery (rows in flight stay pending), pruning and checkpoints, then closes the database and releases its
   * lock.
   */
  async close(): Promise<void> {
    await Promise.all([this.delivery.stop(), this.retention.stop(), this.checkpoints?.stop()])
    this.world.close()
    this.lock?.release()
  }
}
