import { knownKeyLabel, type LabelledDimension, LOCALES } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { CATEGORIES, CHANNELS, REGION_WEIGHTS } from './catalog.ts'

const CJK = /[\u3400-\u9fff]/

const emitted: [LabelledDimension, readonly string[]][] = [
  ['category', CATEGORIES.map((category) => category.name)],
  ['channel', CHANNELS.map((channel) => channel.name)],
  ['region', Object.keys(REGION_WEIGHTS)],
]

describe('every key the simulator emits has a label in both languages', () => {
  for (const [dimension, keys] of emitted) {
    test(`each ${dimension} reads in English without Chinese and in Chinese with it`, () => {
      const missing: string[] = []
      for (const key of keys)
        for (const locale of LOCALES) {
          const label = knownKeyLabel(dimension, key, locale)
          const wrongScript = label !== undefined && (locale === 'zh-CN' ? !CJK.test(label) : CJK.test(label))
          if (label === undefined || wrongScript) missing.push(`${locale} ${key}`)
        }
      expect(missing).toEqual([])
    })
  }
})
