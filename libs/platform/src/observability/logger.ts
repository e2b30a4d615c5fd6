import pino, { type DestinationStream, type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';

// Where a credential can sit in a logged object: at the top, one level down (`body.api_key`,
// `headers.authorization`) or two (`req.headers.authorization`, `request.body.writeKey`).
const CREDENTIAL_FIELDS = ['authorization', 'api_key', 'writeKey', 'apiKey', 'api_token', 'token'];
const REDACTED_PATHS = CREDENTIAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/**
 * Structured JSON logs. Anything that may carry a credential is redacted by path, so a key or
 * token never reaches a log line even when a request object is logged by mistake.
 * `destination` defaults to stdout, written synchronously; tests pass a stream to read what was written.
 */
export function createLogger(level: string, name: string, destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    base: { service: name },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  // Synchronous stdout: a process that leaves by a re-raised SIGTERM never runs pino's exit flush,
  // and under load its last lines (the shutdown's) were lost. Nothing logs per request, so the
  // cost is a few writes per process lifetime plus warnings.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/** Lets Nest's own messages go through the same JSON logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

/** The part of pino's Logger that platform classes write to, so that specs pass a plain object. */
export interface StructuredLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
