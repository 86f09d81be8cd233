/** Where the simulator reports what it does; defaults to silence. */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** A logger that drops everything, for tests and embedded use. */
export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
};

/** A logger that writes one line per message to stderr. */
export const consoleLogger: Logger = {
  info: (message, meta) =>
    process.stderr.write(
      `[kube-simulator] ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}\n`,
    ),
  warn: (message, meta) =>
    process.stderr.write(
      `[kube-simulator] warn: ${message}${
        meta ? ` ${JSON.stringify(meta)}` : ''
      }\n`,
    ),
  error: (message, meta) =>
    process.stderr.write(
      `[kube-simulator] error: ${message}${
        meta ? ` ${JSON.stringify(meta)}` : ''
      }\n`,
    ),
};
