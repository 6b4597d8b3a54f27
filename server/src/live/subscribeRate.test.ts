import { expect, test } from 'vitest'
import { subscribeRate } from './subscribeRate.ts'

test('a socket gets its budget each second, in order, and the rest of the second is refused', () => {
  let now = 10_000
  const allowed = subscribeRate(3, () => now)
  expect([allowed(), allowed(), allowed(), allowed(), allowed()]).toEqual([true, true, true, false, false])
  now += 999
  expect(allowed()).toBe(false)
  now += 1
  expect([allowed(), allowed(), allowed(), allowed()]).toEqual([true, true, true, false])
})
