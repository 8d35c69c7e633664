/**
 * One server per database file. Two processes writing one SQLite file would each keep their own read cache, clock
 * offset and webhook worker, and silently disagree, so the second one refuses to start. The lock is a file beside
 * the database (`world.db.lock`) that names its holder: the process id, the machine, and the URL once it serves.
 * A lock whose process is gone (a crash, SIGKILL) is stale and taken over; SQLite's own locks cannot say who holds
 * them, and a lock held in SQLite would block the WAL checkpointer's second connection.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import { randomBytes } from 'node:crypto'

export interface LockHolder {
  pid: number
  host: string
  since: string
  url?: string
  /** Tells this holder's lock from a later one of the same process. */
  id: string
}

/** Who holds the lock, and what to do: "…in use by another emulator (pid 7, http://…). Stop that one, or …". */
export class DatabaseInUseError extends Error {
  constructor(readonly database: string, readonly holder: LockHolder, readonly lockFile: string, names: LockNames) {
    const where = [`pid ${holder.pid}`, holder.host === hostname() ? '' : `on ${holder.host}`, holder.url ?? '',
      `since ${holder.since}`].filter(Boolean).join(', ')
    super(`The database ${database} is in use by another ${names.server} (${where}). Stop that one, or use ` +
      `another database${names.another ? ` (${names.another})` : ''}.` +
      (holder.host === hostname() ? '' : ` If it no longer runs, delete ${lockFile}.`))
    this.name = 'DatabaseInUseError'
  }
}

/** How the message names the server ("emulator") and how to choose another database ("--db PATH"). */
export interface LockNames {
  server: string
  another?: string
}

export interface DatabaseLock {
  /** Adds the URL the holder serves at, for the message another process gets. */
  serving(url: string): void
  release(): void
}

function readHolder(lockFile: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as LockHolder
  } catch {
    return undefined
  }
}

/** Whether the holder's process still runs. Another machine's cannot be checked, so it counts as running. */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists, it belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Writes the holder to a file of its own, then moves or links it into place, so no reader sees half a lock. */
function writeHolder(lockFile: string, holder: LockHolder, place: 'create' | 'replace'): void {
  const temp = `${lockFile}.${holder.id}`
  writeFileSync(temp, JSON.stringify(holder))
  try {
    if (place === 'replace') renameSync(temp, lockFile)
    else linkSync(temp, lockFile)
  } finally {
    if (place === 'create') unlinkSync(temp)
  }
}

/** Takes the lock of `database` (a file path), or throws DatabaseInUseError naming its holder. */
export function lockDatabase(database: string, names: LockNames): DatabaseLock {
  const lockFile = `${database}.lock`
  mkdirSync(dirname(lockFile), { recursive: true })
  let holder: LockHolder = { pid: process.pid, host: hostname(),
    since: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), id: randomBytes(6).toString('hex') }
  for (let attempt = 0; ; attempt++) {
    try {
      writeHolder(lockFile, holder, 'create')
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const current = readHolder(lockFile)
    if (current && isRunning(current)) throw new DatabaseInUseError(database, current, lockFile, names)
    if (attempt > 0) throw new Error(`Cannot take ${lockFile}: delete it if no ${names.server} uses ${database}.`)
    // Stale (its process is gone) or unreadable: take it over, once.
    rmSync(lockFile, { force: true })
  }
  const ours = () => readHolder(lockFile)?.id === holder.id
  return {
    serving(url) {
      holder = { ...holder, url }
      if (ours()) writeHolder(lockFile, holder, 'replace')
    },
    release() {
      if (ours()) unlinkSync(lockFile)
    },
  }
}
