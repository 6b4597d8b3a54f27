import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { jsPDF } from 'jspdf'
import { describe, expect, test } from 'vitest'
import { woffToSfnt } from './woffToSfnt.ts'

const require = createRequire(import.meta.url)
const woff = (weight: number) =>
  new Uint8Array(
    readFileSync(
      require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff`),
    ),
  )

const binary = (bytes: Uint8Array) => {
  let text = ''
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return text
}

describe('WOFF to TrueType', () => {
  test('unwraps the shipped font into a TrueType file whose head table checks out', async () => {
    const sfnt = await woffToSfnt(woff(400))
    const view = new DataView(sfnt.buffer)
    expect(view.getUint32(0)).toBe(0x00010000)
    const count = view.getUint16(4)
    const tags = Array.from({ length: count }, (_, index) =>
      String.fromCharCode(...sfnt.subarray(12 + index * 16, 16 + index * 16)),
    )
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca']))
    const head = 12 + tags.indexOf('head') * 16
    // The head table's magic number, at byte 12 of the table, survives the inflation.
    expect(view.getUint32(view.getUint32(head + 8) + 12)).toBe(0x5f0f3cf5)
  })

  test('refuses what is not WOFF 1.0', async () => {
    await expect(woffToSfnt(new Uint8Array(64))).rejects.toThrow(/not a WOFF/)
  })

  test('gives jsPDF a font that sets Chinese and Latin as text', async () => {
    const pdf = new jsPDF({ unit: 'pt' })
    pdf.addFileToVFS('sc.ttf', binary(await woffToSfnt(woff(700))))
    pdf.addFont('sc.ttf', 'SC', 'bold')
    pdf.setFont('SC', 'bold')
    pdf.setFontSize(20)
    // Widths from the font's own metrics: a CJK character is one em, Latin narrower.
    expect(pdf.getTextWidth('成交')).toBeCloseTo(40, 0)
    expect(pdf.getTextWidth('GMV ¥23.24')).toBeGreaterThan(40)
    pdf.text('成交总额 ¥2,324.16万', 40, 40)
    const out = pdf.output()
    expect(out).toContain('/ToUnicode')
    expect(out.length).toBeLessThan(200_000)
  })
})
