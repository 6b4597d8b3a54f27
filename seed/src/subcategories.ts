/**
 * Places brands into subcategories, in rank order (largest brand first).
 *
 * The published "357 emerging brands became top sellers of their subcategory" is a
 * statement about who leads where. Each designated emerging leader opens a niche of its
 * own (say "Organic Serums"); because brands arrive largest first, everyone who joins
 * the niche later is smaller, so the leader stays on top. Other emerging brands only join
 * subcategories someone larger has already opened, so they never lead by accident.
 */
import { CATEGORIES } from './catalog.ts'
import type { Random } from './random.ts'

const NICHE_MODIFIERS = (
  'Organic Premium Compact Smart Kids Travel Pro Mini Classic Vintage Eco Wireless Herbal Handmade Designer ' +
  'Portable Nordic Artisan Limited Heritage Sport Urban Pure Gentle Rapid'
).split(' ')

export interface SubcategoryPlanner {
  readonly names: string[]
  /** Returns the subcategory index for the next brand in rank order. */
  place(category: number, emerging: boolean, leader: boolean): number
}

export function createSubcategoryPlanner(random: Random): SubcategoryPlanner {
  const names: string[] = []
  const ordinary: number[][] = CATEGORIES.map((category) =>
    category.subcategories.map((name) => names.push(`${category.name} / ${name}`) - 1),
  )
  const opened = new Uint8Array(1 << 16)
  const openNiches: number[][] = CATEGORIES.map(() => [])
  const nicheCounter = CATEGORIES.map(() => 0)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T

  return {
    names,
    place(category, emerging, leader) {
      const own = ordinary[category] as number[]
      if (leader) {
        const subs = (CATEGORIES[category] as (typeof CATEGORIES)[number]).subcategories
        const n = nicheCounter[category] as number
        nicheCounter[category] = n + 1
        const modifier = NICHE_MODIFIERS[n % NICHE_MODIFIERS.length] as string
        const base = subs[Math.floor(n / NICHE_MODIFIERS.length) % subs.length] as string
        const round = Math.floor(n / (NICHE_MODIFIERS.length * subs.length))
        const index =
          names.push(`${CATEGORIES[category]?.name} / ${modifier} ${base}${round ? ` ${round + 1}` : ''}`) - 1
        opened[index] = 1
        ;(openNiches[category] as number[]).push(index)
        return index
      }
      if (emerging) {
        const openOwn = own.filter((index) => opened[index])
        const index = pick(openOwn.length > 0 ? openOwn : own)
        opened[index] = 1
        return index
      }
      const niches = openNiches[category] as number[]
      // Mostly the broad subcategories; a quarter of brands fill the niches behind their leaders.
      const index = niches.length > 0 && random.next() < 0.25 ? pick(niches) : pick(own)
      opened[index] = 1
      return index
    },
  }
}
