import { Client, escapeIdentifier } from 'pg';

const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';
// Two concurrent CREATE DATABASE of one name: the loser may hit the catalog's unique index.
const UNIQUE_VIOLATION = '23505';

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  return name;
}

function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/** Connecting first means a role that may not open `postgres` still migrates an existing database. */
async function databaseExists(databaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (errorCode(error) === INVALID_CATALOG_NAME) return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database named by the URL when it does not exist yet; returns whether it did. */
export async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  if (await databaseExists(databaseUrl)) return false;
  const client = new Client({ connectionString: maintenanceUrl(databaseUrl) });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${escapeIdentifier(databaseName(databaseUrl))}`);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return false;
    throw error;
  } finally {
    await client.end();
  }
}

/** Drops the database named by the URL, closing its connections; nothing when it is absent. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl(databaseUrl) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(databaseName(databaseUrl))} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
