import type { Filter } from '@gmv-pulse/shared'

/**
 * What the wall shows, as pure state: the remote control (later) sends commands, the
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
}

export type SceneCommand =
  | { type: 'overview' }
  | { type: 'spotlight'; dimension: 'brand' | 'region' | 'category'; value: string }
  | { type: 'headline'; title: string; body: string }
  | { type: 'freeze' }
  | { type: 'unfreeze' }

export const INITIAL_SCENE: SceneState = { scene: { kind: 'overview' }, frozen: false }

export function reduceScene(state: SceneState, command: SceneCommand): SceneState {
  switch (command.type) {
    case 'overview':
      return { ...state, scene: { kind: 'overview' } }
    case 'spotlight':
      return { ...state, scene: { kind: 'spotlight', dimension: command.dimension, value: command.value } }
    case 'headline':
      return { ...state, scene: { kind: 'headline', title: command.title, body: command.body } }
    case 'freeze':
      return { ...state, frozen: true }
    case 'unfreeze':
      return { ...state, frozen: false }
  }
}

/** The live filter a scene subscribes to: a spotlight narrows the whole wall to one brand, region or category. */
export function sceneFilter(state: SceneState): Filter {
  return state.scene.kind === 'spotlight' ? { [state.scene.dimension]: state.scene.value } : {}
}
