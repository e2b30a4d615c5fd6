import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type CoilConfig } from '@coil/config';
import { createHttpApp } from '@coil/http';
import { createLogger } from '@coil/observability';
import { ApiModule } from './api.module';

/** Builds the read API without listening, so tests can drive it in-process. */
export async function bootstrapApi(config: CoilConfig = loadConfig()): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel, 'api');
  const app = await createHttpApp(ApiModule.forRoot(config), { logger, maxBodyBytes: 64 * 1024 });
  await app.init();
  return app;
}

if (require.main === module) {
  const config = loadConfig();
  void bootstrapApi(config).then((app) => app.listen(config.apiPort, '0.0.0.0'));
}
