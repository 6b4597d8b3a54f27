import { afterEach, beforeEach, expect, test } from 'vitest'
import { cancelChartUpdate, scheduleChartUpdate } from './updateQueue.ts'

// Node has no animation frames: frames here are run by hand, one at a time, as a browser would.
let frames: FrameRequestCallback[] = []
const runFrame = () => {
  const due = frames
  frames = []
  for (const callback of due) callback(0)
}
beforeEach(() => {
  frames = []
  globalThis.requestAnimationFrame = (callback) => frames.push(callback)
})
afterEach(() => {
  // Drain whatever a test left waiting, so the module's queue starts empty for the next.
  for (let i = 0; i < 20 && frames.length > 0; i++) runFrame()
})

/** Three charts asking in turn; `drawn` says which update ran, in order. */
function threeCharts(first: string) {
  const drawn: string[] = []
  const charts = [{}, {}, {}] as const
  scheduleChartUpdate(charts[0], () => drawn.push(first))
  scheduleChartUpdate(charts[1], () => drawn.push('b'))
  scheduleChartUpdate(charts[2], () => drawn.push('c'))
  return { drawn, charts }
}

test('charts waiting to update are drawn one per frame, in the order they asked', () => {
  const { drawn } = threeCharts('a')
  runFrame()
  expect(drawn).toEqual(['a'])
  runFrame()
  runFrame()
  expect(drawn).toEqual(['a', 'b', 'c'])
  runFrame()
  expect(drawn).toEqual(['a', 'b', 'c'])
})

test('a newer option replaces a waiting one and goes to the back; a cancelled one is never drawn', () => {
  const { drawn, charts } = threeCharts('a1')
  scheduleChartUpdate(charts[0], () => drawn.push('a2'))
  cancelChartUpdate(charts[2])
  for (let i = 0; i < 5; i++) runFrame()
  expect(drawn).toEqual(['b', 'a2'])
})
