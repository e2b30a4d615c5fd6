import type { Pool } from 'pg';
import { PgUnitOfWork } from '@coil/database';
import { createScoringReads, createScoringWrites } from './repositories/scoring-repositories';
import { ScoringRunner } from './scoring/scoring-runner';

/**
 * Wires a runner to PostgreSQL: reads straight on the pool (a run needs a few connections to read
 * in parallel), writes in one transaction.
 */
export function createScoringRunner(pool: Pool): ScoringRunner {
  return new ScoringRunner(createScoringReads(pool), new PgUnitOfWork(pool, createScoringWrites));
}
