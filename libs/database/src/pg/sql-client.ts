import type { QueryResult, QueryResultRow } from 'pg';

/** What repositories need from node-postgres: a pool, or a client inside a transaction. */
export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
