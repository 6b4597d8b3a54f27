import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { runDemo } from './demo.ts'

const root = mkdtempSync(join(tmpdir(), 'gmv-pulse-demo-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

test('the demo refuses a DATA_DIR that already holds data, and says why, before it starts anything', async () => {
  const used = join(root, 'used')
  mkdirSync(used)
  writeFileSync(join(used, 'something'), 'x')
  await expect(runDemo({ dataDir: used, port: 1 })).rejects.toThrow(/already holds data.*count it twice/)
})

test('the demo takes its scale from CAMPAIGN_SCALE, and refuses one outside (0, 1] before it starts anything', async () => {
  await expect(runDemo({ env: { CAMPAIGN_SCALE: '2' }, port: 1 })).rejects.toThrow(/scale must be/)
  await expect(runDemo({ env: { CAMPAIGN_SCALE: 'lots' }, port: 1 })).rejects.toThrow(/scale must be/)
})
