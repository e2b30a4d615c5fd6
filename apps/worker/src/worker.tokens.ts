export const REDIS = Symbol('REDIS');
export const PG_POOL = Symbol('PG_POOL');
export const LOGGER = Symbol('LOGGER');
export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');

export interface WorkerSettings {
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
}
