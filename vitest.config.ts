import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{shared,server,seed,client,bench}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    // Embedded ClickHouse binds one data directory per process: every test file runs in
    // its own child process with its own directory.
    pool: 'forks',
    isolate: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
