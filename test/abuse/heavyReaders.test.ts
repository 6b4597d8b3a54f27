/**
 * Attack: eight analysts at once, each reading heavy questions in a loop (top brands by growth
 * under a filter, minute time series, headline figures, brand search, a brand-and-region
 * summary read from raw orders, the campaign curve). Before the fix the reads shared the live
 * ticks' store sessions and the walls were 3-6.7 s stale.
 *
 * This measures the server as it is: the wall's freshness here depends on the store giving
 * live ticks a session of their own and analyst reads a bounded pool, which is built apart
 * from the live tier's budgets.
 */
import { expect, test } from 'vitest'
import { onlyTheWallWatched, ordersNow, shutsDownInTime, wallUnderAttack } from './lib/wallUnderAttack.ts'

const BRANDS = 2000

const QUESTIONS = [
  '/api/v1/top?dimension=brand&sort=growth&limit=50&category=Beauty',
  '/api/v1/top?dimension=region&channel=livestream',
  '/api/v1/timeseries?interval=1m&category=Electronics',
  '/api/v1/timeseries?interval=1m&brand=Brand%207',
  '/api/v1/headline',
  '/api/v1/brands?search=Brand%201',
  '/api/v1/summary?brand=Brand%2042&region=CN-ZJ',
  '/api/v1/curve?category=Apparel',
]

test('eight concurrent heavy analyst readers: the wall keeps up, and the readers get answers or a clean refusal', async () => {
  const attack = await wallUnderAttack({
    orders: ordersNow(200_000, 3, BRANDS),
    attack: { name: 'readers', questions: QUESTIONS },
  })
  const { statuses } = attack.report
  // Answers, or the refusals the API documents for a busy engine; never a 500.
  for (const status of Object.keys(statuses)) expect(['200', '422', '429', '503']).toContain(status)
  expect(statuses[200] ?? 0).toBeGreaterThan(0)
  await onlyTheWallWatched(attack.server)
  await shutsDownInTime(attack)
})
