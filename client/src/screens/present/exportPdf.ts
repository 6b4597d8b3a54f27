import { CARD_SIZES, type CardFormat } from './cardLayout.ts'

/**
 * A one-page PDF of the headline card: the card's PNG on a page of the card's proportions
 * (1920×1080 CSS pixels = 1440×810 pt). jsPDF (MIT) is imported here on demand, so its
 * ~130 KB gzip load only when someone exports; the page never pays for it otherwise.
 * The text stays in the image: jsPDF's built-in fonts have no CJK glyphs, and an embedded
 * CJK font would weigh megabytes.
 */
export async function cardPdf(pngDataUrl: string, format: CardFormat, title: string): Promise<Blob> {
  const { jsPDF } = await import('jspdf')
  const { width, height } = CARD_SIZES[format]
  // CSS px → pt: 72 / 96.
  const page = [(width * 3) / 4, (height * 3) / 4]
  const pdf = new jsPDF({
    orientation: width > height ? 'landscape' : 'portrait',
    unit: 'pt',
    format: page,
    compress: true,
  })
  pdf.setProperties({ title, creator: 'GMV Pulse' })
  pdf.addImage(pngDataUrl, 'PNG', 0, 0, page[0] as number, page[1] as number, undefined, 'FAST')
  return pdf.output('blob')
}
