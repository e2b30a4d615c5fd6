import type { Pool } from 'pg';
import { PgUnitOfWork } from '@coil/database';
import { jitFreeClient, withJitOff } from './repositories/jit-free-client';
import { createAccountSourceWrites, createScoringReads, createScoringWrites } from './repositories/scoring-repositories';
import { AccountSourceSync } from './scoring/account-source-sync';
import { ScoringRunner } from './scoring/scoring-runner';

/**
 * Wires a runner to PostgreSQL: reads straight on the pool (a run needs a few connections to read
 * in parallel), writes in one transaction; JIT off for both (jit-free-client.ts says why).
 */
export function createScoringRunner(pool: Pool): ScoringRunner {
  return new ScoringRunner(
    createScoringReads(jitFreeClient(pool)),
    new PgUnitOfWork(pool, (db) => createScoringWrites(withJitOff(db))),
    createAccountSourceSync(pool),
  );
}

/** The account-source sync alone, for `account source`, which applies a new setting at once. */
export function createAccountSourceSync(pool: Pool): AccountSourceSync {
  return new AccountSourceSync(new PgUnitOfWork(pool, createAccountSourceWrites));
}
