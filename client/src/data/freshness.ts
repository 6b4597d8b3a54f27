/** What the global badge says about how fresh the wall is. */
export type Freshness =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'lag'; seconds: number }
  | { kind: 'reconnecting'; sinceSeconds: number }
  | { kind: 'stale'; seconds: number }

export interface FreshnessInput {
  connected: boolean
  /** Client clock when the last snapshot arrived; null before the first. */
  lastReceivedAt: number | null
  now: number
  tickMs: number
  /** From the last snapshot: the server could not read the store. */
  serverStale: boolean
  /** From the last snapshot: seconds between computing and sending. */
  ageSeconds: number
  /** The socket's last measured round trip (heartbeat), null before the first: taken as 0. */
  roundTripMs: number | null
}

/**
 * How late the newest numbers on the wall are, in ms: their age when sent plus the time since
 * they arrived, beyond the one tick a snapshot is expected to take. 0 while they come on time.
 */
export function lateMs(input: Pick<FreshnessInput, 'lastReceivedAt' | 'now' | 'tickMs' | 'ageSeconds'>): number {
  if (input.lastReceivedAt === null) return 0
  const silentMs = Math.max(0, input.now - input.lastReceivedAt)
  return Math.max(0, input.ageSeconds * 1000 + silentMs - input.tickMs)
}

/**
 * The badge, with hysteresis so a single slow tick does not cry wolf: LIVE while the numbers
 * are late by no more than half a tick plus the measured round trip (jitter in the network
 * and the server's tick); LAG, with the seconds, while they are late by up to two ticks plus
 * the round trip; STALE beyond that, or when the server says it serves its last good numbers.
 * Two ticks: one missed snapshot is a hiccup, a second in a row is a pattern; the round trip
 * is added because a wall on a slow link is late by it on every tick.
 */
export function freshness(input: FreshnessInput): Freshness {
  if (input.lastReceivedAt === null)
    return input.connected ? { kind: 'connecting' } : { kind: 'reconnecting', sinceSeconds: 0 }
  const silentSeconds = Math.max(0, input.now - input.lastReceivedAt) / 1000
  if (!input.connected) return { kind: 'reconnecting', sinceSeconds: silentSeconds }
  if (input.serverStale) return { kind: 'stale', seconds: silentSeconds + input.ageSeconds }
  const late = lateMs(input)
  const roundTrip = input.roundTripMs ?? 0
  if (late > 2 * input.tickMs + roundTrip) return { kind: 'stale', seconds: (late + input.tickMs) / 1000 }
  if (late > input.tickMs / 2 + roundTrip) return { kind: 'lag', seconds: Math.max(1, Math.round(late / 1000)) }
  return { kind: 'live' }
}
