/**
 * Everything the order hot path reads, built once per seed: the brand universe, live
 * rooms, alias tables for every choice, and the JSON fragments of every label, escaped
 * once here so that serialising an order is string concatenation and nothing else.
 */

import { type AliasTable, buildAliasTable } from './alias.ts'
import { type BrandUniverse, buildBrandUniverse } from './brandUniverse.ts'
import type { CampaignYear } from './campaignWindow.ts'
import { CATEGORIES, CHANNELS, LIVESTREAM_CHANNEL, REGION_WEIGHTS } from './catalog.ts'
import { buildLiveRooms, type LiveRooms } from './liveRooms.ts'
import { type PackedBytes, packStrings } from './packedBytes.ts'
import { PUBLISHED_2020 } from './publishedFigures.ts'

export interface CampaignModel {
  readonly seed: number
  readonly universe: BrandUniverse
  readonly rooms: LiveRooms
  readonly brandTables: Readonly<Record<CampaignYear, AliasTable>>
  /** Expected orders of each year at scale 1, in the units of the published 2020 order total. */
  readonly ordersAtFullScale: Readonly<Record<CampaignYear, number>>
  readonly channelTable: AliasTable
  readonly channelNames: readonly string[]
  readonly livestreamChannel: number
  readonly roomTable: AliasTable
  readonly regionTable: AliasTable
  readonly regionCodes: readonly string[]
  readonly categoryNames: readonly string[]
  /** `,"brand":"…","category":"…","brandOrigin":"…"` per brand, UTF-8. */
  readonly brandJson: PackedBytes
  readonly channelJson: PackedBytes
  readonly roomJson: PackedBytes
  /** `,"region":"…"}\n`: the region closes the line. */
  readonly regionJson: PackedBytes
}

const cache = new Map<number, CampaignModel>()

export function getCampaignModel(seed: number): CampaignModel {
  let model = cache.get(seed)
  if (!model) {
    model = buildCampaignModel(seed)
    cache.set(seed, model)
  }
  return model
}

function buildCampaignModel(seed: number): CampaignModel {
  const universe = buildBrandUniverse(seed)
  const rooms = buildLiveRooms(seed)
  const weights2020 = new Float64Array(universe.size)
  const weights2019 = new Float64Array(universe.size)
  let orders2020 = 0
  let orders2019 = 0
  for (let i = 0; i < universe.size; i++) {
    const mean = universe.meanOrder[i] as number
    weights2020[i] = (universe.gmv2020[i] as number) / mean
    weights2019[i] = (universe.gmv2019[i] as number) / mean
    orders2020 += weights2020[i] as number
    orders2019 += weights2019[i] as number
  }
  // The 2020 profile carries exactly the published order total; 2019 keeps its ratio to it.
  const published = PUBLISHED_2020.orders
  const regionCodes = Object.keys(REGION_WEIGHTS)
  const channelNames = CHANNELS.map((c) => c.name)
  const categoryNames = CATEGORIES.map((c) => c.name)
  const json = JSON.stringify
  return {
    seed,
    universe,
    rooms,
    brandTables: { 2020: buildAliasTable(weights2020), 2019: buildAliasTable(weights2019) },
    ordersAtFullScale: { 2020: published, 2019: (published * orders2019) / orders2020 },
    channelTable: buildAliasTable(CHANNELS.map((c) => c.share)),
    channelNames,
    livestreamChannel: channelNames.indexOf(LIVESTREAM_CHANNEL),
    roomTable: buildAliasTable(rooms.gmv),
    regionTable: buildAliasTable(regionCodes.map((code) => REGION_WEIGHTS[code] as number)),
    regionCodes,
    categoryNames,
    brandJson: packStrings(
      universe.names.map(
        (name, i) =>
          `,"brand":${json(name)},"category":${json(categoryNames[universe.category[i] as number])},"brandOrigin":"${
            universe.overseas[i] ? 'overseas' : 'domestic'
          }"`,
      ),
    ),
    channelJson: packStrings(channelNames.map((name) => `,"channel":${json(name)}`)),
    roomJson: packStrings(rooms.names.map((name) => `,"liveRoom":${json(name)}`)),
    regionJson: packStrings(regionCodes.map((code) => `,"region":${json(code)}}\n`)),
  }
}
