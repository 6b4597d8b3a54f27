import { expect, test } from 'vitest'
import { buildAliasTable, sampleAlias } from './alias.ts'
import { createRandom } from './random.ts'

test('alias sampling picks indices in proportion to their weights', () => {
  const weights = [1, 0, 3, 6]
  const table = buildAliasTable(weights)
  const random = createRandom(3)
  const counts = [0, 0, 0, 0]
  const draws = 200_000
  for (let i = 0; i < draws; i++) (counts[sampleAlias(table, random.nextUint32())] as number)++
  expect(counts[1]).toBe(0)
  for (const [i, w] of weights.entries()) expect((counts[i] as number) / draws).toBeCloseTo(w / 10, 2)
})

test('an alias table refuses weights that are all zero', () => {
  expect(() => buildAliasTable([0, 0])).toThrow(RangeError)
})
