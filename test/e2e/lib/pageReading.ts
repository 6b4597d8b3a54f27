/**
 * What a reader sees on a page, read in the page itself (as source text: see screenHarness.ts):
 * every piece of visible text with its box, and the panel it belongs to.
 */
import type { Page } from 'playwright-core'

/** The boxes text must stay inside: the wall's panels, counters, hero and header; the analyst pages' panels. */
export const PANELS =
  '.panel, .counter, .hero, .screen-head, .headline-card, .panel-a, .kpi, .figure, .analyst-head, .filter-bar'

export interface Spill {
  text: string
  panel: string
  /** How far the text's box reaches past the panel's, in CSS pixels (the largest side). */
  by: number
}

const SPILLS = `((panels) => {
  const spills = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim()
    const host = node.parentElement
    if (!text || !host || host.closest('option, script, style, [hidden]')) continue
    const panel = host.closest(panels)
    if (!panel) continue
    const range = document.createRange()
    range.selectNodeContents(node)
    const box = range.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) continue
    // Text a box clips on purpose (an ellipsis) is measured against that box.
    let clip = panel.getBoundingClientRect()
    for (let el = host; el && el !== panel; el = el.parentElement) {
      const style = getComputedStyle(el)
      if (style.overflowX !== 'visible' && style.textOverflow === 'ellipsis') clip = el.getBoundingClientRect()
    }
    const by = Math.max(clip.left - box.left, box.right - clip.right, clip.top - box.top, box.bottom - clip.bottom)
    if (by > 0.5) spills.push({ text, panel: panel.className, by: Math.round(by * 10) / 10 })
  }
  return spills
})`

/** Every visible text whose box leaves the panel it sits in. */
export function textSpills(page: Page): Promise<Spill[]> {
  return page.evaluate(`${SPILLS}(${JSON.stringify(PANELS)})`) as Promise<Spill[]>
}

const VISIBLE_TEXT = `(() => {
  const texts = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim()
    const host = node.parentElement
    if (!text || !host || host.closest('script, style')) continue
    // Text marked as another language (the presenter's sentence for the other audience) is that language's.
    const declared = host.closest('[lang]')
    if (declared && declared.lang !== document.documentElement.lang) continue
    if (host.closest('option, datalist') || host.getClientRects().length > 0) texts.push(text)
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]'))
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = el.getAttribute(name)
      if (value) texts.push(value)
    }
  texts.push(document.title)
  return texts
})()`

/**
 * The page's text as a reader meets it: visible text, options, and what labels and placeholders
 * say; text inside an element that declares another language (lang=…) is left out.
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(VISIBLE_TEXT) as Promise<string[]>
}
