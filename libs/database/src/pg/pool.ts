import { Pool, type QueryResult, type QueryResultRow } from 'pg';

/** What repositories need from node-postgres: a pool, or a client inside a transaction. */
export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export interface PgPoolOptions {
  max: number;
  /** An idle client losing its server must not crash the process; the caller logs it. */
  onIdleError?: (error: Error) => void;
}

/** The one way a process opens PostgreSQL: node-postgres with keep-alive and a connect timeout. */
export function createPgPool(databaseUrl: string, options: PgPoolOptions): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max: options.max, connectionTimeoutMillis: 5000, keepAlive: true });
  pool.on('error', options.onIdleError ?? (() => undefined));
  return pool;
}
