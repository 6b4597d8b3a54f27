import { THEME } from '../../charts/theme.ts'
import type { MeasureText, TextWeight } from '../../export/fitText.ts'
import { CARD_SIZES, type CardFormat, type CardItem } from './cardLayout.ts'

const font = (weight: TextWeight, size: number) => `${weight} ${size}px ${THEME.fontFamily}`

/** Text widths with the page's fonts, for laying the card out as the canvas will draw it. */
export function canvasMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d')
  if (!context) throw new Error('no 2D canvas context')
  return (text, size, weight) => {
    context.font = font(weight, size)
    return context.measureText(text).width
  }
}

/** Paints a laid-out card on a 2D context of the card's size. */
export function paintCard(context: CanvasRenderingContext2D, items: readonly CardItem[]): void {
  for (const item of items) {
    if (item.kind === 'background') {
      const gradient = context.createRadialGradient(
        item.width / 2,
        item.height * 0.3,
        0,
        item.width / 2,
        item.height * 0.3,
        Math.max(item.width, item.height) * 0.8,
      )
      gradient.addColorStop(0, item.from)
      gradient.addColorStop(1, item.to)
      context.fillStyle = gradient
      context.fillRect(0, 0, item.width, item.height)
    } else if (item.kind === 'rule') {
      context.fillStyle = item.color
      context.fillRect(item.x, item.y, item.width, 2)
    } else if (item.kind === 'bar') {
      context.fillStyle = item.color
      context.fillRect(item.x, item.y, item.width, item.height)
    } else {
      context.font = font(item.weight, item.size)
      context.fillStyle = item.color
      context.textAlign = item.align
      context.textBaseline = 'alphabetic'
      // The layout fitted the size with these fonts; maxWidth only guards a font that loaded since.
      context.fillText(item.text, item.x, item.y, item.maxWidth)
    }
  }
}

/** Draws the card onto `canvas`, sized to the format (the canvas's pixels are the export's pixels). */
export function drawCard(canvas: HTMLCanvasElement, items: readonly CardItem[], format: CardFormat): void {
  const { width, height } = CARD_SIZES[format]
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2D canvas context')
  paintCard(context, items)
}

/** A fresh canvas with the card drawn on it, for exports of a format not on screen. */
export function renderCard(items: readonly CardItem[], format: CardFormat): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  drawCard(canvas, items, format)
  return canvas
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the card could not be encoded'))), 'image/png'),
  )
}
