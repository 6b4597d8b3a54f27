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
}

/**
 * One tick of age is normal; a lag is shown from there, and two ticks without a snapshot
 * mean the wall is not being fed — it says so rather than freezing silently.
 */
export function freshness(input: FreshnessInput): Freshness {
  if (input.lastReceivedAt === null)
    return input.connected ? { kind: 'connecting' } : { kind: 'reconnecting', sinceSeconds: 0 }
  const silentMs = Math.max(0, input.now - input.lastReceivedAt)
  const silentSeconds = silentMs / 1000
  if (!input.connected) return { kind: 'reconnecting', sinceSeconds: silentSeconds }
  if (input.serverStale) return { kind: 'stale', seconds: silentSeconds + input.ageSeconds }
  if (silentMs > 2 * input.tickMs) return { kind: 'stale', seconds: silentSeconds }
  const lag = input.ageSeconds + silentSeconds - input.tickMs / 1000
  if (input.ageSeconds * 1000 > input.tickMs) return { kind: 'lag', seconds: Math.max(1, Math.round(lag)) }
  return { kind: 'live' }
}
