import { createCampaignGenerator } from '../src/generator.ts'
import { OrderDraws } from '../src/orderDraws.ts'
import { renderNdjson } from '../src/renderOrders.ts'
const g = createCampaignGenerator({ seed: 1, scale: 1 })
const d = new OrderDraws()
for (let rep = 0; rep < 3; rep++) {
let t = performance.now(); let n = 0
for (let s = 864000; s < 864010; s++) { g.drawSecond(s, d); n += d.count }
let dt = (performance.now() - t) / 1000
console.log('draw', n / dt)
t = performance.now(); n = 0; let bytes = 0
for (let s = 864000; s < 864010; s++) { g.drawSecond(s, d); const str = renderNdjson(g.model, d, 'g1.20.', 0, d.count); n += d.count; bytes += Buffer.from(str).length }
dt = (performance.now() - t) / 1000
console.log('draw+render+buffer', n / dt, bytes / n)
}
