import regularUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url'
import boldUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff?url'
import type { jsPDF } from 'jspdf'
import { woffToSfnt } from './woffToSfnt.ts'

/**
 * The PDF's font: Noto Sans SC (SIL Open Font License), whose "chinese-simplified" cut also
 * holds Latin, digits and ¥, so one family sets both languages' cards as real text. jsPDF
 * embeds only the glyphs a document uses, so a card's PDF stays tens of kilobytes; the
 * ~1.5 MB files per weight load only when someone exports a PDF, once per page visit.
 */
export const PDF_FONT = 'NotoSansSC'

let loading: Promise<{ normal: string; bold: string }> | null = null

async function binaryString(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`the PDF font could not be loaded (${response.status})`)
  const sfnt = await woffToSfnt(new Uint8Array(await response.arrayBuffer()))
  // jsPDF's virtual file system takes a "binary string", one char per byte; built in chunks,
  // as one String.fromCharCode over megabytes of arguments would overflow the stack.
  let text = ''
  for (let at = 0; at < sfnt.length; at += 0x8000) text += String.fromCharCode(...sfnt.subarray(at, at + 0x8000))
  return text
}

/** Adds the font in its two weights to `pdf`, as PDF_FONT 'normal' and 'bold'. */
export async function addPdfFonts(pdf: jsPDF): Promise<void> {
  loading ??= Promise.all([binaryString(regularUrl), binaryString(boldUrl)]).then(([normal, bold]) => ({
    normal,
    bold,
  }))
  const fonts = await loading.catch((error: unknown) => {
    loading = null
    throw error
  })
  for (const style of ['normal', 'bold'] as const) {
    pdf.addFileToVFS(`${PDF_FONT}-${style}.ttf`, fonts[style])
    pdf.addFont(`${PDF_FONT}-${style}.ttf`, PDF_FONT, style)
  }
}
