/**
 * The emulator's runtime, in one place: the world (SQLite, the clock and the id generators), the lock that keeps a
 * second emulator off its database file, the webhook delivery worker and the WAL checkpointer. `startEmulator()` opens one, hands it to every surface (Graph, control API,
 * dashboard) and closes it; nothing else holds state or runs in the background.
 */
import { checkpointInBackground, type Checkpointer } from '../../lib/wal-checkpointer.js'
import { lockDatabase, type DatabaseLock } from '../../lib/database-lock.js'
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
}

export class Runtime {
  private checkpoints: Checkpointer | undefined

  private constructor(readonly world: World, readonly delivery: DeliveryWorker, readonly strict: boolean,
    private readonly lock: DatabaseLock | undefined) {}

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
    return new Runtime(world, new DeliveryWorker(world, options.webhooks), options.strict ?? false, lock)
  }

  /** The URL the emulator serves at, for the message another emulator on the same database file gets. */
  servingAt(url: string): void {
    this.lock?.serving(url)
  }

  /** Starts checkpointing the WAL and delivering webhooks, first those an earlier run left pending (principle 5). */
  start(): void {
    this.checkpoints ??= checkpointInBackground(this.world.db)
    this.delivery.start()
  }

  /** Stops delivery (rows in flight stay pending) and checkpoints, then closes the database and releases its lock. */
  async close(): Promise<void> {
    await Promise.all([this.delivery.stop(), this.checkpoints?.stop()])
    this.world.close()
    this.lock?.release()
  }
}
