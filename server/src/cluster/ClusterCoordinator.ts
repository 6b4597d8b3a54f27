import { type Filter, filterKey, type Snapshot } from '@gmv-pulse/shared'
import type { Logger } from '../logger.ts'
import type { RedisConnection } from './redisConnection.ts'

/**
 * What several GMV Pulse instances agree on through Redis, and nothing more:
 * - which filters are watched anywhere (each instance announces its rooms every tick, and
 *   withdraws one the moment its last viewer there leaves);
 * - which core computes: one holds the lease, renewed every tick, and each tick number is
 *   claimed once, so no tick is computed twice even while the lease changes hands;
 * - the latest snapshot of each filter, so a relay answers a new viewer at once.
 * Snapshots themselves travel to the viewers through the Socket.IO Redis adapter.
 */
export class ClusterCoordinator {
  /** A lease this long survives a slow tick or two; a dead core's expires soon enough to fail over within 3 s. */
  static readonly LEASE_MS = 2_000
  /** A filter no instance has announced for this long is no longer computed. */
  static readonly WATCH_TTL_MS = 10_000
  /** Latest snapshots outlive a core restart, for relays answering new viewers meanwhile. */
  static readonly SNAPSHOT_TTL_MS = 120_000

  constructor(
    private readonly redis: RedisConnection,
    private readonly instanceId: string,
    private readonly logger: Logger,
    private readonly prefix = 'gmv-pulse',
  ) {}

  /** True if this instance holds (or has just taken) the computing lease. */
  async holdLease(): Promise<boolean> {
    const key = `${this.prefix}:lease`
    try {
      // Renew only our own lease; take it only when free. One round trip, atomic in Redis.
      const result = await this.redis.eval(
        `local holder = redis.call('GET', KEYS[1])
         if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
         if holder == false then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
         return 0`,
        { keys: [key], arguments: [this.instanceId, String(ClusterCoordinator.LEASE_MS)] },
      )
      return result === 1
    } catch (error) {
      this.logger.debug({ err: error }, 'lease check failed')
      return false
    }
  }

  /** Gives the lease up (a graceful stop), so another core takes over at once. */
  async releaseLease(): Promise<void> {
    try {
      await this.redis.eval(
        `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
        { keys: [`${this.prefix}:lease`], arguments: [this.instanceId] },
      )
    } catch {
      // Redis gone: the lease expires by itself within LEASE_MS.
    }
  }

  /** Claims a tick number; false if another core already computed it. */
  async claimTick(tick: number): Promise<boolean> {
    const claimed = await this.redis.set(`${this.prefix}:tick:${tick}`, this.instanceId, { NX: true, PX: 60_000 })
    return claimed === 'OK'
  }

  /**
   * Announces filters watched by viewers on this instance. Each instance's announcement is its
   * own entry (instance, filter), so one instance withdrawing a filter leaves the others' alone.
   */
  async announce(filters: readonly Filter[]): Promise<void> {
    if (filters.length === 0) return
    const now = Date.now()
    await this.redis
      .multi()
      .hSet(
        `${this.prefix}:filters`,
        Object.fromEntries(filters.map((filter) => [filterKey(filter), JSON.stringify(filter)])),
      )
      .zAdd(
        this.#seenKey,
        filters.map((filter) => ({ score: now, value: this.#member(filterKey(filter)) })),
      )
      .exec()
  }

  /**
   * This instance's last viewer of these filters left: the computing core stops on its next
   * tick, rather than when the announcement would have expired.
   */
  async withdraw(roomKeys: readonly string[]): Promise<void> {
    if (roomKeys.length === 0) return
    await this.redis.zRem(
      this.#seenKey,
      roomKeys.map((roomKey) => this.#member(roomKey)),
    )
  }

  /** Filters some instance announced recently and has not withdrawn; forgets the rest. */
  async watchedFilters(): Promise<Filter[]> {
    const cutoff = Date.now() - ClusterCoordinator.WATCH_TTL_MS
    await this.redis.zRemRangeByScore(this.#seenKey, 0, cutoff)
    const announced = new Set(
      (await this.redis.zRange(this.#seenKey, 0, -1)).map((member) => (JSON.parse(member) as [string, string])[1]),
    )
    const filtersKey = `${this.prefix}:filters`
    const known = await this.redis.hGetAll(filtersKey)
    const gone = Object.keys(known).filter((roomKey) => !announced.has(roomKey))
    if (gone.length > 0) await this.redis.hDel(filtersKey, gone)
    return [...announced].flatMap((roomKey) => {
      const filter = known[roomKey]
      return filter === undefined ? [] : [JSON.parse(filter) as Filter]
    })
  }

  get #seenKey(): string {
    return `${this.prefix}:filters:seen`
  }

  /** One instance's announcement of one filter: both in one member, JSON so neither can forge the other. */
  #member(roomKey: string): string {
    return JSON.stringify([this.instanceId, roomKey])
  }

  async publishSnapshot(roomKey: string, snapshot: Snapshot): Promise<void> {
    await this.redis.set(`${this.prefix}:snapshot:${roomKey}`, JSON.stringify(snapshot), {
      PX: ClusterCoordinator.SNAPSHOT_TTL_MS,
    })
  }

  async latestSnapshot(roomKey: string): Promise<Snapshot | undefined> {
    const value = await this.redis.get(`${this.prefix}:snapshot:${roomKey}`)
    return value ? (JSON.parse(value) as Snapshot) : undefined
  }
}
