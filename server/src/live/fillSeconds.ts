import { normaliseMoney } from '@gmv-pulse/shared'
import type { SecondCount } from '../figures/getSecondCounts.ts'

/** A dense series of `count` seconds from `fromMs`, with seconds that had no orders as zero. */
export function fillSeconds(sparse: readonly SecondCount[], fromMs: number, count: number): SecondCount[] {
  const bySecond = new Map(sparse.map((point) => [point.second, point]))
  return Array.from({ length: count }, (_, i) => {
    const second = fromMs + i * 1000
    const point = bySecond.get(second)
    return point ? { ...point, gmv: normaliseMoney(point.gmv) } : { second, orders: 0, gmv: '0.00' }
  })
}
