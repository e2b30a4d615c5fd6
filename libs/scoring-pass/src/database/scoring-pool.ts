import { Pool } from 'pg';

/** A short-lived pool for one admin command (CLI): opened, used, always closed. */
export async function withScoringPool<T>(databaseUrl: string, work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}
