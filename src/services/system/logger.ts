import { pino, type Logger as PinoLogger } from 'pino';

/** Structured JSON logs (one object per line on stdout), with the request id bound per request. */
export type Logger = PinoLogger;

export function createLogger(level: 'debug' | 'info' | 'warn' | 'error' | 'silent'): Logger {
  return pino({
    level,
    base: { service: 'izis' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['password', '*.password', 'newPassword', 'currentPassword'], remove: true },
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
