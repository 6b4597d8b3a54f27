import { fitFontSize, type MeasureText, type TextWeight } from '../../export/fitText.ts'
import { addPdfFonts, PDF_FONT } from '../../export/pdfFonts.ts'
import { CARD_SIZES, type CardFormat, type CardItem } from './cardLayout.ts'

/** CSS px → PDF pt: a 1920×1080 card is a 1440×810 pt page. */
const PT = 72 / 96

/** Between the canvas's radial gradient's two colours (CARD_COLORS.from and .to). */
const CARD_BACKGROUND = '#0b1120'

const style = (weight: TextWeight) => (weight >= 600 ? 'bold' : 'normal')

/**
 * The card as a one-page PDF, drawn from the same layout as the canvas: text as real text in
 * an embedded Noto Sans SC (selectable, searchable, extractable in both languages), rules
 * and the brands' bars as vector rectangles. jsPDF (MIT) loads on demand, so the page pays
 * for it only when someone exports.
 */
export async function cardPdf(items: readonly CardItem[], format: CardFormat, title: string): Promise<Blob> {
  const { jsPDF } = await import('jspdf')
  const { width, height } = CARD_SIZES[format]
  const page: [number, number] = [width * PT, height * PT]
  const pdf = new jsPDF({
    orientation: width > height ? 'landscape' : 'portrait',
    unit: 'pt',
    format: page,
    compress: true,
  })
  pdf.setProperties({ title, creator: 'GMV Pulse' })
  await addPdfFonts(pdf)
  const measure: MeasureText = (text, size, weight) => {
    pdf.setFont(PDF_FONT, style(weight))
    pdf.setFontSize(size * PT)
    return pdf.getTextWidth(text) / PT
  }
  for (const item of items) {
    if (item.kind === 'background') {
      // One colour between the canvas's radial gradient's two: a PDF gradient would add
      // a shading pattern for a few percent of brightness nobody reads.
      pdf.setFillColor(CARD_BACKGROUND)
      pdf.rect(0, 0, page[0], page[1], 'F')
    } else if (item.kind === 'rule' || item.kind === 'bar') {
      pdf.setFillColor(item.color)
      pdf.rect(item.x * PT, item.y * PT, item.width * PT, (item.kind === 'bar' ? item.height : 2) * PT, 'F')
    } else {
      // Fitted again with the PDF font's own widths: never wider than the room the layout gave.
      const size = fitFontSize(item.text, item.size, item.maxWidth, item.weight, measure)
      pdf.setFont(PDF_FONT, style(item.weight))
      pdf.setFontSize(size * PT)
      pdf.setTextColor(item.color)
      pdf.text(item.text, item.x * PT, item.y * PT, { align: item.align, baseline: 'alphabetic' })
    }
  }
  return pdf.output('blob')
}
