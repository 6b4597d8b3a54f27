import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * Rows handled between two turns of the event loop while a batch is read, checked and
 * encoded: about 5 ms of work here. A 100,000-order batch takes a few hundred ms of CPU;
 * done in one go it would hold back every socket, tick and request behind it.
 */
export const ROWS_PER_TURN = 5_000

/** Lets timers, sockets and other requests run before the batch continues. */
export const giveTurn = (): Promise<void> => nextTurn()
