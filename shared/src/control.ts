import { z } from 'zod'
import { filterSchema } from './filters.ts'
import { LOCALES } from './format/locale.ts'

/**
 * The wall's remote control: what the control page sends (a whole scene, not a delta, so a
 * screen that joins late needs one message to be right) and what the wall screens report.
 */

/** The dimensions a spotlight can narrow the wall to. */
export const SPOTLIGHT_DIMENSIONS = ['brand', 'region', 'category'] as const
export type SpotlightDimension = (typeof SPOTLIGHT_DIMENSIONS)[number]

/** Read from across a hall in one line: anything longer would wrap on the wall. */
export const FREEZE_MESSAGE_MAX = 140
export const HEADLINE_TITLE_MAX = 80
export const HEADLINE_BODY_MAX = 200

const text = (max: number) => z.string().trim().max(max)

/** Freeze and its banner travel with every scene: releasing is sending the same scene unfrozen. */
const freezeShape = {
  frozen: z.boolean().default(false),
  message: text(FREEZE_MESSAGE_MAX).default(''),
}

const overviewSchema = z.strictObject({ scene: z.literal('overview'), ...freezeShape })

const spotlightSchema = z
  .strictObject({
    scene: z.literal('spotlight'),
    dimension: z.enum(SPOTLIGHT_DIMENSIONS),
    value: z.string().min(1).max(128),
    ...freezeShape,
  })
  // The wall subscribes with this filter: refuse here what the subscription would refuse there.
  .superRefine((command, ctx) => {
    if (!filterSchema.safeParse({ [command.dimension]: command.value }).success)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid ${command.dimension}` })
  })

const headlineSchema = z.strictObject({
  scene: z.literal('headline'),
  title: text(HEADLINE_TITLE_MAX).default(''),
  body: text(HEADLINE_BODY_MAX).default(''),
  ...freezeShape,
})

export const sceneCommandSchema = z.discriminatedUnion('scene', [overviewSchema, spotlightSchema, headlineSchema])
/** What the control sends; `frozen`, `message`, `title` and `body` may be left out. */
export type SceneCommandInput = z.input<typeof sceneCommandSchema>
export type SceneCommand = z.output<typeof sceneCommandSchema>

/** A command as the server broadcast it, stamped with the server's clock. */
export type WallScene = SceneCommand & { issuedAt: string }

export const INITIAL_WALL_SCENE: WallScene = {
  scene: 'overview',
  frozen: false,
  message: '',
  issuedAt: new Date(0).toISOString(),
}

/** A screen id: random per browser tab, kept across reloads of that tab. */
const screenIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
const viewportSchema = z.strictObject({
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
})

/** A wall screen introduces itself once per connection. */
export const screenHelloSchema = z.strictObject({
  id: screenIdSchema,
  label: text(64).min(1),
  lang: z.enum(LOCALES),
  viewport: viewportSchema,
})
export type ScreenHello = z.infer<typeof screenHelloSchema>

/** The control drops a screen by its id: it is disconnected and leaves the list. */
export const dropScreenSchema = z.strictObject({ id: screenIdSchema })
export type DropScreen = z.infer<typeof dropScreenSchema>

/**
 * A minute is far beyond any round trip worth reporting as such: a screen that slow is
 * shown as lagging by a minute, not trusted with an absurd number.
 */
export const MAX_REPORTED_LAG_MS = 60_000

export const heartbeatSchema = z.strictObject({
  /** The previous heartbeat's round trip (ms); null before the first answer. */
  lagMs: z.number().min(0).max(MAX_REPORTED_LAG_MS).nullable(),
  viewport: viewportSchema,
  /** The scene the wall is showing, as it applied it; null before the first one arrived. */
  scene: sceneCommandSchema.nullable(),
})
export type Heartbeat = z.infer<typeof heartbeatSchema>

export interface HeartbeatAnswer {
  /** Server clock (ISO) when the heartbeat arrived. */
  serverTime: string
}

export interface ScreenStatus extends ScreenHello {
  connectedAt: string
  /** Server clock of the last heartbeat (or of the hello). */
  lastSeenAt: string
  /** Heartbeat round trip in ms; null until the first one completed. */
  lagMs: number | null
  /** The scene this screen reports showing; null until its first heartbeat. */
  scene: SceneCommand | null
}

export interface ScreenList {
  serverTime: string
  scene: WallScene
  screens: ScreenStatus[]
}

/** Short words for a scene: "Overview", "Spotlight brand Nike", "Headline", each with "frozen" when it is. */
export function describeScene(scene: SceneCommand): string {
  const what =
    scene.scene === 'spotlight'
      ? `spotlight ${scene.dimension} ${scene.value}`
      : scene.scene === 'headline'
        ? `headline${scene.title ? ` “${scene.title}”` : ''}`
        : 'overview'
  return scene.frozen ? `${what} (frozen)` : what
}
