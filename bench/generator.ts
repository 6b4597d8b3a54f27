import { measureGeneratorThroughput } from '@gmv-pulse/seed'
import { round } from './lib/stats.ts'
import type { BenchFigure } from './report.ts'

/** The simulator must never be what limits an ingest benchmark: 2× the 583,000 orders/s peak from one core. */
export async function benchGenerator({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const result = await measureGeneratorThroughput({ seconds: quick ? 3 : 10 })
  return [
    {
      name: 'generator: orders/s generated and written as NDJSON, one core (Nov 11 surge, scale 1)',
      value: round(result.ordersPerSecond),
      unit: 'orders/s',
      goal: '≥ 1,166,000 (2 × the 583,000 peak)',
    },
  ]
}
