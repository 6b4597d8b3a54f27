import { createCampaignGenerator } from '../src/generator.ts'
const g = createCampaignGenerator({ seed: 1, scale: 1e-3 })
const whole: string[] = []
for (let s = 864000; s < 864100; s++) whole.push(g.ndjsonOfSecond(s))
const a = whole.join('')
for (const size of [7, 100, 583, 1000, 100000]) {
  const parts: string[] = []
  for (const b of g.ndjsonBatches({ fromSecond: 864000, toSecond: 864100, maxOrders: size })) parts.push(Buffer.from(b.ndjson).toString())
  const objs = [...g.orderBatches({ fromSecond: 864000, toSecond: 864100, maxOrders: size })].flatMap(b => b.orders)
  console.log(size, parts.join('') === a, JSON.stringify(objs.map(o => JSON.stringify(o)).length), a.split('\n').length - 1)
}
let t = performance.now(), n = 0
for (const b of g.ndjsonBatches({})) n += b.orderCount
console.log(n, n / ((performance.now() - t) / 1000))
