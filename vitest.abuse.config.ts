import { defineConfig } from 'vitest/config'

/**
 * Abuse tests: one overview wall on a real server (embedded engine, real ports, real
 * socket.io-client) while one attack runs. Each file owns its server and data directory (the
 * engine binds one per process), one file at a time: the attacks load both cores, and the
 * wall's freshness is what they measure.
 */
export default defineConfig({
  test: {
    include: ['test/abuse/**/*.test.ts'],
    pool: 'forks',
    isolate: true,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
})
