import type { Ack, ClientToServerEvents, ServerToClientEvents, Snapshot } from '@gmv-pulse/shared'
import { io, type Socket } from 'socket.io-client'
import { PRODUCER } from './ingest.ts'
import { runChildJson } from './lib/childJson.ts'
import { holdViewers } from './lib/holdViewers.ts'
import { startServerProcess } from './lib/serverProcess.ts'
import { median, percentile, round } from './lib/stats.ts'
import type { BenchFigure } from './report.ts'

const PROBE_FILTER = { brand: 'Latency Probe' }

/**
 * Event-to-screen latency: while a producer process streams 100,000 orders/s, a probe posts
 * one order of its own brand at a time and times from the ingest acknowledgement to the
 * first snapshot of that brand's room that counts it.
 */
async function measureEventToScreen(seconds: number, tickMs: number) {
  const server = await startServerProcess({ TICK_MS: String(tickMs), INGEST_MAX_IN_FLIGHT: '8' })
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, { transports: ['websocket'] })
  try {
    const first: Ack<Snapshot> = await socket.timeout(30_000).emitWithAck('subscribe', { filter: PROBE_FILTER })
    if (!first.ok) throw new Error(first.error.message)
    let counted = first.data.orders
    const waiters = new Map<number, (at: number) => void>()
    socket.on('snapshot', (snapshot) => {
      const now = Date.now()
      for (; counted < snapshot.orders; counted++) waiters.get(counted + 1)?.(now)
    })
    const batchSize = 10_000
    const producer = runChildJson<{ orders: number; seconds: number }>(PRODUCER, {
      url: server.url,
      token: server.token,
      format: 'ndjson',
      batchSize,
      batches: Math.round((seconds * 100_000) / batchSize),
      concurrency: 4,
      seed: 77,
      ratePerSecond: 100_000,
    })
    const latencies: number[] = []
    let probe = 0
    let producing = true
    producer.finally(() => {
      producing = false
    })
    while (producing) {
      probe += 1
      const seen = new Promise<number>((resolve) => waiters.set(probe, resolve))
      const response = await fetch(`${server.url}/api/v1/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify([
          {
            orderId: `probe-${probe}`,
            ts: Date.now(),
            amount: '1.00',
            ...PROBE_FILTER,
            category: 'Probe',
            channel: 'search',
            region: 'CN-ZJ',
          },
        ]),
      })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`probe refused: ${response.status}`)
      const acknowledged = Date.now()
      latencies.push((await seen) - acknowledged)
      // Spread probes over the tick so they sample every phase of it.
      await new Promise((resolve) => setTimeout(resolve, 137 + Math.random() * tickMs))
    }
    const result = await producer
    return { latencies, ingestRate: result.orders / result.seconds }
  } finally {
    socket.close()
    await server.stop()
  }
}

/** Fan-out: N viewers in another process on one filter; delivery delay from emit to arrival. */
async function measureFanOut(viewers: number, seconds: number) {
  // Every viewer connects from this machine's one address: lift the per-address cap above them.
  const server = await startServerProcess({ TICK_MS: '1000', LIVE_MAX_SOCKETS_PER_ADDRESS: String(viewers + 100) })
  let peakRss = 0
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, server.rssMiB())
  }, 250)
  try {
    const producer = runChildJson(PRODUCER, {
      url: server.url,
      token: server.token,
      format: 'ndjson',
      batchSize: 1000,
      batches: seconds * 10, // 1,000-order batches at 10,000 orders/s: as long as the viewers watch
      concurrency: 2,
      seed: 78,
      ratePerSecond: 10_000,
    })
    const result = await holdViewers({ urls: [server.url], viewers, seconds })
    await producer.catch(() => {})
    return { ...result, peakRssMiB: peakRss }
  } finally {
    clearInterval(sampler)
    await server.stop()
  }
}

export async function benchLive({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = []
  for (const tickMs of quick ? [1000] : [1000, 500]) {
    process.stderr.write(`live: event-to-screen at 100,000 orders/s, tick ${tickMs} ms…\n`)
    const { latencies, ingestRate } = await measureEventToScreen(quick ? 20 : 60, tickMs)
    figures.push(
      {
        name: `live event-to-screen p50 (ack → snapshot counting the order; tick ${tickMs} ms; ${latencies.length} probes)`,
        value: round(median(latencies)),
        unit: 'ms',
      },
      {
        name: `live event-to-screen p99 (tick ${tickMs} ms) while ingesting ${Math.round(ingestRate).toLocaleString('en')} orders/s`,
        value: round(percentile(latencies, 99)),
        unit: 'ms',
        goal: '≤ 1,000 ms at 100,000 orders/s',
      },
    )
  }
  const viewerCounts = quick ? [2_000] : [5_000, 20_000]
  for (const viewers of viewerCounts) {
    process.stderr.write(`live: fan-out to ${viewers} viewers…\n`)
    const fanOut = await measureFanOut(viewers, quick ? 15 : 30)
    figures.push(
      {
        name: `live fan-out: viewers connected and subscribed (of ${viewers}, clients in another process)`,
        value: fanOut.connected,
        unit: 'viewers',
        goal: '20,000 with p99 ≤ 250 ms',
      },
      {
        name: `live fan-out ${viewers}: delivery p50 (emit → arrival)`,
        value: round(fanOut.p50 ?? Number.NaN),
        unit: 'ms',
      },
      {
        name: `live fan-out ${viewers}: delivery p99 (emit → arrival)`,
        value: round(fanOut.p99 ?? Number.NaN),
        unit: 'ms',
        goal: '≤ 250 ms',
      },
      { name: `live fan-out ${viewers}: server peak RSS`, value: round(fanOut.peakRssMiB), unit: 'MiB' },
    )
  }
  return figures
}
