import { describe, expect, test } from 'vitest'
import { freshness } from './freshness.ts'

const base = { connected: true, lastReceivedAt: 10_000, now: 10_500, tickMs: 1000, serverStale: false, ageSeconds: 0.1 }

describe('freshness badge', () => {
  test('is live while snapshots arrive every tick', () => {
    expect(freshness(base)).toEqual({ kind: 'live' })
  })
  test('says connecting before the first snapshot', () => {
    expect(freshness({ ...base, lastReceivedAt: null })).toEqual({ kind: 'connecting' })
  })
  test('shows the lag when the numbers are older than a tick', () => {
    expect(freshness({ ...base, ageSeconds: 4 })).toEqual({ kind: 'lag', seconds: 4 })
  })
  test('turns stale after two ticks without a snapshot, never silently frozen', () => {
    expect(freshness({ ...base, now: 12_100 })).toEqual({ kind: 'stale', seconds: 2.1 })
  })
  test('says reconnecting when the socket is down', () => {
    expect(freshness({ ...base, connected: false, now: 13_000 })).toEqual({ kind: 'reconnecting', sinceSeconds: 3 })
  })
  test('says stale when the server serves its last good numbers', () => {
    expect(freshness({ ...base, serverStale: true }).kind).toBe('stale')
  })
})
