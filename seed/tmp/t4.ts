import { createCampaignGenerator } from '/work/main/seed/src/generator.ts'
import { orderSchema } from '@gmv-pulse/shared'
let t = performance.now()
const g = createCampaignGenerator({ seed: 1, scale: 1e-3 })
console.log('build ms', performance.now() - t, g.totalOrders)
console.log(g.ndjsonOfSecond(864003).split('\n').slice(0, 3))
const o = g.ordersOfSecond(864003)
console.log(o.length, o[0], orderSchema.safeParse(o[0]).success)
t = performance.now()
let n = 0, bytes = 0
for (const b of g.ndjsonBatches({ fromSecond: 0, toSecond: 86400*2 })) { n += b.orderCount; bytes += Buffer.byteLength(b.ndjson) }
const dt = (performance.now() - t) / 1000
console.log(n, n / dt, 'orders/s', bytes / n, 'B/order')
