import { defineConfig } from 'vitest/config'

/** Browser tests: the real server, the built client, headless Chromium. Slow by nature. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
