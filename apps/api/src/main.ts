import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, enableCors, setupOpenApi } from '@coil/http';
import { createLogger, loadConfig, startProcess, type CoilConfig } from '@coil/platform';
import type { ApiOptions } from './api-options';
import { ApiModule } from './api.module';
import { defaultDashboardDir, serveDashboard } from './dashboard/serve-dashboard';

/** Builds the read API without listening, so tests can drive it in-process. */
export async function bootstrapApi(config: CoilConfig = loadConfig(), options: Partial<ApiOptions> = {}): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel, 'api');
  const app = await createHttpApp(ApiModule.forRoot(config, logger, options), { logger, maxBodyBytes: 64 * 1024 });
  await enableCors(app, { origins: config.apiCorsOrigins, methods: ['GET', 'OPTIONS'], allowedHeaders: ['authorization'] });
  setupOpenApi(app, {
    title: 'Coil read API',
    description:
      'Accounts, their engagement metrics and optional blocks (traits, segments, insights), and users; daily score history of ' +
      'accounts, users and the workspace; feature use; the signal feed and the state of its destinations. Accoil-compatible GET /v1/accounts.',
    version: '1',
    auth: ['bearer'],
  });
  await serveDashboard(app, options.dashboardDir ?? defaultDashboardDir(), logger);
  await app.init();
  return app;
}

if (require.main === module) {
  startProcess(async () => {
    const config = loadConfig();
    const app = await bootstrapApi(config);
    await app.listen(config.apiPort, '0.0.0.0');
  });
}
