import { createCampaignGenerator } from '../src/generator.ts'
import { OrderDraws } from '../src/orderDraws.ts'
import { renderNdjson } from '../src/renderOrders.ts'
import { writeNdjson, linePrefix, maxLineBytes } from '../src/ndjsonWriter.ts'
const g = createCampaignGenerator({ seed: 1, scale: 1 })
const d = new OrderDraws()
const out = Buffer.allocUnsafe(600000 * maxLineBytes(g.model, 40))
for (let rep = 0; rep < 4; rep++) {
  const t = performance.now(); let n = 0; let bytes = 0
  for (let s = 864000; s < 864010; s++) { g.drawSecond(s, d); const end = writeNdjson(g.model, d, linePrefix('g1.20.', s), 0, d.count, out, 0); n += d.count; bytes += end }
  const dt = (performance.now() - t) / 1000
  console.log('draw+write', Math.round(n / dt), bytes / n)
}
g.drawSecond(864003, d)
const end = writeNdjson(g.model, d, linePrefix('g1.20.', 864003), 0, d.count, out, 0)
console.log(out.subarray(0, end).toString() === renderNdjson(g.model, d, 'g1.20.', 0, d.count))
const a = out.subarray(0, end).toString(), b = renderNdjson(g.model, d, 'g1.20.', 0, d.count)
let i = 0; while (a[i] === b[i]) i++
console.log(i, JSON.stringify(a.slice(0, i + 40)), JSON.stringify(b.slice(0, i + 40)))
