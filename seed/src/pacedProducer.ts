/**
 * A producer that follows the rate profile at wall-clock pace (live), or N times faster
 * (replay), with event times mapped onto now: an order of campaign time c is stamped
 * wallStart + (c − startAt) / speed, so the server sees a campaign happening right now.
 *
 * Each tick sends the campaign seconds that have fully passed, so no order is stamped in
 * the future. Sends do not block the clock; if the server falls behind by more than
 * `maxInFlight` batches the producer waits, and the backlog is sent when it recovers.
 */
import { randomBytes } from 'node:crypto'
import { CAMPAIGN_SECONDS } from './campaignWindow.ts'
import type { CampaignGenerator } from './generator.ts'
import type { OrderSink } from './orderSink.ts'
import type { TimeMap } from './renderOrders.ts'

export interface PacedProducerOptions {
  generator: CampaignGenerator
  sink: OrderSink
  /** Campaign second to begin from (0 = Nov 1 00:00:00 China time). */
  startSecond: number
  /** Campaign seconds per wall second. */
  speed?: number
  /** Wall-clock time that startSecond maps onto; now by default. */
  wallStartMs?: number
  /**
   * Orders keep the campaign's own event times instead of being stamped onto the wall clock:
   * a replay whose server runs its clock behind the wall's (REPLAY_SHIFT_MS), as the demo does.
   */
  keepEventTime?: boolean
  /** Stop after this much wall time; otherwise at the end of the campaign or on abort. */
  durationMs?: number
  /** 250 ms: the screen gets a batch at least every second at any speed ≥ 1. */
  tickMs?: number
  maxInFlight?: number
  /** Largest batch; a tick at high speed is split into batches of this size. */
  maxOrders?: number
  signal?: AbortSignal
  /** Called every reportEveryMs and at the end. */
  onReport?: (report: ProducerReport) => void
  reportEveryMs?: number
  /** Idempotency keys start with this; a random run id by default (each run is new data). */
  keyPrefix?: string
}

export interface ProducerReport {
  /** Campaign second reached (exclusive). */
  campaignSecond: number
  sentBatches: number
  sentOrders: number
  acknowledgedOrders: number
  failedOrders: number
  inFlight: number
  done: boolean
  lastError: string | null
}

/** Sleeps, waking early on abort; the listener is removed either way so ticks do not pile listeners up. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', wake)
      resolve()
    }
    const timer = setTimeout(wake, ms)
    signal?.addEventListener('abort', wake, { once: true })
  })

export async function runPacedProducer(options: PacedProducerOptions): Promise<ProducerReport> {
  const { generator, sink, signal } = options
  const speed = options.speed ?? 1
  const tickMs = options.tickMs ?? 250
  const maxInFlight = options.maxInFlight ?? 8
  const wallStartMs = options.wallStartMs ?? Date.now()
  const endSecond = CAMPAIGN_SECONDS
  const timeMap: TimeMap | undefined = options.keepEventTime
    ? undefined
    : { fromMs: generator.startMs + options.startSecond * 1000, toMs: wallStartMs, speed }
  const keyPrefix = options.keyPrefix ?? `gp.run.${randomBytes(6).toString('hex')}`
  const inFlight = new Set<Promise<void>>()
  const report: ProducerReport = {
    campaignSecond: options.startSecond,
    sentBatches: 0,
    sentOrders: 0,
    acknowledgedOrders: 0,
    failedOrders: 0,
    inFlight: 0,
    done: false,
    lastError: null,
  }
  let lastReport = Date.now()
  const reportEvery = options.reportEveryMs ?? 5000
  while (!signal?.aborted) {
    const elapsedMs = Date.now() - wallStartMs
    if (options.durationMs !== undefined && elapsedMs >= options.durationMs) break
    const due = Math.min(endSecond, options.startSecond + Math.floor((Math.max(0, elapsedMs) * speed) / 1000))
    if (due > report.campaignSecond) {
      for (const batch of generator.ndjsonBatches({
        fromSecond: report.campaignSecond,
        toSecond: due,
        timeMap,
        keyPrefix,
        maxOrders: options.maxOrders,
      })) {
        while (inFlight.size >= maxInFlight) await Promise.race(inFlight)
        report.sentBatches++
        report.sentOrders += batch.orderCount
        const sending: Promise<void> = sink.send(batch).then(
          () => {
            report.acknowledgedOrders += batch.orderCount
            inFlight.delete(sending)
          },
          (error: unknown) => {
            report.failedOrders += batch.orderCount
            report.lastError = error instanceof Error ? error.message : String(error)
            inFlight.delete(sending)
          },
        )
        inFlight.add(sending)
      }
      report.campaignSecond = due
    }
    if (due >= endSecond) break
    if (Date.now() - lastReport >= reportEvery) {
      lastReport = Date.now()
      options.onReport?.({ ...report, inFlight: inFlight.size })
    }
    await sleep(tickMs, signal)
  }
  await Promise.all(inFlight)
  report.done = true
  report.inFlight = 0
  options.onReport?.({ ...report })
  return report
}
