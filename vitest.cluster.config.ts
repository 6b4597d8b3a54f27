import { defineConfig } from 'vitest/config'

/** Several instances through a real redis-server (Debian's, installed by .ci/run). */
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
