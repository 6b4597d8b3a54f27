import { defineConfig } from 'vitest/config'

/**
 * Fault tests: the real server killed, stalled and restarted under load. Each file owns
 * its server processes and data directories, one at a time (they are heavy: a producer
 * at 50,000 orders/s, several engines), with timeouts sized for restarts.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    isolate: true,
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
})
