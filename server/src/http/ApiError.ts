import type { ErrorBody, ErrorCode, ErrorDetail } from '@gmv-pulse/shared'

/** An error that becomes the one error shape on the wire. Thrown by routes, answered by the error handler. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Seconds, for 429 and 503. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }

  toBody(): ErrorBody {
    return {
      error: {
        message: this.message,
        code: this.code,
        status: this.status,
        ...(this.details ? { details: this.details } : {}),
      },
    }
  }
}
