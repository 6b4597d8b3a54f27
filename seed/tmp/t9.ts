import { calibrate } from '../src/calibrate.ts'
for (const seed of [2, 3, 4, 5, 6]) {
  const rows = calibrate({ seed, scale: Number(process.argv[2] ?? 1e-3) })
  console.log(seed, rows.filter(r => r.relativeError !== null && Math.abs(r.relativeError) > 0.001).map(r => `${r.figure}: ${r.generated} ${(r.relativeError! * 100).toFixed(2)}%`).join(' | '))
}
