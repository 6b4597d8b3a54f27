/**
 * At most one chart update per animation frame. A snapshot arrives once a second and every
 * panel wants to redraw at once; done in one frame, six charts cost one long frame that the
 * wall shows as a stutter (measured: 76 ms p95 at 1080p on a loaded 2-core machine). Taken
 * one per frame, the same work is spread over six frames of a sixty-frame second, each well
 * inside 16.7 ms. A newer option for a chart still waiting replaces the waiting one: only the
 * latest snapshot is worth drawing.
 */
type Update = () => void

/** Each chart update is a User Timing measure named `chart-update:<label>`: the screen benchmark reads them. */
export const UPDATE_MEASURE = 'chart-update:'

const waiting = new Map<object, Update>()
let frame = 0

function runOne(): void {
  frame = 0
  const first = waiting.entries().next()
  if (first.done) return
  const [owner, update] = first.value
  waiting.delete(owner)
  update()
  if (waiting.size > 0) frame = requestAnimationFrame(runOne)
}

/** Runs `update` in a frame of its own, after the updates already waiting. */
export function scheduleChartUpdate(owner: object, update: Update): void {
  // Deleting first moves a replaced update to the back: a chart that updates every tick
  // cannot keep the others waiting.
  waiting.delete(owner)
  waiting.set(owner, update)
  if (frame === 0) frame = requestAnimationFrame(runOne)
}

/** Forgets a chart's waiting update (it is being disposed). */
export function cancelChartUpdate(owner: object): void {
  waiting.delete(owner)
}
