import { startRedisServer } from '../test/lib/redisServer.ts'
import { PRODUCER } from './ingest.ts'
import { runChildJson } from './lib/childJson.ts'
import { type HeldViewers, holdViewers } from './lib/holdViewers.ts'
import { type ServerProcess, startServerProcess } from './lib/serverProcess.ts'
import { round } from './lib/stats.ts'
import type { BenchFigure } from './report.ts'

/** The same viewers and the same order stream, held by the given servers; delivery measured from emit. */
async function fanOut(ingestAt: ServerProcess, viewerUrls: string[], viewers: number, seconds: number) {
  const producer = runChildJson(PRODUCER, {
    url: ingestAt.url,
    token: ingestAt.token,
    format: 'ndjson',
    batchSize: 1000,
    batches: seconds * 10, // 1,000-order batches at 10,000 orders/s: as long as the viewers watch
    concurrency: 2,
    seed: 79,
    ratePerSecond: 10_000,
  })
  const result = await holdViewers({ urls: viewerUrls, viewers, seconds })
  await producer.catch(() => {})
  return result
}

/**
 * Viewers held by one all-in-one process, then by one core plus two relays joined through
 * Redis (every process on this machine, viewers in another process), in the same run.
 */
export async function benchCluster({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const viewers = quick ? 3_000 : 12_000
  const seconds = quick ? 15 : 30
  const figures: BenchFigure[] = []

  process.stderr.write(`cluster: ${viewers} viewers on one all-in-one process…\n`)
  // Every viewer connects from this machine's one address: lift the per-address cap above them.
  const perAddress = { LIVE_MAX_SOCKETS_PER_ADDRESS: String(viewers + 100) }
  const single = await startServerProcess({ TICK_MS: '1000', ...perAddress })
  let alone: HeldViewers
  try {
    alone = await fanOut(single, [single.url], viewers, seconds)
  } finally {
    await single.stop()
  }

  process.stderr.write(`cluster: ${viewers} viewers on two relays around one core…\n`)
  const redis = await startRedisServer()
  const core = await startServerProcess({ TICK_MS: '1000', ROLE: 'core', REDIS_URL: redis.url })
  const relays = [
    await startServerProcess({ ROLE: 'relay', REDIS_URL: redis.url, TICK_MS: '1000', ...perAddress }),
    await startServerProcess({ ROLE: 'relay', REDIS_URL: redis.url, TICK_MS: '1000', ...perAddress }),
  ]
  let spread: HeldViewers
  try {
    spread = await fanOut(
      core,
      relays.map((relay) => relay.url),
      viewers,
      seconds,
    )
  } finally {
    for (const server of [...relays, core]) await server.stop()
    await redis.stop()
  }

  for (const [label, result] of [
    ['one all-in-one process', alone],
    ['one core + two relays (Redis)', spread],
  ] as const) {
    figures.push(
      { name: `fan-out, ${label}: viewers connected (of ${viewers})`, value: result.connected, unit: 'viewers' },
      { name: `fan-out, ${label}: delivery p50`, value: round(result.p50 ?? Number.NaN), unit: 'ms' },
      {
        name: `fan-out, ${label}: delivery p99`,
        value: round(result.p99 ?? Number.NaN),
        unit: 'ms',
        goal: '≤ 250 ms',
        ...(label.startsWith('one core') && alone.p99 && result.p99
          ? { ceiling: round(alone.p99), ratio: round(result.p99 / alone.p99, 2) }
          : {}),
      },
    )
  }
  return figures
}
