import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CoilConfig } from '@coil/platform';
import { bootstrapApi } from '../../apps/api/src/main';
import { bootstrapWorker } from '../../apps/worker/src/main';
import { startIngest, type IngestHarness } from './ingest-harness';

/** Ingest, worker and api in this process on one config, and a read token of the ingest's workspace. */
export interface Stack {
  readonly ingest: IngestHarness;
  readonly worker: NestFastifyApplication;
  readonly api: NestFastifyApplication;
  readonly token: string;
  close(): Promise<void>;
}

/** What the end-to-end specs run: the three processes a user starts, with the api's rate limit out of the way. */
export async function startStack(overrides: Partial<CoilConfig> = {}, apiOptions?: Parameters<typeof bootstrapApi>[1]): Promise<Stack> {
  const ingest = await startIngest(overrides);
  const worker = await bootstrapWorker({ ...ingest.config, workerPort: 0 });
  const api = await bootstrapApi({ ...ingest.config, apiRateLimit: 1000 }, apiOptions);
  const token = (await ingest.admin.createToken(ingest.workspaceId)).api_token;
  return {
    ingest,
    worker,
    api,
    token,
    close: async () => {
      await api.close();
      await worker.close();
      await ingest.close();
    },
  };
}
