import type { Pool } from 'pg';
import { inTransaction } from './in-transaction';
import type { SqlClient } from './sql-client';

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
