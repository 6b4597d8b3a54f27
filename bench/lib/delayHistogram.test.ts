import { expect, test } from 'vitest'
import { DelayHistogram } from './delayHistogram.ts'
import { percentile } from './stats.ts'

test('percentiles over counted delays equal the nearest-rank percentiles of the list, also after a merge', () => {
  const delays = Array.from({ length: 997 }, (_, i) => (i * 37) % 401)
  const first = new DelayHistogram()
  const second = new DelayHistogram()
  for (const [i, ms] of delays.entries()) (i % 3 === 0 ? first : second).add(ms)
  const merged = new DelayHistogram()
  merged.addPairs(first.toPairs())
  merged.addPairs(second.toPairs())
  expect(merged.count).toBe(delays.length)
  for (const p of [1, 50, 90, 99, 100]) expect(merged.percentile(p)).toBe(percentile(delays, p))
})

test('an empty histogram has no percentile, and a delay past a minute counts as a minute', () => {
  const histogram = new DelayHistogram()
  expect(histogram.percentile(50)).toBeNaN()
  histogram.add(90_000)
  expect(histogram.percentile(99)).toBe(DelayHistogram.MAX_MS)
})
