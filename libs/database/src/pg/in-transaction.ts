import type { Pool, PoolClient } from 'pg';

async function rollBack(client: PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` in one transaction. A client whose connection broke (or whose rollback failed) is
 * discarded, not reused.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let reusable = true;
  // A checked-out client losing its server between queries emits 'error'; without a listener
  // that would crash the process instead of failing this job's attempt.
  const onConnectionError = (): void => {
    reusable = false;
  };
  client.on('error', onConnectionError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    reusable = reusable && (await rollBack(client));
    throw error;
  } finally {
    client.off('error', onConnectionError);
    client.release(!reusable);
  }
}
