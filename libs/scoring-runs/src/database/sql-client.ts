import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';

/** What repositories need from node-postgres: a pool, or a client inside a transaction. */
export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

async function rollBack(client: PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` in one transaction; a client whose rollback failed is discarded, not reused. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let reusable = true;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    reusable = await rollBack(client);
    throw error;
  } finally {
    client.release(!reusable);
  }
}
