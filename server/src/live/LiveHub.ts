import { type Campaign, campaignNow, type Filter, filterKey, type Snapshot } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import type { ClusterCoordinator } from '../cluster/ClusterCoordinator.ts'
import type { Logger } from '../logger.ts'
import { ComputeLane } from './ComputeLane.ts'
import { computeSnapshot, type FilterMemory, newFilterMemory } from './computeSnapshot.ts'
import { type TickOutcome, TickReport } from './TickReport.ts'

/** Where a finished tick goes: the filter's room. Kept abstract so the hub does not know Socket.IO. */
export type SnapshotSink = (roomKey: string, snapshot: Snapshot) => void

interface WatchedFilter {
  filter: Filter
  memory: FilterMemory
  last: Snapshot | undefined
  /** The campaign clock `last` was computed at (epoch ms); set only where it was computed. */
  lastNowMs?: number | undefined
  /** Set while one computation for this filter runs: every caller shares it. */
  pending: Promise<Snapshot> | undefined
  /** The latest attempt failed: viewers see the last good numbers, marked stale. */
  failing: boolean
  /** Viewers on this instance watch it (otherwise only other instances do). */
  local: boolean
  /** Its first computation for a new viewer, waiting its turn in the lane (one per filter). */
  queued?: Promise<Snapshot> | undefined
}

export interface LiveHubStats {
  ticks: number
  skippedTicks: number
  /** Computations per filter key since start — the test of "once per filter per tick". */
  computations: Map<string, number>
  /** Ticks per filter key in which it was not computed: its last computation still running, or the tick's budget spent. */
  skips: Map<string, number>
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
  /** Distinct filters watched at once; a new one past it is refused (LIVE_MAX_FILTERS). Unlimited when unset. */
  maxFilters?: number | undefined
  /** Filters computed first every tick besides the overview: a spotlit scene the walls show. */
  priority?: (() => readonly Filter[]) | undefined
  /**
   * Whether a connected socket on this instance is in the filter's room. Each tick forgets a
   * local filter without one, so a filter never outlives its last viewer by more than a tick,
   * whatever path its viewers left by.
   */
  hasViewers?: ((roomKey: string) => boolean) | undefined
}

/** The overview as this instance last computed it, with the campaign clock it was computed at. */
export interface ComputedOverview {
  snapshot: Snapshot
  nowMs: number
}

/** A relay waits this many ticks for the computing core's first snapshot of a new filter. */
const RELAY_WAIT_TICKS = 4

/**
 * Filters other than the overview and the spotlight are computed this many at a time, one per
 * core of the machine: each takes a read session of the store while it runs, and the walls'
 * own filters, which do not queue here, then wait behind at most two of them.
 */
const LANE_CONCURRENCY = 2

/**
 * A tick starts no computation after this share of the tick length: the rest of the tick is
 * left for delivery and timers, so the next tick starts on time even when filters keep coming.
 */
const TICK_BUDGET_SHARE = 0.8

/** The overview: what every wall shows unless the control spotlights something. */
const OVERVIEW_KEY = filterKey({})

/** The filter was dropped (its last viewer left, or moved on) before its first snapshot was computed. */
export class SubscriptionDroppedError extends Error {
  constructor() {
    super('the subscription was dropped before its first snapshot')
  }
}

/**
 * Computes each watched filter's snapshot once per tick and hands it to that filter's room.
 *
 * A tick takes the list of filters as it stands when the tick starts. The overview and any
 * spotlit scene are computed first, with the store to themselves; then the others go through
 * a lane of two, the least recently refreshed first, each delivered the moment it is computed. The tick starts
 * no computation past its budget and waits for none past it: what is left waits for the next
 * tick, and a slow filter keeps computing in the background without holding up the others.
 * If the store is slow or down, viewers keep the last good snapshot, marked stale with its
 * age, and the hub recovers by itself. With a coordinator, only the core holding the lease
 * computes, for the filters watched on every instance.
 */
export class LiveHub {
  readonly #watched = new Map<string, WatchedFilter>()
  readonly #stats: LiveHubStats = {
    ticks: 0,
    skippedTicks: 0,
    computations: new Map(),
    skips: new Map(),
    computedTicks: [],
    watchedFilters: 0,
  }
  readonly #lane = new ComputeLane(LANE_CONCURRENCY)
  readonly #report: TickReport
  #timer: NodeJS.Timeout | undefined
  /** Ticks not finished yet: at most one still coordinating, and one past its budget waiting out its deadline. */
  readonly #ticksRunning = new Set<Promise<void>>()
  /** A tick is still talking to the cluster (lease, filters): the next one waits rather than pile up behind Redis. */
  #coordinating = false
  #lastComputedTickAt: number | undefined
  /** The current tick's overview and spotlight computations (bounded by its budget): lane jobs start after them. */
  #wallsFirst: Promise<unknown> = Promise.resolve()
  /** This instance held the computing lease at its last tick. */
  #leading = false

  constructor(private readonly options: LiveHubOptions) {
    this.#report = new TickReport(options.logger)
  }

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
      skips: new Map(this.#stats.skips),
      computedTicks: [...this.#stats.computedTicks],
      watchedFilters: this.#watched.size,
    }
  }

  start(): void {
    this.#timer ??= setInterval(() => this.#tick(), this.tickMs)
  }

  /** Resolves when no tick and no computation is running (tests read exact counts between ticks). */
  async settled(): Promise<void> {
    for (;;) {
      const running = [...this.#ticksRunning, ...[...this.#watched.values()].map((watched) => watched.pending)].filter(
        (promise) => promise !== undefined,
      )
      if (running.length === 0) return
      await Promise.allSettled(running)
    }
  }

  /** Stops ticking; by default hands the computing lease over at once (a crash leaves it to expire). */
  async stop({ handOver = true }: { handOver?: boolean } = {}): Promise<void> {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.settled()
    if (handOver) await this.options.coordinator?.releaseLease()
  }

  /**
   * Starts watching a filter for a viewer on this instance, at once (no await): the caller puts
   * the viewer in the filter's room in the same turn. Undefined when it would pass LIVE_MAX_FILTERS.
   */
  admit(filter: Filter): string | undefined {
    const roomKey = filterKey(filter)
    let watched = this.#watched.get(roomKey)
    if (!watched) {
      if (this.#watched.size >= (this.options.maxFilters ?? Number.POSITIVE_INFINITY)) return undefined
      watched = { filter, memory: newFilterMemory(), last: undefined, pending: undefined, failing: false, local: true }
      this.#watched.set(roomKey, watched)
    }
    watched.local = true
    return roomKey
  }

  /**
   * A full snapshot of an admitted filter for a new viewer: this tick's when there is one;
   * otherwise the computation in flight, so a hundred screens joining at once cost one; otherwise
   * one computed in its turn in the lane. Rejects with SubscriptionDroppedError when the filter
   * stopped being watched meanwhile, so a subscribe nobody waits for any more costs nothing.
   */
  async firstSnapshot(roomKey: string): Promise<Snapshot> {
    const watched = this.#watched.get(roomKey)
    if (!watched) throw new SubscriptionDroppedError()
    const { coordinator, store } = this.options
    if (coordinator) await coordinator.announce([watched.filter])
    const known = watched.last ?? (await coordinator?.latestSnapshot(roomKey))
    if (known && this.#fresh(known)) return this.#framed(known, watched)
    if (!store) return this.#framed(await this.#awaitRemote(roomKey), watched)
    try {
      return this.#framed(await this.#firstComputation(roomKey, watched, store), watched)
    } catch (error) {
      if (error instanceof SubscriptionDroppedError || !watched.last) throw error
      watched.failing = true
      return this.#framed(watched.last, watched)
    }
  }

  /** The latest snapshot of a room, framed for sending now (after a reconnect, for example). */
  async latest(roomKey: string): Promise<Snapshot | undefined> {
    const watched = this.#watched.get(roomKey)
    const known = watched?.last ?? (await this.options.coordinator?.latestSnapshot(roomKey))
    return known && watched ? this.#framed(known, watched) : known
  }

  /**
   * The overview's latest snapshot while a wall keeps it computed here: fresh (within two
   * ticks), not stale, computed by this instance. Undefined otherwise (nobody watches it, the
   * store is failing, another instance computes it): the caller then reads the figures itself.
   */
  computedOverview(): ComputedOverview | undefined {
    const watched = this.#watched.get(OVERVIEW_KEY)
    if (!watched?.last || watched.lastNowMs === undefined || watched.failing || !this.#fresh(watched.last)) {
      return undefined
    }
    return { snapshot: watched.last, nowMs: watched.lastNowMs }
  }

  /** No viewer here watches it any more: from the next tick it costs nothing (unless others watch it). */
  unwatch(roomKey: string): void {
    const watched = this.#watched.get(roomKey)
    if (!watched) return
    if (watched.local) {
      this.options.coordinator
        ?.withdraw([roomKey])
        .catch((error: unknown) => this.options.logger.debug({ err: error }, 'withdrawing a filter failed'))
    }
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

  /**
   * A tick starts even while the previous one is still waiting out its budget (a busy event
   * loop runs its deadline timer late): computations are shared per filter, so the overlap
   * computes nothing twice, and the walls do not lose a tick to the previous one's bookkeeping.
   */
  #tick(): void {
    if (this.#coordinating) {
      this.#stats.skippedTicks += 1
      return
    }
    const running: Promise<void> = this.#runTick(Date.now())
      .catch((error) => this.options.logger.warn({ err: error }, 'tick failed'))
      .finally(() => this.#ticksRunning.delete(running))
    this.#ticksRunning.add(running)
  }

  async #runTick(startedAt: number): Promise<void> {
    const outcome = {
      startedAt,
      tick: Math.floor(startedAt / this.tickMs),
      filters: 0,
      notComputed: 0,
      stillRunning: 0,
    }
    try {
      await this.#computeTick(outcome)
    } finally {
      this.#report.flush(outcome)
    }
  }

  async #computeTick(outcome: TickOutcome & { startedAt: number }): Promise<void> {
    const { store } = this.options
    const tickNumber = outcome.tick
    this.#forgetUnviewed()
    this.#coordinating = true
    try {
      if (!(await this.#coordinate(tickNumber)) || !store) return
    } finally {
      this.#coordinating = false
    }
    this.#stats.ticks += 1
    this.#stats.computedTicks.push(tickNumber)
    this.#lastComputedTickAt = outcome.startedAt
    const deadline = outcome.startedAt + this.tickMs * TICK_BUDGET_SHARE
    // The list as it stands now: filters admitted during the tick wait for the next one.
    const entries = [...this.#watched]
    outcome.filters = entries.length
    const priority = this.#priorityKeys()
    const first: Promise<unknown>[] = []
    const rest: [string, WatchedFilter][] = []
    for (const [roomKey, watched] of entries) {
      if (watched.pending) {
        // Still computing from an earlier tick: it delivers when done; its viewers hear it is late.
        outcome.stillRunning += 1
        this.#skipped(roomKey)
        this.#markLate(roomKey, watched)
      } else if (priority.has(roomKey)) first.push(this.#refresh(roomKey, watched, store))
      else rest.push([roomKey, watched])
    }
    // The walls' own filters have the store to themselves until they are done (or the budget is):
    // no lane job, of this tick or for a new viewer, starts meanwhile.
    const walls = Promise.race([Promise.allSettled(first), until(deadline)])
    this.#wallsFirst = walls
    await walls
    // Least recently refreshed first: filters a busy tick left out come first in the next one.
    rest.sort(([, a], [, b]) => refreshedAt(a) - refreshedAt(b))
    let started = 0
    const queued = rest.map(([roomKey, watched]) =>
      this.#lane.run(async () => {
        if (this.#watched.get(roomKey) !== watched) return
        if (Date.now() >= deadline) return this.#skipped(roomKey)
        started += 1
        // A slow filter holds its place in the lane until the deadline at most; it finishes, and delivers, in the background.
        await Promise.race([this.#refresh(roomKey, watched, store), until(deadline)])
      }),
    )
    await Promise.race([Promise.allSettled(queued), until(deadline)])
    outcome.notComputed = rest.length - started
  }

  /**
   * Tells the cluster what this instance's viewers watch; true when this instance computes the
   * tick (it holds the lease and claimed the tick number, or it runs alone). A relay never does.
   */
  async #coordinate(tickNumber: number): Promise<boolean> {
    const { coordinator, store } = this.options
    if (!coordinator) return store !== undefined
    await coordinator.announce(this.#localFilters())
    if (!store) return false
    this.#leading = await coordinator.holdLease()
    if (!this.#leading || !(await coordinator.claimTick(tickNumber))) return false
    await this.#adoptClusterFilters(coordinator)
    return true
  }

  #skipped(roomKey: string): void {
    this.#stats.skips.set(roomKey, (this.#stats.skips.get(roomKey) ?? 0) + 1)
  }

  #priorityKeys(): Set<string> {
    return new Set([OVERVIEW_KEY, ...(this.options.priority?.() ?? []).map(filterKey)])
  }

  /** Computes one filter and delivers it to its room; a failure keeps the last good numbers, marked stale. */
  async #refresh(roomKey: string, watched: WatchedFilter, store: Store): Promise<void> {
    try {
      await this.#compute(roomKey, watched, store)
    } catch {
      if (watched.last && this.#watched.get(roomKey) === watched) {
        this.options.sink(roomKey, this.#framed(watched.last, watched))
      }
    }
  }

  /** One computation for a new viewer's filter: the overview at once, any other in its turn in the lane. */
  #firstComputation(roomKey: string, watched: WatchedFilter, store: Store): Promise<Snapshot> {
    if (watched.pending) return watched.pending
    if (this.#priorityKeys().has(roomKey)) return this.#compute(roomKey, watched, store)
    watched.queued ??= this.#lane
      .run(async () => {
        await this.#wallsFirst
        if (this.#watched.get(roomKey) !== watched) throw new SubscriptionDroppedError()
        if (watched.last && this.#fresh(watched.last)) return watched.last
        return this.#compute(roomKey, watched, store)
      })
      .finally(() => {
        watched.queued = undefined
      })
    return watched.queued
  }

  #fresh(snapshot: Snapshot): boolean {
    return Date.now() - Date.parse(snapshot.computedAt) < this.tickMs * 2
  }

  /** A filter still computing after two ticks: its viewers get the last numbers again, marked stale with their age. */
  #markLate(roomKey: string, watched: WatchedFilter): void {
    if (!watched.last || this.#fresh(watched.last)) return
    watched.failing = true
    this.options.sink(roomKey, this.#framed(watched.last, watched))
  }

  /** Local filters whose room no connected socket is in any more (the room-deletion event is the usual path). */
  #forgetUnviewed(): void {
    const { hasViewers } = this.options
    if (!hasViewers) return
    for (const [roomKey, watched] of [...this.#watched]) {
      if (watched.local && !hasViewers(roomKey)) this.unwatch(roomKey)
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

  /** Computes a filter once however many callers ask meanwhile, and delivers the result to its room. */
  #compute(roomKey: string, watched: WatchedFilter, store: Store): Promise<Snapshot> {
    const startedAt = performance.now()
    const nowMs = campaignNow(this.options.campaign)
    watched.pending ??= computeSnapshot(store, this.options.campaign, watched.filter, watched.memory, nowMs)
      .then(
        (snapshot) => {
          this.options.onComputed?.((performance.now() - startedAt) / 1000)
          watched.last = snapshot
          watched.lastNowMs = nowMs
          if (watched.failing) this.#report.recovered()
          watched.failing = false
          this.#deliver(roomKey, watched, snapshot)
          return snapshot
        },
        (error: unknown) => {
          if (!watched.failing) this.#report.failed(roomKey, error)
          watched.failing = true
          throw error
        },
      )
      .finally(() => {
        watched.pending = undefined
        this.#stats.computations.set(roomKey, (this.#stats.computations.get(roomKey) ?? 0) + 1)
      })
    return watched.pending
  }

  #deliver(roomKey: string, watched: WatchedFilter, snapshot: Snapshot): void {
    if (this.#watched.get(roomKey) !== watched) return
    this.options.sink(roomKey, this.#framed(snapshot, watched))
    this.options.coordinator
      ?.publishSnapshot(roomKey, snapshot)
      .catch((error: unknown) => this.options.logger.debug({ err: error }, 'publishing a snapshot failed'))
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

/** When a filter's numbers were last computed (epoch ms); never computed sorts first. */
const refreshedAt = (watched: WatchedFilter) => (watched.last ? Date.parse(watched.last.computedAt) : 0)

/** Resolves at the given time (an unref'd timer: a deadline never keeps the process alive). */
function until(epochMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())).unref())
}
