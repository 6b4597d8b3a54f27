import { type App, createApp } from '../src/app.ts'
import type { Store } from '../src/clickhouse/store.ts'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/logger.ts'

/**
 * Runs a second app with other settings on a store a test server already holds (the engine
 * allows one data directory per process), through the app's own listen and close; the store stays open.
 */
export async function withApp(
  store: Store,
  env: Record<string, string>,
  run: (url: string, app: App) => Promise<void>,
): Promise<void> {
  const app = createApp({ config: loadConfig({ LOG_LEVEL: 'silent', ...env }), store, logger: createLogger('silent') })
  const port = await app.listen(0, '127.0.0.1')
  try {
    await run(`http://127.0.0.1:${port}`, app)
  } finally {
    await app.close({ closeStore: false })
  }
}
