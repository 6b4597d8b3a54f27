import type { z } from 'zod'
import { ApiError } from './ApiError.ts'

/** Viewer token from `?token=`, sent as a bearer token on REST and in the socket handshake. */
export function viewerToken(search: string = globalThis.location?.search ?? ''): string | undefined {
  return new URLSearchParams(search).get('token') ?? undefined
}

/** GET a JSON resource under /api/v1 and validate it with its shared schema. */
export async function getJson<T>(
  path: string,
  schema: z.ZodType<T>,
  params: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<T> {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString()
  const token = viewerToken()
  let response: Response
  try {
    response = await fetch(`/api/v1${path}${query ? `?${query}` : ''}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal,
    })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error))
  }
  if (!response.ok) throw await ApiError.fromResponse(response)
  return schema.parse(await response.json())
}
