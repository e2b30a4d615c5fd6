import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { PinoNestLogger } from '@coil/platform';
import { ErrorFilter } from './error.filter';
import { installJsonBodyParser } from './body/fastify-body-parser';
import type { FastRoutes } from './fast-routes/fast-routes';

export interface HttpAppOptions {
  logger: Logger;
  maxBodyBytes: number;
  /** Routes served ahead of the framework on the same port (the ingest's). */
  fastRoutes?: FastRoutes;
}

/** A Nest app on Fastify with our body parser and error shape on every path. */
export async function createHttpApp(module: unknown, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.maxBodyBytes,
    trustProxy: true,
    ...(options.fastRoutes ? { serverFactory: options.fastRoutes.serverFactory } : {}),
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    bodyParser: false,
    logger: new PinoNestLogger(options.logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  installJsonBodyParser(fastify, options.maxBodyBytes);
  app.useGlobalFilters(new ErrorFilter(options.logger));
  app.enableShutdownHooks();
  return app;
}
