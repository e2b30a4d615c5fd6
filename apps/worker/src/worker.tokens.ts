export const REDIS = Symbol('REDIS');
export const PG_POOL = Symbol('PG_POOL');
export const LOGGER = Symbol('LOGGER');
export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');
export const COIL_CONFIG = Symbol('COIL_CONFIG');
export const SCORING_POOL = Symbol('SCORING_POOL');
export const SCORING_QUEUE_TOKEN = Symbol('SCORING_QUEUE');

export interface WorkerSettings {
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
  /** New events gather this long before their workspace is rescored. */
  rescoreDelayMs: number;
}
