/**
 * Subscribes per socket per second (LIVE_SUBSCRIBES_PER_SECOND): a fixed one-second window
 * counted in the socket's own closure, so it goes with the socket and needs no clean-up. The
 * counter returns how many subscribes this second so far, this one included.
 *
 * Hand-written rather than express-rate-limit's MemoryStore (which the read routes use): that
 * store resolves every increment with its one live counter object, so subscribes arriving in
 * one turn (one WebSocket frame) all read the final count and all would be refused together.
 * Counting here is synchronous, so each subscribe is let through or refused in its order.
 */
export function subscribeRate(now: () => number = Date.now): () => number {
  let windowStart = Number.NEGATIVE_INFINITY
  let count = 0
  return () => {
    const at = now()
    if (at - windowStart >= 1000) {
      windowStart = at
      count = 0
    }
    count += 1
    return count
  }
}
