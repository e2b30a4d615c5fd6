import { recreateDatabase as recreate } from '@coil/database';

export function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/coil');
  url.pathname = `/${name}`;
  return url.toString();
}

/** A scratch database from nothing, so a run never depends on what an earlier one left. */
export async function recreateDatabase(name: string): Promise<string> {
  const url = databaseUrl(name);
  await recreate(url);
  return url;
}
