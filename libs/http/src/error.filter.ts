import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { toErrorResponse } from './error-response';

/** The one place where an error becomes an HTTP answer, for errors thrown inside handlers. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = toErrorResponse(error);
    if (response.status >= 500) this.logger.error({ err: error }, 'request failed');
    void reply.status(response.status).headers(response.headers).send(response.body);
  }
}
