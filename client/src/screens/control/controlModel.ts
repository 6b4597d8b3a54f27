import type { SceneCommand, SceneCommandInput, ScreenStatus, SpotlightDimension } from '@gmv-pulse/shared'

/**
 * The control page's pure parts: which command each button sends, and how a screen's health
 * reads in the table. A button always sends a whole scene; freeze and release keep the scene.
 */

export type SceneChoice =
  | { scene: 'overview' }
  | { scene: 'spotlight'; dimension: SpotlightDimension; value: string }
  | { scene: 'headline'; title: string; body: string }

/** A new scene goes out live: choosing one is the way out of a freeze. */
export function sceneCommand(choice: SceneChoice): SceneCommandInput {
  return { ...choice, frozen: false, message: '' }
}

/**
 * Freeze (with a banner) or release whatever the walls show now. Only the scene's own fields
 * are copied: the server refuses unknown ones, such as the `issuedAt` of the scene it sent.
 */
export function freezeCommand(current: SceneCommand, frozen: boolean, message: string): SceneCommandInput {
  const freeze = { frozen, message: frozen ? message.trim() : '' }
  switch (current.scene) {
    case 'overview':
      return { scene: 'overview', ...freeze }
    case 'spotlight':
      return { scene: 'spotlight', dimension: current.dimension, value: current.value, ...freeze }
    case 'headline':
      return { scene: 'headline', title: current.title, body: current.body, ...freeze }
  }
}

/**
 * A heartbeat arrives every 5 s; three missed means the screen is in trouble even while its
 * socket still looks open (a frozen tab, a sleeping display).
 */
export const SILENT_AFTER_MS = 15_000
/** Above a quarter of a second the wall's numbers visibly trail the others'. */
export const SLOW_LAG_MS = 250

export type ScreenHealth = 'ok' | 'slow' | 'silent' | 'waiting'

export function screenHealth(screen: ScreenStatus, serverTime: string): ScreenHealth {
  if (Date.parse(serverTime) - Date.parse(screen.lastSeenAt) > SILENT_AFTER_MS) return 'silent'
  if (screen.lagMs === null) return 'waiting'
  return screen.lagMs > SLOW_LAG_MS ? 'slow' : 'ok'
}

/** "12 ms", "1.3 s", "—" before the first round trip. */
export function lagText(lagMs: number | null): string {
  if (lagMs === null) return '—'
  return lagMs < 1000 ? `${Math.round(lagMs)} ms` : `${(lagMs / 1000).toFixed(1)} s`
}

/** Seconds since the server last heard from the screen, by the server's clock (no skew with this page's). */
export function silentFor(screen: ScreenStatus, serverTime: string): number {
  return Math.max(0, Math.round((Date.parse(serverTime) - Date.parse(screen.lastSeenAt)) / 1000))
}

/** Whether a screen shows the scene the control last sent (it reports what it applied). */
export function inStep(screen: ScreenStatus, current: SceneCommand): boolean {
  if (!screen.scene) return false
  const { scene: shown } = screen
  return JSON.stringify(comparable(shown)) === JSON.stringify(comparable(current))
}

function comparable(command: SceneCommand) {
  switch (command.scene) {
    case 'overview':
      return [command.scene, command.frozen, command.message]
    case 'spotlight':
      return [command.scene, command.dimension, command.value, command.frozen, command.message]
    case 'headline':
      return [command.scene, command.title, command.body, command.frozen, command.message]
  }
}
