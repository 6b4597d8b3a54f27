import { type Logger, pino } from 'pino'

export type { Logger }

/**
 * Structured logs. Secrets never reach a line: request headers are not logged at all,
 * and the redact list is a second net for any object that carries one by mistake.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'authorization',
        'password',
        'token',
        'tokens',
        '*.authorization',
        '*.password',
        '*.token',
        '*.tokens',
        'headers.authorization',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  })
}
