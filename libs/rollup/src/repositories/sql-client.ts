import type { QueryResult, QueryResultRow } from 'pg';

/** The one thing repositories need from node-postgres: a client inside the job's transaction. */
export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
