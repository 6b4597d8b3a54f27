import type { RankedBrand } from '@gmv-pulse/shared'

/** Ranks a top list and says how many places each brand moved since the previous tick (null: new in the list). */
export function rankChanges(
  top: readonly { brand: string; gmv: string; orders: number }[],
  previous: readonly RankedBrand[] | undefined,
): RankedBrand[] {
  const previousRank = new Map(previous?.map((entry) => [entry.brand, entry.rank]))
  return top.map((entry, index) => {
    const rank = index + 1
    const before = previousRank.get(entry.brand)
    return { ...entry, rank, rankChange: before === undefined ? (previous ? null : 0) : before - rank }
  })
}
