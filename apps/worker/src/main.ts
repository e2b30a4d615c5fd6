import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@coil/http';
import { createLogger, loadConfig, startProcess, type CoilConfig } from '@coil/platform';
import { WorkerModule } from './worker.module';

// The worker's HTTP side only serves health and metrics.
const MAX_BODY_BYTES = 1024;

/** Starts the worker: consumes the ingest queue and serves /healthz, /readyz, /metrics on WORKER_PORT. */
export async function bootstrapWorker(config: CoilConfig = loadConfig()): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel, 'worker');
  const module = WorkerModule.forRoot(config, logger);
  const app = await createHttpApp(module, { logger, maxBodyBytes: MAX_BODY_BYTES });
  await app.listen(config.workerPort, '0.0.0.0');
  return app;
}

if (require.main === module) startProcess(() => bootstrapWorker());
