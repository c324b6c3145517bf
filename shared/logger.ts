import pino, { type Logger } from 'pino'

export type { Logger } from 'pino'

/**
 * Paths pino must never print. Secrets travel in headers, session payloads and vault rows;
 * redaction here means a careless `log.info({ body })` cannot leak them.
 */
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-razorpay-signature"]',
  'headers["x-talvix-signature"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'token',
  'password',
  'secret',
  'session',
  'cookies',
  'ciphertext',
  '*.token',
  '*.password',
  '*.secret',
  '*.session',
  '*.cookies',
  '*.ciphertext',
  '*.authorization',
]

export function createLogger(options: { level: string; name: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { server: options.name, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  })
}
