import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, enableCors, FastRoutes, setupOpenApi } from '@coil/http';
import { MAX_BODY_BYTES } from '@coil/domain';
import { createLogger, loadConfig, startProcess, type CoilConfig } from '@coil/platform';
import { mountFastIngestRoutes } from './fast-ingest-routes';
import { IngestHandler } from './ingest-handler';
import { IngestModule } from './ingest.module';

/** Builds the ingest app without listening, so tests can drive it in-process. */
export async function bootstrapIngest(config: CoilConfig = loadConfig()): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel, 'ingest');
  const fastRoutes = new FastRoutes({ maxBodyBytes: MAX_BODY_BYTES, logger });
  const app = await createHttpApp(IngestModule.forRoot(config, logger), { logger, maxBodyBytes: MAX_BODY_BYTES, fastRoutes });
  // Pages send from their own origin (docs/ingest.md, "From a web page"): analytics.js posts with
  // Authorization and X-Retry-Count, so browsers preflight.
  await enableCors(app, {
    origins: config.ingestCorsOrigins,
    methods: ['POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-retry-count'],
  });
  setupOpenApi(app, {
    title: 'Coil ingest API',
    description:
      'Accoil (REST v2 and legacy v1), Segment (destination, HTTP API and analytics.js) and Amplitude (HTTP API v2, Batch, Identify, Group Identify) compatible event ingestion.',
    version: '1',
    auth: ['basic'],
  });
  await app.init();
  mountFastIngestRoutes(fastRoutes, app.get(IngestHandler));
  return app;
}

if (require.main === module) {
  startProcess(async () => {
    const config = loadConfig();
    const app = await bootstrapIngest(config);
    await app.listen(config.ingestPort, '0.0.0.0');
  });
}
