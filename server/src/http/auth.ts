import { createHash, timingSafeEqual } from 'node:crypto'
import type { RequestHandler } from 'express'
import { ApiError } from './ApiError.ts'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Checks bearer tokens in constant time. Tokens are compared as SHA-256 digests so that
 * length differences leak nothing, and only the digest is kept in memory after start-up.
 */
export class TokenSet {
  readonly #digests: Buffer[]

  constructor(tokens: readonly string[]) {
    this.#digests = tokens.map(digest)
  }

  get size(): number {
    return this.#digests.length
  }

  /** A short, stable, non-reversible id for a token: scopes idempotency keys and rate limits. */
  idOf(token: string): string | undefined {
    const candidate = digest(token)
    let found = false
    for (const known of this.#digests) found = timingSafeEqual(candidate, known) || found
    return found ? candidate.toString('hex').slice(0, 16) : undefined
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return match?.[1]
}

/**
 * Requires a token from the set; sets res.locals.tokenId. With `openWhenEmpty`, an empty
 * set lets everyone in (reads on a local demo); otherwise an empty set refuses everyone.
 */
export function requireToken(tokens: TokenSet, options: { openWhenEmpty: boolean; right: string }): RequestHandler {
  return (req, res, next) => {
    if (tokens.size === 0) {
      if (options.openWhenEmpty) return next()
      return next(
        new ApiError(403, 'ingest_disabled', `${options.right} is disabled: no token is configured on the server`),
      )
    }
    const token = bearerToken(req.headers.authorization)
    const tokenId = token === undefined ? undefined : tokens.idOf(token)
    if (tokenId === undefined) {
      res.setHeader('WWW-Authenticate', 'Bearer')
      return next(new ApiError(401, 'unauthorized', `a valid bearer token for ${options.right} is required`))
    }
    res.locals.tokenId = tokenId
    next()
  }
}
