import { describe, expect, test } from 'vitest'
import { CARD_SIZES, type CardFormat } from './cardLayout.ts'
import { exportFileName, type HeadlineExport } from './fileNames.ts'

const cutoff = '2020-11-11T16:00:00.000Z'

describe('export file names', () => {
  test('every format, size and type has its own name: the slide’s and the square’s PDFs never collide', () => {
    const exports: HeadlineExport[] = [
      ...(Object.keys(CARD_SIZES) as CardFormat[]).flatMap((format) =>
        (['png', 'pdf'] as const).map((type) => ({ kind: 'card' as const, format, type })),
      ),
      { kind: 'csv' },
      { kind: 'chart' },
    ]
    const names = exports.map((what) => exportFileName(cutoff, what))
    expect(new Set(names).size).toBe(names.length)
    expect(names).toContain('headline-2020-11-11T16-00-00-000Z-slide-1920x1080.pdf')
    expect(names).toContain('headline-2020-11-11T16-00-00-000Z-square-1080x1080.pdf')
    expect(names).toContain('headline-2020-11-11T16-00-00-000Z-square-1080x1080.png')
  })

  test('carry the cutoff they show, safe on every file system', () => {
    const name = exportFileName(cutoff, { kind: 'csv' })
    expect(name).toBe('headline-2020-11-11T16-00-00-000Z.csv')
    expect(name).not.toMatch(/[:/\\]/)
    expect(exportFileName(undefined, { kind: 'chart' })).toBe('headline-top-brands.png')
  })
})
