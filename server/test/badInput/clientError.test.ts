/**
 * Proves: answerClientError (server/src/http/clientError.ts) turns every request Node's
 * HTTP parser refuses — the corpus's parser-level classes, the trickling body among them —
 * into the one error shape with the right status. Run on a bare Node server with the
 * handler installed and a 200 ms timeout sweep, because app.ts does not install it yet.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorBodySchema } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { answerClientError } from '../../src/http/clientError.ts'
import { createLogger } from '../../src/logger.ts'
import { BAD_INPUT_ENV, BAD_REQUESTS, type Target } from './badRequests.ts'

let server: Server
let target: Target

beforeAll(async () => {
  // Node checks request deadlines on this sweep (30 s by default), not at the deadline itself.
  // The app answers once the body is in, as the ingest route does.
  server = createServer({ connectionsCheckingInterval: 200 }, (req, res) => req.resume().on('end', () => res.end()))
  server.requestTimeout = Number(BAD_INPUT_ENV.REQUEST_TIMEOUT_MS)
  server.headersTimeout = server.requestTimeout
  server.on('clientError', answerClientError(createLogger('silent')))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  target = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 'unused' }
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

test.each(BAD_REQUESTS.filter((c) => c.parserLevel))('$name → $status in the one error shape', async (badRequest) => {
  const answer = await badRequest.send(target)
  expect(answer.status).toBe(badRequest.status)
  expect(answer.headers['content-type']).toMatch(/^application\/json/)
  const { error } = errorBodySchema.parse(JSON.parse(answer.body.toString('utf8')))
  expect(error).toMatchObject({ status: badRequest.status, code: badRequest.code })
})
