import { type Campaign, type Filter, filterKey, type Snapshot } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import type { ClusterCoordinator } from '../cluster/ClusterCoordinator.ts'
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
  /** Viewers on this instance watch it (otherwise only other instances do). */
  local: boolean
}

export interface LiveHubStats {
  ticks: number
  skippedTicks: number
  /** Computations per filter key since start — the test of "once per filter per tick". */
  computations: Map<string, number>
  /** Tick numbers (time / tick length) this instance computed: across a cluster, none twice. */
  computedTicks: number[]
  watchedFilters: number
}

export interface LiveHubOptions {
  /** Absent on a relay: it holds sockets only and never reads the store. */
  store: Store | undefined
  campaign: Campaign
  logger: Logger
  sink: SnapshotSink
  /** Present when several instances share the work through Redis. */
  coordinator?: ClusterCoordinator | undefined
  /** Observes each snapshot computation's duration, in seconds. */
  onComputed?: ((seconds: number) => void) | undefined
}

/** A relay waits this many ticks for the computing core's first snapshot of a new filter. */
const RELAY_WAIT_TICKS = 4

/**
 * Computes each watched filter's snapshot once per tick and hands it to that filter's room.
 *
 * Ticks never overlap: while a tick's computations still run, the next tick is skipped.
 * If the store is slow or down, viewers keep the last good snapshot, marked stale with its
 * age, and the hub recovers by itself on the next tick that succeeds. With a coordinator,
 * only the core holding the lease computes, for the filters watched on every instance.
 */
export class LiveHub {
  readonly #watched = new Map<string, WatchedFilter>()
  readonly #stats: LiveHubStats = {
    ticks: 0,
    skippedTicks: 0,
    computations: new Map(),
    computedTicks: [],
    watchedFilters: 0,
  }
  #timer: NodeJS.Timeout | undefined
  #tickRunning: Promise<void> | undefined
  #tickStartedAt = 0
  #lastComputedTickAt: number | undefined
  /** This instance held the computing lease at its last tick. */
  #leading = false

  constructor(private readonly options: LiveHubOptions) {}

  private get tickMs(): number {
    return this.options.campaign.tickMs
  }

  /** When this instance last computed a tick (epoch ms), if ever. */
  get lastTickAt(): number | undefined {
    return this.#lastComputedTickAt
  }

  get stats(): LiveHubStats {
    return {
      ...this.#stats,
      computations: new Map(this.#stats.computations),
      computedTicks: [...this.#stats.computedTicks],
      watchedFilters: this.#watched.size,
    }
  }

  start(): void {
    this.#timer ??= setInterval(() => this.#tick(), this.tickMs)
  }

  /** Resolves when no tick is computing (tests read exact counts between ticks). */
  async settled(): Promise<void> {
    while (this.#tickRunning) await this.#tickRunning
  }

  /** Stops ticking; by default hands the computing lease over at once (a crash leaves it to expire). */
  async stop({ handOver = true }: { handOver?: boolean } = {}): Promise<void> {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.settled()
    if (handOver) await this.options.coordinator?.releaseLease()
  }

  /** Starts watching a filter (idempotent) and returns a full snapshot for a new viewer. */
  async watch(filter: Filter): Promise<{ roomKey: string; snapshot: Snapshot }> {
    const roomKey = filterKey(filter)
    let watched = this.#watched.get(roomKey)
    if (!watched) {
      watched = { filter, memory: newFilterMemory(), last: undefined, pending: undefined, failing: false, local: true }
      this.#watched.set(roomKey, watched)
    }
    watched.local = true
    const { coordinator, store } = this.options
    if (coordinator) await coordinator.announce([filter])
    // A viewer joining gets the numbers of this tick when there are some; otherwise it
    // shares the computation in flight, so a hundred screens joining at once cost one.
    const known = watched.last ?? (await coordinator?.latestSnapshot(roomKey))
    if (known && Date.now() - Date.parse(known.computedAt) < this.tickMs * 2) {
      return { roomKey, snapshot: this.#framed(known, watched) }
    }
    if (!store) return { roomKey, snapshot: this.#framed(await this.#awaitRemote(roomKey), watched) }
    try {
      return { roomKey, snapshot: this.#framed(await this.#compute(roomKey, watched, store), watched) }
    } catch (error) {
      if (!watched.last) throw error
      watched.failing = true
      return { roomKey, snapshot: this.#framed(watched.last, watched) }
    }
  }

  /** The latest snapshot of a room, framed for sending now (after a reconnect, for example). */
  async latest(roomKey: string): Promise<Snapshot | undefined> {
    const watched = this.#watched.get(roomKey)
    const known = watched?.last ?? (await this.options.coordinator?.latestSnapshot(roomKey))
    return known && watched ? this.#framed(known, watched) : known
  }

  /** No viewer here watches it any more: from the next tick it costs nothing (unless others watch it). */
  unwatch(roomKey: string): void {
    const watched = this.#watched.get(roomKey)
    if (!watched) return
    watched.local = false
    // The computing core keeps it while other instances still announce it; anyone else forgets it.
    if (!this.options.coordinator || !this.#leading) this.#watched.delete(roomKey)
  }

  /** A relay has no store: the computing core's snapshot arrives through Redis. */
  async #awaitRemote(roomKey: string): Promise<Snapshot> {
    const deadline = Date.now() + RELAY_WAIT_TICKS * this.tickMs
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, this.tickMs / 4))
      const snapshot = await this.options.coordinator?.latestSnapshot(roomKey)
      if (snapshot) return snapshot
    }
    throw new Error('no core has computed this filter yet')
  }

  #tick(): void {
    if (this.#tickRunning) {
      this.#stats.skippedTicks += 1
      // The previous tick is still computing. Past two ticks, tell the screens their numbers are ageing.
      if (Date.now() - this.#tickStartedAt > 2 * this.tickMs) this.#sendStale()
      return
    }
    this.#tickStartedAt = Date.now()
    this.#tickRunning = this.#runTick()
      .catch((error) => this.options.logger.warn({ err: error }, 'tick failed'))
      .finally(() => {
        this.#tickRunning = undefined
      })
  }

  async #runTick(): Promise<void> {
    const { coordinator, store } = this.options
    const tickNumber = Math.floor(this.#tickStartedAt / this.tickMs)
    if (!store) {
      // A relay computes nothing; it tells the cluster what its viewers watch.
      await coordinator?.announce(this.#localFilters())
      return
    }
    if (coordinator) {
      await coordinator.announce(this.#localFilters())
      this.#leading = await coordinator.holdLease()
      if (!this.#leading || !(await coordinator.claimTick(tickNumber))) return
      await this.#adoptClusterFilters(coordinator)
    }
    this.#stats.ticks += 1
    this.#stats.computedTicks.push(tickNumber)
    this.#lastComputedTickAt = this.#tickStartedAt
    for (const [roomKey, watched] of this.#watched) {
      try {
        const snapshot = await this.#compute(roomKey, watched, store)
        if (this.#watched.get(roomKey) !== watched) continue
        this.options.sink(roomKey, this.#framed(snapshot, watched))
        await coordinator?.publishSnapshot(roomKey, snapshot)
      } catch (error) {
        if (!watched.failing) {
          this.options.logger.warn({ err: error, filter: watched.filter }, 'snapshot failed; serving stale')
        }
        watched.failing = true
        if (watched.last) this.options.sink(roomKey, this.#framed(watched.last, watched))
      }
    }
  }

  #localFilters(): Filter[] {
    return [...this.#watched.values()].filter((watched) => watched.local).map((watched) => watched.filter)
  }

  /** The computing core takes on every filter watched anywhere, and drops those nobody watches. */
  async #adoptClusterFilters(coordinator: ClusterCoordinator): Promise<void> {
    const remote = new Map((await coordinator.watchedFilters()).map((filter) => [filterKey(filter), filter]))
    for (const [roomKey, filter] of remote) {
      if (this.#watched.has(roomKey)) continue
      this.#watched.set(roomKey, {
        filter,
        memory: newFilterMemory(),
        last: undefined,
        pending: undefined,
        failing: false,
        local: false,
      })
    }
    for (const [roomKey, watched] of this.#watched) {
      if (!watched.local && !remote.has(roomKey)) this.#watched.delete(roomKey)
    }
  }

  #sendStale(): void {
    for (const [roomKey, watched] of this.#watched) {
      if (!watched.last) continue
      watched.failing = true
      this.options.sink(roomKey, this.#framed(watched.last, watched))
    }
  }

  #compute(roomKey: string, watched: WatchedFilter, store: Store): Promise<Snapshot> {
    const startedAt = performance.now()
    watched.pending ??= computeSnapshot(store, this.options.campaign, watched.filter, watched.memory)
      .then((snapshot) => {
        this.options.onComputed?.((performance.now() - startedAt) / 1000)
        watched.last = snapshot
        if (watched.failing) this.options.logger.info({ filter: watched.filter }, 'snapshots recovered')
        watched.failing = false
        return snapshot
      })
      .finally(() => {
        watched.pending = undefined
        this.#stats.computations.set(roomKey, (this.#stats.computations.get(roomKey) ?? 0) + 1)
      })
    return watched.pending
  }

  #framed(snapshot: Snapshot, watched: WatchedFilter | undefined): Snapshot {
    const now = Date.now()
    return {
      ...snapshot,
      serverTime: new Date(now).toISOString(),
      stale: watched?.failing ?? false,
      ageSeconds: Math.max(0, (now - Date.parse(snapshot.computedAt)) / 1000),
    }
  }
}
