import { Client } from 'pg';

/** A throwaway database beside the test one, for tests that need to start from nothing. */
export function temporaryDatabaseUrl(baseUrl: string, suffix: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/coil_tmp_${suffix}_${process.pid}`;
  return url.toString();
}

export { dropDatabase } from '@coil/database';

export async function queryDatabase<Row extends Record<string, unknown>>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
