import { isSpace, NEWLINE } from './jsonBytes.ts'
import { countingScan, scanChunk } from './jsonElements.ts'
import type { BodyFormat } from './parseOrderBody.ts'

/**
 * Counts the orders of a body as its bytes arrive, so that one holding more than a batch may
 * is refused before the rest of it is sent: 60 MB take about a second to arrive here, and the
 * first 200,001 empty objects under a millisecond. A bound, not a parse: for JSON the values
 * between top-level commas (inside `{ "orders": [...] }`, one level down), for NDJSON the lines
 * that hold anything. A body it lets through is read and checked in full by parseOrderBody.
 */
export class OrderCounter {
  readonly #scan = countingScan()
  /** NDJSON lines finished that held anything. */
  #lines = 0
  #lineHasContent = false

  constructor(
    private readonly format: BodyFormat,
    private readonly maxOrders: number,
  ) {}

  /** Orders seen so far, counting the one being read. */
  get count(): number {
    if (this.format === 'ndjson') return this.#lines + (this.#lineHasContent ? 1 : 0)
    return this.#scan.count + (this.#scan.closedAt < 0 ? 1 : 0)
  }

  /** Feeds the next chunk of the body; true once it holds more orders than allowed. */
  feed(chunk: Buffer): boolean {
    if (this.format === 'ndjson') this.#feedLines(chunk)
    else if (this.#scan.closedAt < 0) {
      const base = this.#scan.at
      scanChunk(chunk, base, this.#scan, base + chunk.length, null, this.maxOrders)
      // Bytes after the closing bracket make the body invalid; parseOrderBody says so.
      if (this.#scan.closedAt >= 0) this.#scan.at = base + chunk.length
    }
    return this.count > this.maxOrders
  }

  /** Line ends found by indexOf (memchr), so a 10 MB body costs a call per line, not a step per byte. */
  #feedLines(chunk: Buffer): void {
    let lines = this.#lines
    let hasContent = this.#lineHasContent
    let at = 0
    while (at < chunk.length) {
      if (!hasContent) {
        // Blank lines and spaces before a line's first character count for nothing.
        while (at < chunk.length && isSpace(chunk[at])) at += 1
        if (at === chunk.length) break
        hasContent = true
      }
      const end = chunk.indexOf(NEWLINE, at)
      if (end === -1) break
      lines += 1
      hasContent = false
      at = end + 1
    }
    this.#lines = lines
    this.#lineHasContent = hasContent
  }
}
