import fc from 'fast-check'
import { expect, test } from 'vitest'
import { OrderCounter } from './OrderCounter.ts'

/** Lines that hold anything but spaces, counted the plain way. */
const linesWithContent = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length

test('counts the NDJSON lines that hold anything, however the body is cut into chunks', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('{"a":1}', ' ', '\t', '\r', '\n', 'x', ''), { maxLength: 40 }),
      fc.array(fc.nat(), { maxLength: 5 }),
      (pieces, cuts) => {
        const body = Buffer.from(pieces.join(''))
        const counter = new OrderCounter('ndjson', 1000)
        let start = 0
        for (const cut of [...cuts.map((c) => c % (body.length + 1))].sort((a, b) => a - b)) {
          counter.feed(body.subarray(start, Math.max(start, cut)))
          start = Math.max(start, cut)
        }
        counter.feed(body.subarray(start))
        expect(counter.count).toBe(linesWithContent(body.toString()))
      },
    ),
    { numRuns: 2000 },
  )
})
