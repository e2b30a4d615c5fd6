import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { errorAnswer } from './error-response';

/** The one place where an error becomes an HTTP answer, for errors thrown inside handlers. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = errorAnswer(error, this.logger);
    void reply.status(response.status).headers(response.headers).send(response.body);
  }
}
