/**
 * Livestream rooms and their GMV. The head of Taobao Live in 2020 was a handful of very
 * large rooms and then a clear drop; the table keeps that shape: "more than 30" rooms
 * above RMB 100 million on a Zipf slope, a gap below the line, and a long tail. The gap
 * is what lets the count survive sampling at small scales: no room sits within a few
 * percent of the threshold, where the order-level noise of a scaled run would decide.
 */
import { CATEGORIES, CHANNELS, LIVESTREAM_CHANNEL } from './catalog.ts'
import { HUNDRED_MILLION_CNY, moreThan, PUBLISHED_2020 } from './publishedFigures.ts'
import { createRandom, deriveSeed } from './random.ts'

const LARGEST_ROOM_CNY = 6e9
/** The smallest head room stands this far above the line, the largest tail room this far below. */
const HEAD_MARGIN = 1.3
const TAIL_MARGIN = 0.7
const TAIL_ROOMS = 4_000

const ROOM_WORDS_A = (
  'Jade Golden Crimson Silver Morning Midnight Lucky Spring Autumn Ocean Bamboo Lotus Maple Star Cloud River ' +
  'Peach Harbor Lantern Silk Coral Amber Pearl Orchid Willow'
).split(' ')
const ROOM_WORDS_B = 'Picks Deals Live Studio Showcase Corner Hour Stage Club Market Lounge Select'.split(' ')

export interface LiveRooms {
  readonly names: readonly string[]
  /** Planned GMV in CNY at scale 1. */
  readonly gmv: Float64Array
}

export function buildLiveRooms(seed: number): LiveRooms {
  const random = createRandom(deriveSeed(seed, 0x11fe))
  const livestreamShare = CHANNELS.find((c) => c.name === LIVESTREAM_CHANNEL)?.share ?? 0
  const total = PUBLISHED_2020.gmvCny * livestreamShare
  const headCount = moreThan(PUBLISHED_2020.liveRoomsAboveHundredMillion)
  const headFloor = HUNDRED_MILLION_CNY * HEAD_MARGIN
  const headSlope = Math.log(LARGEST_ROOM_CNY / headFloor) / Math.log(headCount)
  const gmv = new Float64Array(headCount + TAIL_ROOMS)
  let headTotal = 0
  for (let k = 0; k < headCount; k++) {
    gmv[k] = LARGEST_ROOM_CNY * (k + 1) ** -headSlope
    headTotal += gmv[k] as number
  }
  // Tail: top · (1 + k/κ)^−1.1, κ solved so the tail holds the rest of livestream GMV.
  const tailTop = HUNDRED_MILLION_CNY * TAIL_MARGIN
  const tailSum = (kappa: number) => {
    let sum = 0
    for (let k = 0; k < TAIL_ROOMS; k++) sum += tailTop * (1 + k / kappa) ** -1.1
    return sum
  }
  let low = 1
  let high = 1e6
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(low * high)
    if (tailSum(mid) > total - headTotal) high = mid
    else low = mid
  }
  for (let k = 0; k < TAIL_ROOMS; k++) gmv[headCount + k] = tailTop * (1 + k / low) ** -1.1

  const taken = new Set<string>()
  const names = Array.from(gmv, () => {
    const a = ROOM_WORDS_A[Math.floor(random.next() * ROOM_WORDS_A.length)] as string
    const b = ROOM_WORDS_B[Math.floor(random.next() * ROOM_WORDS_B.length)] as string
    const topic = CATEGORIES[Math.floor(random.next() * CATEGORIES.length)]?.name as string
    const base = `${a} ${topic} ${b}`
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`
    taken.add(name)
    return name
  })
  return { names, gmv }
}
