import type { Filter, SceneCommand } from '@gmv-pulse/shared'

/**
 * What the wall shows, as pure state: the remote control sends whole scenes (`apply`), the
 * screen renders the state. Nothing here touches React or the network.
 */
export type Scene =
  | { kind: 'overview' }
  | { kind: 'spotlight'; dimension: 'brand' | 'region' | 'category'; value: string }
  | { kind: 'headline'; title: string; body: string }

export interface SceneState {
  scene: Scene
  /** Frozen: the wall keeps the last picture and says so, while the data keeps flowing underneath. */
  frozen: boolean
  /** The freeze banner's words; empty shows the plain "frozen" badge only. */
  message: string
}

export type SceneAction =
  | { type: 'overview' }
  | { type: 'spotlight'; dimension: 'brand' | 'region' | 'category'; value: string }
  | { type: 'headline'; title: string; body: string }
  | { type: 'freeze'; message?: string }
  | { type: 'unfreeze' }
  /** A whole scene from the remote control: replaces everything, so applying it twice changes nothing. */
  | { type: 'apply'; command: SceneCommand }

export const INITIAL_SCENE: SceneState = { scene: { kind: 'overview' }, frozen: false, message: '' }

export function sceneOfCommand(command: SceneCommand): Scene {
  switch (command.scene) {
    case 'overview':
      return { kind: 'overview' }
    case 'spotlight':
      return { kind: 'spotlight', dimension: command.dimension, value: command.value }
    case 'headline':
      return { kind: 'headline', title: command.title, body: command.body }
  }
}

/** The command that would put a wall into this state: what the wall reports in its heartbeat. */
export function commandOfState(state: SceneState): SceneCommand {
  const freeze = { frozen: state.frozen, message: state.message }
  const { scene } = state
  switch (scene.kind) {
    case 'overview':
      return { scene: 'overview', ...freeze }
    case 'spotlight':
      return { scene: 'spotlight', dimension: scene.dimension, value: scene.value, ...freeze }
    case 'headline':
      return { scene: 'headline', title: scene.title, body: scene.body, ...freeze }
  }
}

export function reduceScene(state: SceneState, action: SceneAction): SceneState {
  switch (action.type) {
    case 'overview':
      return { ...state, scene: { kind: 'overview' } }
    case 'spotlight':
      return { ...state, scene: { kind: 'spotlight', dimension: action.dimension, value: action.value } }
    case 'headline':
      return { ...state, scene: { kind: 'headline', title: action.title, body: action.body } }
    case 'freeze':
      return { ...state, frozen: true, message: action.message ?? state.message }
    case 'unfreeze':
      return { ...state, frozen: false, message: '' }
    case 'apply': {
      const next: SceneState = {
        scene: sceneOfCommand(action.command),
        frozen: action.command.frozen,
        message: action.command.frozen ? action.command.message : '',
      }
      // The same scene again (a reconnect, a replayed broadcast) keeps the state object, so nothing re-renders.
      return JSON.stringify(next) === JSON.stringify(state) ? state : next
    }
  }
}

/** The live filter a scene subscribes to: a spotlight narrows the whole wall to one brand, region or category. */
export function sceneFilter(state: SceneState): Filter {
  return state.scene.kind === 'spotlight' ? { [state.scene.dimension]: state.scene.value } : {}
}
