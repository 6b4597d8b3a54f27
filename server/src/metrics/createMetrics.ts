import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

export interface Metrics {
  registry: Registry
  ingestedOrders: Counter<'outcome'>
  ingestBatches: Counter<'outcome'>
  ingestRoads: Counter<'road'>
  ingestBatchSeconds: Histogram
  snapshotSeconds: Histogram
  liveEmitSeconds: Histogram
  /** Set by the app: how many sockets this instance holds, read at scrape time. */
  viewers: Gauge
  /** Seconds since this instance last computed a tick (only meaningful on the computing core). */
  tickLagSeconds: Gauge
}

/**
 * Prometheus metrics for one app instance, in a registry of its own (tests start several
 * apps in one process; the global registry would refuse the second). Names follow
 * Prometheus conventions: base units, _total for counters.
 */
export function createMetrics(sources: { viewers: () => number; lastTickAt: () => number | undefined }): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'gmv_pulse_process_' })
  return {
    registry,
    ingestedOrders: new Counter({
      name: 'gmv_pulse_ingested_orders_total',
      help: 'Orders in acknowledged batches (outcome: stored, or duplicate for a retry already stored).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    ingestBatches: new Counter({
      name: 'gmv_pulse_ingest_batches_total',
      help: 'Ingest requests by outcome: stored, duplicate, rejected (4xx), unavailable (503).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    ingestRoads: new Counter({
      name: 'gmv_pulse_ingest_roads_total',
      help:
        'Batches written, by road: landing (parsed and checked by the engine) or converted (checked and ' +
        'converted by the server, for forms the landing does not read: ISO times, numeric amounts, other currencies).',
      labelNames: ['road'],
      registers: [registry],
    }),
    ingestBatchSeconds: new Histogram({
      name: 'gmv_pulse_ingest_batch_seconds',
      help: 'Time from request to acknowledgement of a stored batch.',
      // From a 1k-order batch (~10 ms) to a 100k batch on a busy engine (seconds).
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    snapshotSeconds: new Histogram({
      name: 'gmv_pulse_snapshot_compute_seconds',
      help: 'Time to compute one filter snapshot.',
      // A tick is 1 s by default: anything near it skips ticks.
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    liveEmitSeconds: new Histogram({
      name: 'gmv_pulse_live_emit_seconds',
      help: "Time to hand one filter's snapshot to every socket of its room on this instance (one tick's fan-out).",
      // A few sockets take well under a millisecond; 20,000 on one process approach the 250 ms delivery goal.
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    viewers: new Gauge({
      name: 'gmv_pulse_connected_viewers',
      help: 'Viewer sockets connected to this instance.',
      registers: [registry],
      collect() {
        this.set(sources.viewers())
      },
    }),
    tickLagSeconds: new Gauge({
      name: 'gmv_pulse_tick_lag_seconds',
      help: 'Seconds since this instance last computed a tick (grows on a standby core or while the store stalls).',
      registers: [registry],
      collect() {
        const last = sources.lastTickAt()
        this.set(last === undefined ? 0 : (Date.now() - last) / 1000)
      },
    }),
  }
}
