import { calibrate } from '../src/calibrate.ts'
const t = performance.now()
const rows = calibrate({ seed: 1, scale: Number(process.argv[2] ?? 1e-3) })
console.log((performance.now() - t) / 1000)
console.table(rows.map(r => ({ f: r.figure, target: r.target, gen: r.generated, err: r.relativeError === null ? '' : (r.relativeError * 100).toFixed(2) + '%' })))
