import type { Store } from '../clickhouse/store.ts'

/**
 * What figures keep between questions (a peak found, milestone crossings, last year's sums),
 * per store and per question id, the least recently asked forgotten first past `max`. Written
 * by hand: a WeakMap per store over an insertion-ordered Map is the whole of it.
 */
export function keptPerStore<T>(max: number): (store: Store, id: string, create: () => T) => T {
  const byStore = new WeakMap<Store, Map<string, T>>()
  return (store, id, create) => {
    const kept = byStore.get(store) ?? new Map<string, T>()
    byStore.set(store, kept)
    const value = kept.get(id) ?? create()
    // Most recently asked last: the first in the map is the one to forget.
    kept.delete(id)
    kept.set(id, value)
    while (kept.size > max) kept.delete(kept.keys().next().value as string)
    return value
  }
}
