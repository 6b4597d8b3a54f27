/**
 * The GMV ticker's motion as pure functions of (state, now), in integer fen so the number
 * it settles on is exactly the server's. The ticker counts linearly towards each new target
 * over one tick, so between snapshots it keeps climbing at the current rate and never
 * stops and starts. It never counts down: a lower target (a late correction) is held for a
 * grace period — during a burst the next snapshot usually overtakes it — and only then is
 * the display set to the corrected value at once, with the correction reported for disclosure.
 */

export interface TickerState {
  from: bigint
  to: bigint
  startedAt: number
  durationMs: number
  /** When a lower target was first seen and held back; null when not holding. */
  heldSince: number | null
}

export interface Retargeted {
  state: TickerState
  /** How much the display went down at once (a disclosed correction), or null. */
  correction: bigint | null
}

export function initialTicker(value: bigint, now: number): TickerState {
  return { from: value, to: value, startedAt: now, durationMs: 0, heldSince: null }
}

/** The value to show at `now`: between `from` and `to`, never below `from`. */
export function tickerValue(state: TickerState, now: number): bigint {
  if (state.durationMs <= 0 || now >= state.startedAt + state.durationMs) return state.to
  if (now <= state.startedAt) return state.from
  // Progress in parts per million keeps the arithmetic in BigInt, exact and monotonic.
  const progress = BigInt(Math.floor(((now - state.startedAt) / state.durationMs) * 1_000_000))
  return state.from + ((state.to - state.from) * progress) / 1_000_000n
}

export interface RetargetOptions {
  /** How long the count-up to a new target takes: one tick keeps the motion continuous. */
  durationMs: number
  /** How long a lower target is held back before the display is corrected (about two ticks). */
  correctionGraceMs: number
}

export function retarget(state: TickerState, target: bigint, now: number, options: RetargetOptions): Retargeted {
  const shown = tickerValue(state, now)
  if (target >= shown) {
    return {
      state: { from: shown, to: target, startedAt: now, durationMs: options.durationMs, heldSince: null },
      correction: null,
    }
  }
  const heldSince = state.heldSince ?? now
  if (now - heldSince < options.correctionGraceMs) {
    return { state: { from: shown, to: shown, startedAt: now, durationMs: 0, heldSince }, correction: null }
  }
  return { state: initialTicker(target, now), correction: shown - target }
}
