import type { Store } from '../clickhouse/store.ts'

/**
 * What figures keep between questions (a peak found, milestone crossings, last year's sums),
 * per store (its identity, shared by the live and the analysts' lanes) and per question id, the
 * least recently asked forgotten first past `max`. Written by hand: a WeakMap per store over an
 * insertion-ordered Map is the whole of it.
 */
export function keptPerStore<T>(max: number): (store: Store, id: string, create: () => T) => T {
  const byStore = new WeakMap<object, Map<string, T>>()
  return (store, id, create) => {
    const kept = byStore.get(store.identity) ?? new Map<string, T>()
    byStore.set(store.identity, kept)
    const value = kept.get(id) ?? create()
    // Most recently asked last: the first in the map is the one to forget.
    kept.delete(id)
    kept.set(id, value)
    while (kept.size > max) kept.delete(kept.keys().next().value as string)
    return value
  }
}

/**
 * How long a figure trusts what it kept before reading it in full again: late orders older than
 * what it reads since (a backfill, a replica catching up) count within minutes.
 */
export const KNOWN_FOR_MS = 10 * 60_000

/** Whether something kept, read at `readAt` (epoch ms; undefined when nothing is), still serves. */
export function stillKnown(readAt: number | undefined, nowMs: number = Date.now()): readAt is number {
  return readAt !== undefined && nowMs - readAt < KNOWN_FOR_MS
}
