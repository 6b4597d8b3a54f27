import { describe, expect, test } from 'vitest'
import { FairAdmission } from './FairAdmission.ts'

const never = new AbortController().signal
const admission = (options: Partial<ConstructorParameters<typeof FairAdmission>[0]> = {}) =>
  new FairAdmission({ slots: 1, maxPending: 100, maxPendingPerProducer: 100, maxWaitMs: 5_000, ...options })

describe('fair admission', () => {
  test('a freed slot goes to each waiting producer in turn, not to the one that queued most', async () => {
    const gate = admission()
    const holding = await gate.slot('a', never)
    const served: string[] = []
    const waiting = ['a', 'a', 'a', 'b', 'c', 'b'].map(async (producer) => {
      const release = await gate.slot(producer, never)
      served.push(producer)
      release()
    })
    holding()
    await Promise.all(waiting)
    expect(served).toEqual(['a', 'b', 'c', 'a', 'b', 'a'])
  })

  test('no more batches are stored at once than there are slots', async () => {
    const gate = admission({ slots: 2 })
    let storing = 0
    let most = 0
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const release = await gate.slot(`p${i % 3}`, never)
        storing += 1
        most = Math.max(most, storing)
        await new Promise((resolve) => setTimeout(resolve, 2))
        storing -= 1
        release()
      }),
    )
    expect(most).toBe(2)
  })

  test('a wait that would pass the bound or a requester gone: 503 with Retry-After; a closing server stores what it admitted', async () => {
    const gate = admission({ maxWaitMs: 30 })
    const holding = await gate.slot('a', never)
    await expect(gate.slot('b', never)).rejects.toMatchObject({ status: 503, retryAfterSeconds: 1 })
    const gone = new AbortController()
    const abandoned = gate.slot('b', gone.signal)
    gone.abort()
    await expect(abandoned).rejects.toMatchObject({ status: 503 })
    const closing = admission()
    const ticket = closing.enter('b')
    const held = await closing.slot('a', never)
    const queued = closing.slot('b', never)
    let closed = false
    const done = closing.close().then(() => {
      closed = true
    })
    expect(() => closing.enter('c')).toThrow(/shutting down/)
    held()
    ;(await queued)()
    expect(closed).toBe(false)
    ticket()
    await done
    holding()
  })

  test('tickets are capped per producer and in all, and given back', () => {
    const gate = admission({ maxPending: 3, maxPendingPerProducer: 2 })
    const a1 = gate.enter('a')
    gate.enter('a')
    expect(() => gate.enter('a')).toThrow(/this producer/)
    gate.enter('b')
    expect(() => gate.enter('c')).toThrow(/the server already/)
    a1()
    a1()
    expect(gate.pending).toBe(2)
    expect(() => gate.enter('c')).not.toThrow()
  })
})
