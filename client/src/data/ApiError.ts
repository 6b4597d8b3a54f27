import { type ErrorCode, errorBodySchema } from '@gmv-pulse/shared'

/** The one error the client raises for a failed request: the server's error shape, typed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** 4xx: asking again will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body = errorBodySchema.safeParse(await response.json().catch(() => undefined))
    if (body.success) return new ApiError(body.data.error.status, body.data.error.code, body.data.error.message)
    return new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_request', response.statusText)
  }
}
