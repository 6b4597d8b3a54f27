import { describe, expect, test } from 'vitest'
import { type FreshnessInput, freshness, lateMs } from './freshness.ts'

const base: FreshnessInput = {
  connected: true,
  lastReceivedAt: 10_000,
  now: 10_500,
  tickMs: 1000,
  serverStale: false,
  ageSeconds: 0.1,
  roundTripMs: 40,
}
const at = (now: number, extra: Partial<FreshnessInput> = {}) => freshness({ ...base, now, ...extra })

describe('freshness badge', () => {
  test('is live while snapshots arrive every tick', () => {
    expect(freshness(base)).toEqual({ kind: 'live' })
  })
  test('says connecting before the first snapshot', () => {
    expect(freshness({ ...base, lastReceivedAt: null })).toEqual({ kind: 'connecting' })
  })
  test('stays live through a tick’s jitter: half a tick plus the round trip late', () => {
    // Age 0.1 s + 1.44 s silent − 1 tick = 0.54 s late, within 0.5 s + 40 ms.
    expect(at(11_440)).toEqual({ kind: 'live' })
    expect(at(11_460).kind).toBe('lag')
  })
  test('a single two-second gap shows LAG, not STALE', () => {
    expect(at(12_100)).toEqual({ kind: 'lag', seconds: 1 })
  })
  test('turns stale only once the numbers are late by more than two ticks plus the round trip', () => {
    // Late = 0.1 + silent − 1: stale beyond 2.04 s late, that is 2.94 s of silence.
    expect(at(12_930).kind).toBe('lag')
    expect(at(12_950)).toEqual({ kind: 'stale', seconds: 3.05 })
    // A slower link moves the line by its round trip.
    expect(at(12_950, { roundTripMs: 300 }).kind).toBe('lag')
    expect(at(12_950, { roundTripMs: null }).kind).toBe('stale')
  })
  test('counts numbers that were old when sent as late', () => {
    expect(at(10_500, { ageSeconds: 2 })).toEqual({ kind: 'lag', seconds: 2 })
    expect(at(10_500, { ageSeconds: 3 }).kind).toBe('stale')
    expect(lateMs({ ...base, ageSeconds: 2 })).toBe(1500)
  })
  test('says reconnecting when the socket is down', () => {
    expect(freshness({ ...base, connected: false, now: 13_000 })).toEqual({ kind: 'reconnecting', sinceSeconds: 3 })
  })
  test('says stale when the server serves its last good numbers', () => {
    expect(freshness({ ...base, serverStale: true }).kind).toBe('stale')
  })
})
