import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { initialTicker, retarget, tickerValue } from './ticker.ts'

const options = { durationMs: 1000, correctionGraceMs: 2000 }

describe('ticker motion', () => {
  test('counts linearly from the shown value to the target over one tick', () => {
    const { state } = retarget(initialTicker(0n, 0), 1000n, 0, options)
    expect(tickerValue(state, 0)).toBe(0n)
    expect(tickerValue(state, 500)).toBe(500n)
    expect(tickerValue(state, 1000)).toBe(1000n)
    expect(tickerValue(state, 5000)).toBe(1000n)
  })

  test('settles exactly on the target, to the fen, whatever its size', () => {
    const target = 49_820_000_000_037n
    const { state } = retarget(initialTicker(0n, 0), target, 0, options)
    expect(tickerValue(state, 1000)).toBe(target)
  })

  test('a new target mid-way continues from what is on screen, without a jump back', () => {
    let { state } = retarget(initialTicker(0n, 0), 1000n, 0, options)
    ;({ state } = retarget(state, 3000n, 500, options))
    expect(tickerValue(state, 500)).toBe(500n)
    expect(tickerValue(state, 1000)).toBe(1750n)
  })

  test('never decreases during a burst of increasing targets, sampled at any frames', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 1, max: 1500 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 40 }),
        (increments, frameGaps) => {
          let now = 0
          let target = 0n
          let state = initialTicker(0n, 0)
          let last = 0n
          const frames = [...frameGaps]
          for (const [increment, gap] of increments) {
            target += increment
            state = retarget(state, target, now, options).state
            const end = now + gap
            while (now < end) {
              now += Math.min(frames.shift() ?? 16, end - now) || 1
              const value = tickerValue(state, now)
              expect(value >= last).toBe(true)
              last = value
            }
          }
        },
      ),
    )
  })

  test('a lower target is held back while the burst overtakes it, with nothing disclosed', () => {
    let { state } = retarget(initialTicker(1000n, 0), 1000n, 0, options)
    const lower = retarget(state, 900n, 1000, options)
    expect(lower.correction).toBeNull()
    expect(tickerValue(lower.state, 1500)).toBe(1000n)
    ;({ state } = retarget(lower.state, 1200n, 2000, options))
    expect(tickerValue(state, 3000)).toBe(1200n)
  })

  test('a correction that persists past the grace period is applied at once and disclosed', () => {
    const start = retarget(initialTicker(1000n, 0), 1000n, 0, options).state
    const held = retarget(start, 900n, 1000, options)
    const stillLow = retarget(held.state, 900n, 2000, options)
    expect(stillLow.correction).toBeNull()
    const applied = retarget(stillLow.state, 900n, 3000, options)
    expect(applied.correction).toBe(100n)
    expect(tickerValue(applied.state, 3000)).toBe(900n)
    expect(tickerValue(applied.state, 3001)).toBe(900n)
  })
})
