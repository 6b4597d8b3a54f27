import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { type App, createApp } from '../src/app.ts'
import type { Store } from '../src/clickhouse/store.ts'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/logger.ts'

/**
 * Runs a second app with other settings (budgets, tokens, origins) on a store a test server
 * already holds (the engine allows one data directory per process), closed through the app's
 * own close; the store stays open. Its hub ticks unless `tick` is false, for a test that
 * looks at sockets only.
 */
export async function withApp(
  store: Store,
  env: Record<string, string>,
  run: (url: string, app: App) => Promise<void>,
  { tick = true }: { tick?: boolean } = {},
): Promise<void> {
  const app = createApp({ config: loadConfig({ LOG_LEVEL: 'silent', ...env }), store, logger: createLogger('silent') })
  let port: number
  if (tick) port = await app.listen(0, '127.0.0.1')
  else {
    app.server.listen(0, '127.0.0.1')
    await once(app.server, 'listening')
    port = (app.server.address() as AddressInfo).port
  }
  try {
    await run(`http://127.0.0.1:${port}`, app)
  } finally {
    await app.close({ closeStore: false })
  }
}
