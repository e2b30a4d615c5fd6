import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type CoilConfig } from '@coil/platform';
import { createHttpApp } from '@coil/http';
import { MAX_BODY_BYTES } from '@coil/domain';
import { createLogger } from '@coil/platform';
import { setupOpenApi } from '@coil/http';
import { IngestModule } from './ingest.module';

/** Builds the ingest app without listening, so tests can drive it in-process. */
export async function bootstrapIngest(config: CoilConfig = loadConfig()): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel, 'ingest');
  const app = await createHttpApp(IngestModule.forRoot(config), { logger, maxBodyBytes: MAX_BODY_BYTES });
  setupOpenApi(app, {
    title: 'Coil ingest API',
    description: 'Accoil (REST v2 and legacy v1), Segment (destination and HTTP API) and Amplitude compatible event ingestion.',
    version: '1',
    auth: ['basic'],
  });
  await app.init();
  return app;
}

if (require.main === module) {
  const config = loadConfig();
  void bootstrapIngest(config).then((app) => app.listen(config.ingestPort, '0.0.0.0'));
}
