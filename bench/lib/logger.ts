import type { LoggerService } from '@backstage/backend-plugin-api';

/** A LoggerService for benches: warnings and errors to stderr, the rest dropped. */
export function benchLogger(): LoggerService {
  const logger: LoggerService = {
    error: message => console.error(`error: ${message}`),
    warn: message => console.error(`warn: ${message}`),
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}
