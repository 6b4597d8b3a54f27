import { expect, test } from 'vitest'
import { subscribeRate } from './subscribeRate.ts'

test('subscribes are counted in order within each second, and the count starts again the next second', () => {
  let now = 10_000
  const counted = subscribeRate(() => now)
  expect([counted(), counted(), counted(), counted()]).toEqual([1, 2, 3, 4])
  now += 999
  expect(counted()).toBe(5)
  now += 1
  expect([counted(), counted()]).toEqual([1, 2])
})
