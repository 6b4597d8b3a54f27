import { type Campaign, type Filter, filterKey, type Snapshot } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import type { Logger } from '../logger.ts'
import { computeSnapshot, type FilterMemory, newFilterMemory } from './computeSnapshot.ts'

/** Where a finished tick goes: the filter's room. Kept abstract so the hub does not know Socket.IO. */
export type SnapshotSink = (roomKey: string, snapshot: Snapshot) => void

interface WatchedFilter {
  filter: Filter
  memory: FilterMemory
  last: Snapshot | undefined
  /** Set while one computation for this filter runs: every caller shares it. */
  pending: Promise<Snapshot> | undefined
  /** The latest attempt failed: viewers see the last good numbers, marked stale. */
  failing: boolean
}

export interface LiveHubStats {
  ticks: number
  skippedTicks: number
  /** Computations per filter key since start — the test of "once per filter per tick". */
  computations: Map<string, number>
  watchedFilters: number
}

/**
 * Computes each watched filter's snapshot once per tick and hands it to that filter's room.
 *
 * Ticks never overlap: while a tick's computations still run, the next tick is skipped.
 * If the store is slow or down, viewers keep the last good snapshot, marked stale with its
 * age, and the hub recovers by itself on the next tick that succeeds.
 */
export class LiveHub {
  readonly #watched = new Map<string, WatchedFilter>()
  readonly #stats: LiveHubStats = { ticks: 0, skippedTicks: 0, computations: new Map(), watchedFilters: 0 }
  #timer: NodeJS.Timeout | undefined
  #tickRunning: Promise<void> | undefined
  #tickStartedAt = 0

  constructor(
    private readonly store: Store,
    private readonly campaign: Campaign,
    private readonly logger: Logger,
    private readonly sink: SnapshotSink,
  ) {}

  get stats(): LiveHubStats {
    return { ...this.#stats, computations: new Map(this.#stats.computations), watchedFilters: this.#watched.size }
  }

  start(): void {
    this.#timer ??= setInterval(() => this.#tick(), this.campaign.tickMs)
  }

  /** Resolves when no tick is computing (tests read exact counts between ticks). */
  async settled(): Promise<void> {
    while (this.#tickRunning) await this.#tickRunning
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.#tickRunning
  }

  /** Starts watching a filter (idempotent) and returns a full snapshot for a new viewer. */
  async watch(filter: Filter): Promise<{ roomKey: string; snapshot: Snapshot }> {
    const roomKey = filterKey(filter)
    let watched = this.#watched.get(roomKey)
    if (!watched) {
      watched = { filter, memory: newFilterMemory(), last: undefined, pending: undefined, failing: false }
      this.#watched.set(roomKey, watched)
    }
    // A viewer joining gets the numbers of this tick when there are some; otherwise it
    // shares the computation in flight, so a hundred screens joining at once cost one.
    const fresh = watched.last && Date.now() - Date.parse(watched.last.computedAt) < this.campaign.tickMs
    if (fresh && watched.last) return { roomKey, snapshot: this.#framed(watched.last, watched) }
    try {
      return { roomKey, snapshot: this.#framed(await this.#compute(roomKey, watched), watched) }
    } catch (error) {
      if (!watched.last) throw error
      watched.failing = true
      return { roomKey, snapshot: this.#framed(watched.last, watched) }
    }
  }

  /** The latest snapshot of a room, framed for sending now (after a reconnect, for example). */
  latest(roomKey: string): Snapshot | undefined {
    const watched = this.#watched.get(roomKey)
    return watched?.last ? this.#framed(watched.last, watched) : undefined
  }

  /** A filter nobody watches any more costs nothing from the next tick on. */
  unwatch(roomKey: string): void {
    this.#watched.delete(roomKey)
  }

  #tick(): void {
    if (this.#tickRunning) {
      this.#stats.skippedTicks += 1
      // The previous tick is still computing. Past two ticks, tell the screens their numbers are ageing.
      if (Date.now() - this.#tickStartedAt > 2 * this.campaign.tickMs) this.#sendStale()
      return
    }
    this.#stats.ticks += 1
    this.#tickStartedAt = Date.now()
    this.#tickRunning = this.#computeAll().finally(() => {
      this.#tickRunning = undefined
    })
  }

  async #computeAll(): Promise<void> {
    for (const [roomKey, watched] of this.#watched) {
      try {
        const snapshot = await this.#compute(roomKey, watched)
        if (this.#watched.get(roomKey) === watched) this.sink(roomKey, this.#framed(snapshot, watched))
      } catch (error) {
        if (!watched.failing) this.logger.warn({ err: error, filter: watched.filter }, 'snapshot failed; serving stale')
        watched.failing = true
        if (watched.last) this.sink(roomKey, this.#framed(watched.last, watched))
      }
    }
  }

  #sendStale(): void {
    for (const [roomKey, watched] of this.#watched) {
      if (!watched.last) continue
      watched.failing = true
      this.sink(roomKey, this.#framed(watched.last, watched))
    }
  }

  #compute(roomKey: string, watched: WatchedFilter): Promise<Snapshot> {
    watched.pending ??= computeSnapshot(this.store, this.campaign, watched.filter, watched.memory)
      .then((snapshot) => {
        watched.last = snapshot
        if (watched.failing) this.logger.info({ filter: watched.filter }, 'snapshots recovered')
        watched.failing = false
        return snapshot
      })
      .finally(() => {
        watched.pending = undefined
        this.#stats.computations.set(roomKey, (this.#stats.computations.get(roomKey) ?? 0) + 1)
      })
    return watched.pending
  }

  #framed(snapshot: Snapshot, watched: WatchedFilter): Snapshot {
    const now = Date.now()
    return {
      ...snapshot,
      serverTime: new Date(now).toISOString(),
      stale: watched.failing,
      ageSeconds: Math.max(0, (now - Date.parse(snapshot.computedAt)) / 1000),
    }
  }
}
