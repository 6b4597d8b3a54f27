import { expect, test } from 'vitest'
import { ComputeLane } from './ComputeLane.ts'

test('at most `concurrency` jobs run at once, the others start in the order they came, and a failure frees its place', async () => {
  const lane = new ComputeLane(2)
  let running = 0
  let most = 0
  const started: number[] = []
  const job =
    (id: number, fail = false) =>
    async () => {
      started.push(id)
      running += 1
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running -= 1
      if (fail) throw new Error(`job ${id}`)
      return id
    }
  const results = await Promise.allSettled([1, 2, 3, 4, 5].map((id) => lane.run(job(id, id === 2))))
  expect(most).toBe(2)
  expect(started).toEqual([1, 2, 3, 4, 5])
  expect(results.map((result) => result.status)).toEqual([
    'fulfilled',
    'rejected',
    'fulfilled',
    'fulfilled',
    'fulfilled',
  ])
  expect(lane.waiting).toBe(0)
})
