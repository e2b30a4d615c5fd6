import type { Pool, QueryResult, QueryResultRow } from 'pg';
import { inTransaction, type SqlClient } from '@coil/database';

/**
 * The pool, with each statement in a transaction of its own that turns PostgreSQL's JIT
 * compilation off. The scoring reads are few large aggregates that run once: profiled on the
 * bench (100,000 accounts), JIT spent 1-4 s per statement compiling and inlining, more than it
 * saved. Every statement still gets a connection of its own, so reads run in parallel.
 */
export function jitFreeClient(pool: Pool): SqlClient {
  return {
    query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
      return inTransaction(pool, async (client) => {
        await client.query('SET LOCAL jit = off');
        return client.query<R>(text, values);
      });
    },
  };
}

/** A transaction's client that turns JIT off (for the rest of the transaction) before its first statement. */
export function withJitOff(db: SqlClient): SqlClient {
  let ready: Promise<unknown> | undefined;
  return {
    async query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
      await (ready ??= db.query('SET LOCAL jit = off'));
      return db.query<R>(text, values);
    },
  };
}
