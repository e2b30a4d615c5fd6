type Env = Record<string, string | undefined>;

/** How the worker holds its jobs; only tests and unusual deployments change these. */
export interface QueueOptions {
  /** A job whose worker died is handed out again this long after its last lock renewal. */
  lockDurationMs: number;
}

export function loadQueueOptions(env: Env = process.env): QueueOptions {
  const raw = env.WORKER_LOCK_DURATION_MS;
  const lockDurationMs = raw === undefined || raw === '' ? 30_000 : Number(raw);
  if (!Number.isInteger(lockDurationMs) || lockDurationMs < 1000) {
    throw new Error(`WORKER_LOCK_DURATION_MS must be an integer >= 1000, got "${raw}"`);
  }
  return { lockDurationMs };
}
