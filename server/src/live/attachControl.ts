import {
  type Ack,
  type ControlClientToServerEvents,
  type ControlServerToClientEvents,
  dropScreenSchema,
  type ErrorBody,
  type Filter,
  heartbeatSchema,
  INITIAL_WALL_SCENE,
  type ScreenList,
  type SpotlightDimension,
  sceneCommandSchema,
  screenHelloSchema,
  type WallScene,
} from '@gmv-pulse/shared'
import type { Namespace } from 'socket.io'
import type { z } from 'zod'
import type { TokenSet } from '../http/auth.ts'
import type { Logger } from '../logger.ts'
import type { LiveServer } from './attachSockets.ts'
import {
  grantScreenRight,
  hasScreenRight,
  recordHeartbeat,
  registerScreen,
  screenOf,
  screensOf,
  WALLS_ROOM,
} from './screenRegistry.ts'

interface ClusterEvents {
  /** Another instance's control changed the scene: remember it for the walls connecting here. */
  wallScene: (scene: WallScene) => void
}

type ControlNamespace = Namespace<ControlClientToServerEvents, ControlServerToClientEvents, ClusterEvents>

export interface ControlOptions {
  controls: TokenSet
  /** Tokens a wall page shows in its handshake (`screenToken`) to register as a screen. */
  screens: TokenSet
  /** Screens registered on this instance at once (MAX_SCREENS). */
  maxScreens: number
  logger: Logger
  /** Several instances share one adapter: the current scene is passed on to the others. */
  clustered: boolean
  /**
   * Whether a spotlight's value has orders in the campaign so far: a wall spotlit on a brand that
   * does not exist would show ¥0.00 under its name. A rejection (store down) refuses it too, as
   * unavailable rather than unknown.
   */
  spotlightExists(dimension: SpotlightDimension, value: string): Promise<boolean>
}

export interface WallControl {
  current(): WallScene
}

/** The filter the walls show under a scene besides the overview: the spotlight's, if any. */
export function spotlightFilters(scene: WallScene): Filter[] {
  return scene.scene === 'spotlight' ? [{ [scene.dimension]: scene.value }] : []
}

/** Scene commands waiting their turn, across every control page (see setScene). */
const MAX_SCENES_WAITING = 16

/**
 * A control page refreshes its table this often while it is open: it shows each screen's
 * last-seen age and picks up screens on other instances; walls heartbeat every 5 s anyway.
 */
const SCREENS_PUSH_MS = 2000
/** Connects and disconnects are batched for this long: a wall that reloads causes one push, not two. */
const SCREENS_DEBOUNCE_MS = 150

type ErrorShape = ErrorBody['error']

const NO_SCREEN_RIGHT: ErrorShape = {
  message: 'only a wall page with a screen token (SCREEN_TOKENS, ?screenToken= on its URL) registers as a screen',
  code: 'forbidden',
  status: 403,
}

const tooManyScreens = (max: number): ErrorShape => ({
  message: `this server already lists ${max} screens (MAX_SCREENS); drop one on the control first`,
  code: 'rate_limited',
  status: 429,
})

const refusal = (data: ErrorShape) => Object.assign(new Error(data.code), { data })

function invalid(message: string, error: z.ZodError): ErrorShape {
  return {
    message,
    code: 'bad_request',
    status: 400,
    details: error.issues.slice(0, 20).map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  }
}

/** An acknowledgement callback, or a no-op when the client sent none (a bad client must not crash us). */
function replier<T>(ack: unknown): (response: Ack<T>) => void {
  return typeof ack === 'function' ? (ack as (response: Ack<T>) => void) : () => {}
}

/**
 * The wall's remote control. Wall screens (sockets on `/` whose handshake carried a screen
 * token) register into the walls room and heartbeat; any other viewer socket is refused, so
 * nothing but a wall page appears in the list, and the control can drop a screen; control pages connect to `/control` with a control token and set the
 * scene, which goes to every wall and is remembered for walls that connect later. Viewer
 * sockets have no handler for scene commands: only `/control` can change what walls show.
 */
export function attachControl(io: LiveServer, options: ControlOptions): WallControl {
  const { logger } = options
  let current: WallScene = INITIAL_WALL_SCENE
  // One cast: a namespace has its own event maps, which the server's type does not know.
  const control = io.of('/control') as unknown as ControlNamespace

  const list = async (): Promise<ScreenList> => ({
    serverTime: new Date().toISOString(),
    scene: current,
    screens: screensOf(await io.in(WALLS_ROOM).fetchSockets()),
  })

  let pushTimer: NodeJS.Timeout | undefined
  let pushing = false
  const pushScreens = () => {
    if (pushing || control.sockets.size === 0) return
    pushing = true
    list()
      .then((screens) => control.local.emit('screens', screens))
      .catch((error) => logger.warn({ err: error }, 'listing wall screens failed'))
      .finally(() => {
        pushing = false
      })
  }
  const soon = () => {
    clearTimeout(pushTimer)
    pushTimer = setTimeout(pushScreens, SCREENS_DEBOUNCE_MS)
    pushTimer.unref()
  }
  let refresher: NodeJS.Timeout | undefined

  io.use((socket, next) => {
    grantScreenRight(socket, options.screens)
    next()
  })

  io.on('connection', (socket) => {
    // A wall whose session was recovered is back in the walls room: tell it the scene now.
    if (socket.recovered && screenOf(socket)) {
      socket.emit('scene', current)
      soon()
    }
    socket.on('registerScreen', async (hello, ack) => {
      const reply = replier<WallScene>(ack)
      const parsed = screenHelloSchema.safeParse(hello)
      if (!parsed.success) return reply({ ok: false, error: invalid('invalid screen hello', parsed.error) })
      if (!hasScreenRight(socket)) return reply({ ok: false, error: NO_SCREEN_RIGHT })
      const registered = io.of('/').adapter.rooms.get(WALLS_ROOM)?.size ?? 0
      if (registered >= options.maxScreens && !socket.rooms.has(WALLS_ROOM)) {
        return reply({ ok: false, error: tooManyScreens(options.maxScreens) })
      }
      registerScreen(socket, parsed.data, new Date())
      await socket.join(WALLS_ROOM)
      reply({ ok: true, data: current })
      soon()
    })
    socket.on('heartbeat', (beat, ack) => {
      const reply = replier<{ serverTime: string }>(ack)
      const parsed = heartbeatSchema.safeParse(beat)
      if (!parsed.success) return reply({ ok: false, error: invalid('invalid heartbeat', parsed.error) })
      const now = new Date()
      if (!recordHeartbeat(socket, parsed.data, now)) {
        return reply({
          ok: false,
          error: { message: 'register the screen before its heartbeat', code: 'bad_request', status: 400 },
        })
      }
      reply({ ok: true, data: { serverTime: now.toISOString() } })
    })
    socket.on('disconnect', () => {
      if (screenOf(socket)) soon()
    })
  })

  control.use((socket, next) => {
    if (options.controls.size === 0) {
      return next(
        refusal({
          message: 'the remote control is disabled: no CONTROL_TOKENS are configured on the server',
          code: 'forbidden',
          status: 403,
        }),
      )
    }
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token
    if (typeof token === 'string' && options.controls.idOf(token) !== undefined) return next()
    next(refusal({ message: 'a valid control token is required', code: 'unauthorized', status: 401 }))
  })

  if (options.clustered) {
    control.on('wallScene', (scene) => {
      current = scene
    })
  }

  /** One scene command: checked, then sent to every wall and every control page. */
  const setScene = async (command: unknown, ack: unknown): Promise<void> => {
    const reply = replier<WallScene>(ack)
    const parsed = sceneCommandSchema.safeParse(command)
    if (!parsed.success) return reply({ ok: false, error: invalid('invalid scene command', parsed.error) })
    if (parsed.data.scene === 'spotlight') {
      const { dimension, value } = parsed.data
      const exists = await options.spotlightExists(dimension, value).catch((error: unknown) => {
        logger.warn({ err: error }, 'a spotlight could not be checked')
        return null
      })
      if (exists === null) {
        return reply({
          ok: false,
          error: {
            message: 'the spotlight could not be checked; retry shortly',
            code: 'store_unavailable',
            status: 503,
          },
        })
      }
      if (!exists) {
        return reply({
          ok: false,
          error: {
            message: `no ${dimension} "${value}" has orders in this campaign: pick one from the list`,
            code: 'bad_request',
            status: 400,
            details: [{ field: 'value', message: `no orders for this ${dimension} in the campaign so far` }],
          },
        })
      }
    }
    current = { ...parsed.data, issuedAt: new Date().toISOString() }
    io.to(WALLS_ROOM).emit('scene', current)
    control.emit('scene', current)
    if (options.clustered) control.serverSideEmit('wallScene', current)
    logger.info({ scene: current.scene, frozen: current.frozen }, 'wall scene changed')
    reply({ ok: true, data: current })
    soon()
  }
  // Scene commands apply one at a time, in the order they came: a spotlight's check reads the
  // store. A control page sends one per click; more than this waiting is refused, not queued.
  let scenes = Promise.resolve()
  let scenesWaiting = 0

  control.on('connection', (socket) => {
    socket.on('error', (error) => logger.debug({ err: error }, 'control socket error'))
    if (!refresher) {
      refresher = setInterval(pushScreens, SCREENS_PUSH_MS)
      refresher.unref()
    }
    socket.on('setScene', (command, ack) => {
      if (scenesWaiting >= MAX_SCENES_WAITING) {
        return replier<WallScene>(ack)({
          ok: false,
          error: {
            message: 'too many scene commands at once; send the last one again',
            code: 'rate_limited',
            status: 429,
          },
        })
      }
      scenesWaiting++
      scenes = scenes
        .then(() => setScene(command, ack))
        .catch((error: unknown) => logger.warn({ err: error }, 'a scene command failed'))
        .finally(() => {
          scenesWaiting--
        })
    })
    socket.on('listScreens', async (ack) => {
      const reply = replier<ScreenList>(ack)
      try {
        reply({ ok: true, data: await list() })
      } catch (error) {
        logger.warn({ err: error }, 'listing wall screens failed')
        reply({
          ok: false,
          error: { message: 'the screens could not be listed; retry shortly', code: 'store_unavailable', status: 503 },
        })
      }
    })
    socket.on('dropScreen', async (request, ack) => {
      const reply = replier<{ dropped: number }>(ack)
      const parsed = dropScreenSchema.safeParse(request)
      if (!parsed.success) return reply({ ok: false, error: invalid('invalid screen to drop', parsed.error) })
      try {
        const sockets = (await io.in(WALLS_ROOM).fetchSockets()).filter((wall) => screenOf(wall)?.id === parsed.data.id)
        if (sockets.length === 0) {
          return reply({ ok: false, error: { message: 'no such screen is connected', code: 'not_found', status: 404 } })
        }
        for (const wall of sockets) wall.disconnect(true)
        logger.info({ dropped: sockets.length }, 'wall screen dropped by the control')
        reply({ ok: true, data: { dropped: sockets.length } })
        soon()
      } catch (error) {
        logger.warn({ err: error }, 'dropping a wall screen failed')
        reply({
          ok: false,
          error: { message: 'the screen could not be dropped; retry shortly', code: 'store_unavailable', status: 503 },
        })
      }
    })
    socket.on('disconnect', () => {
      if (control.sockets.size > 0 || !refresher) return
      clearInterval(refresher)
      refresher = undefined
    })
  })

  return { current: () => current }
}
