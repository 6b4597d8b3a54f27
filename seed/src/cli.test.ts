import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
const runCli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', timeout: 30_000 })

describe('the seed CLI', () => {
  test.each([
    [['explode'], /unknown command "explode"/],
    [['calibrate', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['calibrate', '--scale', 'lots'], /--scale must be a number/],
    [['calibrate', '--scale', '0'], /--scale must be greater than 0 and at most 1/],
    [['calibrate', '--scale=-1'], /--scale must be greater than 0 and at most 1/],
    [['calibrate', '--scale', '-1'], /--scale' argument is ambiguous/],
    [['calibrate', '--scale', '1.5'], /--scale must be greater than 0 and at most 1/],
    [['backfill', '--from', 'yesterday'], /--from must be an ISO-8601 time with an offset/],
    [['backfill', '--to', '2021-01-01T00:00:00+08:00'], /--to must lie in the 2020 campaign/],
    [
      ['backfill', '--from', '2020-11-05T00:00:00+08:00', '--to', '2020-11-04T00:00:00+08:00'],
      /--to must be after --from/,
    ],
    [['replay', '--start-at', '2020-11-10T23:58:00'], /--start-at must be an ISO-8601 time with an offset/],
    [['live', '--speed', '10'], /--speed does not apply to live/],
  ])('%j is refused with one clear line and exit code 2', (args, message) => {
    const result = runCli(args)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stdout).toBe('')
  })

  test('--help documents every command and option', () => {
    const result = runCli(['--help'])
    expect(result.status).toBe(0)
    for (const word of [
      'backfill',
      'live',
      'replay',
      'calibrate',
      '--seed',
      '--scale',
      '--year',
      '--url',
      '--token',
      '--from',
      '--to',
      '--speed',
      '--start-at',
      '--ledger',
    ])
      expect(result.stdout).toContain(word)
  })
})
