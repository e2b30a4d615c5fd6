import type { Pool } from 'pg';
import { PgUnitOfWork } from '@coil/database';
import { jitFreeClient, withJitOff } from './repositories/jit-free-client';
import { createScoringReads, createScoringWrites } from './repositories/scoring-repositories';
import { ScoringRunner } from './scoring/scoring-runner';

/**
 * Wires a runner to PostgreSQL: reads straight on the pool (a run needs a few connections to read
 * in parallel), writes in one transaction; JIT off for both (jit-free-client.ts says why).
 */
export function createScoringRunner(pool: Pool): ScoringRunner {
  return new ScoringRunner(createScoringReads(jitFreeClient(pool)), new PgUnitOfWork(pool, (db) => createScoringWrites(withJitOff(db))));
}
