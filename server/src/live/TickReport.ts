import type { Logger } from '../logger.ts'
import { filterLabel } from './filterLabel.ts'

/** What one tick did, as counts: written once at the tick's end. */
export interface TickOutcome {
  /** The tick's number (its start / the tick length), as the cluster claims it. */
  tick: number
  /** Filters watched when the tick started. */
  filters: number
  /** Left for a later tick: the tick's budget ran out before their turn. */
  notComputed: number
  /** Still computing from an earlier tick (a slow filter): not waited for again. */
  stillRunning: number
}

/**
 * Gathers what went wrong between two ticks and writes it as at most one warning and one
 * recovery line per tick, however many filters are involved: a store that stalls under 60
 * filters is one line a second, not 60. Filters appear as counts and one short hash.
 */
export class TickReport {
  #failed = 0
  #firstFailure: { roomKey: string; error: unknown } | undefined
  #recovered = 0

  constructor(private readonly logger: Logger) {}

  failed(roomKey: string, error: unknown): void {
    this.#failed += 1
    this.#firstFailure ??= { roomKey, error }
  }

  recovered(): void {
    this.#recovered += 1
  }

  flush(outcome: TickOutcome): void {
    const overran = outcome.notComputed > 0 || outcome.stillRunning > 0
    if (overran || this.#failed > 0) {
      this.logger.warn(
        {
          ...outcome,
          failed: this.#failed,
          ...(this.#firstFailure
            ? { firstFailed: filterLabel(this.#firstFailure.roomKey), err: this.#firstFailure.error }
            : {}),
        },
        this.#failed > 0
          ? 'snapshots failed; their viewers keep the last good numbers, marked stale'
          : 'tick over budget',
      )
    }
    if (this.#recovered > 0) this.logger.info({ recovered: this.#recovered }, 'snapshots recovered')
    this.#failed = 0
    this.#firstFailure = undefined
    this.#recovered = 0
  }
}
