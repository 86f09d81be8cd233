import type { Writable } from 'node:stream';

export interface Logger {
  info(
    message: string,
    fields?: Record<string, string | number | boolean>,
  ): void;
  error(
    message: string,
    fields?: Record<string, string | number | boolean>,
  ): void;
}

/**
 * Application log: JSON lines on stderr. Callers pass operational facts only
 * (route, status, duration); never resource content or token values.
 */
export function createLogger(stream: Writable = process.stderr): Logger {
  const write = (
    level: string,
    message: string,
    fields?: Record<string, unknown>,
  ) =>
    stream.write(
      `${JSON.stringify({
        level,
        at: new Date().toISOString(),
        message,
        ...fields,
      })}\n`,
    );
  return {
    info: (message, fields) => write('info', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
