import type { Pool, PoolClient } from 'pg';
import type { SqlClient } from './pool';

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

/**
 * One transaction over a bundle of repositories: services ask for `run` and get the bundle bound
 * to the transaction's client, so they never see a pool, a client or SQL.
 */
export interface UnitOfWork<R> {
  run<T>(work: (repositories: R) => Promise<T>): Promise<T>;
}

export class PgUnitOfWork<R> implements UnitOfWork<R> {
  constructor(
    private readonly pool: Pool,
    private readonly bind: (db: SqlClient) => R,
  ) {}

  run<T>(work: (repositories: R) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) => work(this.bind(client)));
  }
}

/**
 * The public methods of a repository class: what a bundle hands to services and what a fake in a
 * unit spec implements (a class type with a private field admits only its own instances).
 */
export type RepositoryShape<T> = { [K in keyof T]: T[K] };

/** For unit specs with fake repositories: runs the work on the given bundle, no transaction. */
export function unitOfWorkOver<R>(repositories: R): UnitOfWork<R> {
  return { run: (work) => work(repositories) };
}
