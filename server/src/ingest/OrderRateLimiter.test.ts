import { expect, test } from 'vitest'
import { OrderRateLimiter } from './OrderRateLimiter.ts'

test('a batch larger than the per-second rate passes when the bucket is full, then the token waits its debt off', () => {
  let now = 0
  const limiter = new OrderRateLimiter(50_000, () => now)
  expect(limiter.take('t', 100_000)).toBe(0)
  expect(limiter.take('t', 1)).toBe(1)
  now = 1000
  expect(limiter.take('t', 1)).toBe(1)
  now = 2001
  expect(limiter.take('t', 1)).toBe(0)
})

test('tokens are limited independently', () => {
  const limiter = new OrderRateLimiter(10, () => 0)
  expect(limiter.take('a', 10)).toBe(0)
  expect(limiter.take('a', 1)).toBeGreaterThan(0)
  expect(limiter.take('b', 10)).toBe(0)
})

test('asking how long a token must wait charges nothing', () => {
  let now = 0
  const limiter = new OrderRateLimiter(10, () => now)
  expect(limiter.wait('t')).toBe(0)
  expect(limiter.wait('t')).toBe(0)
  expect(limiter.take('t', 30)).toBe(0)
  expect(limiter.wait('t')).toBe(2)
  now = 2001
  expect(limiter.wait('t')).toBe(0)
})
