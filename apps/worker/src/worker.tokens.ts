import type { WorkerOptions } from 'bullmq';

export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');
/**
 * Scoring's own PostgreSQL pool and Redis connection: a scoring run holds several connections
 * for seconds, and a BullMQ worker's blocking fetch holds its connection, so sharing either with
 * the roll-up would make one wait behind the other.
 */
export const SCORING_POOL = Symbol('SCORING_POOL');
export const SCORING_REDIS = Symbol('SCORING_REDIS');
export const SCORING_QUEUE_TOKEN = Symbol('SCORING_QUEUE');

export interface WorkerSettings {
  prefix: string;
  concurrency: number;
  /**
   * Every queue worker's lock (renewed by a timer every half of it, so a slow statement keeps
   * it) and its check for jobs whose lock expired: a killed worker's jobs run again within the sum.
   */
  stalledJobs: Required<Pick<WorkerOptions, 'lockDuration' | 'stalledInterval'>>;
  /** New events gather this long before their workspace is rescored. */
  rescoreDelayMs: number;
}

/** Delivery's own pool and BullMQ connection: its sends must not wait behind roll-ups or scoring. */
export const DELIVERY_POOL = Symbol('DELIVERY_POOL');
export const DELIVERY_REDIS = Symbol('DELIVERY_REDIS');
export const DELIVERY = Symbol('DELIVERY');
