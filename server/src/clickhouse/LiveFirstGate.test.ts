import { expect, test } from 'vitest'
import { LiveFirstGate } from './LiveFirstGate.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A statement that notes when it starts and ends and takes `ms`. */
function statement(log: string[], name: string, ms: number) {
  return async () => {
    log.push(`${name}+`)
    await sleep(ms)
    log.push(`${name}-`)
  }
}

test('analyst statements run one at a time, in order of arrival', async () => {
  const gate = new LiveFirstGate()
  const log: string[] = []
  await Promise.all(['a', 'b', 'c'].map((name) => gate.analyst(statement(log, name, 10))))
  expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-'])
})

test('a live statement never waits for queued analyst statements, only for none', async () => {
  const gate = new LiveFirstGate()
  const log: string[] = []
  const analysts = ['a', 'b'].map((name) => gate.analyst(statement(log, name, 30)))
  await sleep(5)
  await gate.live(statement(log, 'live', 5))
  await Promise.all(analysts)
  // It started while the first analyst statement ran, ahead of the second.
  expect(log).toEqual(['a+', 'live+', 'live-', 'a-', 'b+', 'b-'])
})

test('no analyst statement starts while a live one runs or a tick is between its figures', async () => {
  const gate = new LiveFirstGate()
  const log: string[] = []
  const tick = (async () => {
    await gate.live(statement(log, 'live1', 20))
    // The tick's next figure is asked for a moment after the last one answered.
    await sleep(1)
    await gate.live(statement(log, 'live2', 20))
  })()
  await sleep(2)
  const analyst = gate.analyst(statement(log, 'analyst', 5))
  await Promise.all([tick, analyst])
  expect(log).toEqual(['live1+', 'live1-', 'live2+', 'live2-', 'analyst+', 'analyst-'])
})
