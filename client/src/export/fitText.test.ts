import { describe, expect, test } from 'vitest'
import { fitCommonSize, fitFontSize, fitInTwoLines, type MeasureText, SMALLEST_TEXT_PX } from './fitText.ts'

/** A monospaced measure: each character half the size wide, plus a little kerning that is not proportional. */
const measure: MeasureText = (text, size) => text.length * size * 0.5 + (size > 100 ? 3 : 0)

describe('fitting a text to its room', () => {
  test('keeps the size asked for when the text fits', () => {
    expect(fitFontSize('¥23.24 million', 40, 1000, 700, measure)).toBe(40)
  })

  test('sets a text that would overflow at the largest whole size that fits, never wider', () => {
    const size = fitFontSize('¥23.24 million', 170, 1100, 700, measure)
    expect(size).toBeLessThan(170)
    expect(measure('¥23.24 million', size, 700)).toBeLessThanOrEqual(1100)
    expect(measure('¥23.24 million', size + 1, 700)).toBeGreaterThan(1100)
  })

  test('never goes below the smallest readable size', () => {
    expect(fitFontSize('a very long brand name indeed', 30, 10, 400, measure)).toBe(SMALLEST_TEXT_PX)
  })

  test('gives peers one size: the largest at which the longest fits', () => {
    const size = fitCommonSize(['¥30.49 million', '583,000', '342'], 50, 265, 700, measure)
    expect(size).toBe(fitFontSize('¥30.49 million', 50, 265, 700, measure))
    expect(fitCommonSize(['1', '2'], 50, 265, 700, measure)).toBe(50)
  })
})

describe('a label on two lines rather than smaller', () => {
  // 10 px a character at size 20: the whole label is 290 px; 'Live rooms above' 160, 'above ¥100 million' 180.
  const label = 'Live rooms above ¥100 million'

  test('keeps one line when the label fits', () => {
    expect(fitInTwoLines(label, 20, 300, 400, measure)).toEqual([label])
  })

  test('breaks where the longer line is shortest, not as late as possible', () => {
    expect(fitInTwoLines(label, 20, 200, 400, measure)).toEqual(['Live rooms above', '¥100 million'])
    expect(fitInTwoLines('Brands above ¥100 million', 20, 200, 400, measure)).toEqual(['Brands above', '¥100 million'])
  })

  test('gives up when no break fits, or there is no space to break at', () => {
    expect(fitInTwoLines(label, 20, 100, 400, measure)).toBeUndefined()
    expect(fitInTwoLines('Haushaltsgeräte', 20, 100, 400, measure)).toBeUndefined()
  })
})
