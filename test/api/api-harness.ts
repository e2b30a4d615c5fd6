import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import IORedis from 'ioredis';
import { bootstrapApi } from '../../apps/api/src/main';
import type { ApiOptions } from '../../apps/api/src/api-options';
import { loadConfig, type CoilConfig } from '@coil/platform';
import { createPgPool, createPrismaClient, type PrismaClient } from '@coil/database';
import { createWorkspaceAdmin, type CreatedWorkspace, type WorkspaceAdmin } from '@coil/workspaces';

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Record<string, unknown>;
}

export interface ApiHarness {
  app: NestFastifyApplication;
  prisma: PrismaClient;
  admin: WorkspaceAdmin;
  workspace: CreatedWorkspace;
  cacheKeyPrefix: string;
  /** GET with the workspace's read token unless `token` says otherwise (null: no header). */
  get(path: string, token?: string | null): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** The api in-process with its own cache prefix and a fresh workspace. */
export async function startApi(
  options: Partial<ApiOptions> = {},
  apiRateLimit = 10_000,
  overrides: Partial<CoilConfig> = {},
): Promise<ApiHarness> {
  const config: CoilConfig = { ...loadConfig(), queuePrefix: `test-${randomUUID()}`, apiRateLimit, ...overrides };
  const cacheKeyPrefix = `${config.queuePrefix}:read`;
  const prisma = createPrismaClient(config.databaseUrl, 2);
  const pool = createPgPool(config.databaseUrl, { max: 1 });
  const admin = createWorkspaceAdmin(pool);
  const workspace = await admin.createWorkspace(`api-test-${randomUUID()}`);
  const app = await bootstrapApi(config, { ...options, cacheKeyPrefix });
  return {
    app,
    prisma,
    admin,
    workspace,
    cacheKeyPrefix,
    async get(path, token = workspace.api_token) {
      const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
      const response = await app.inject({ method: 'GET', url: path, headers });
      return { status: response.statusCode, headers: response.headers, body: response.json<Record<string, unknown>>() };
    },
    async close() {
      await app.close();
      await deleteKeys(config.redisUrl, `${cacheKeyPrefix}:*`);
      await Promise.all([prisma.$disconnect(), pool.end()]);
    },
  };
}

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new IORedis(redisUrl);
  const keys = await redis.keys(pattern);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

interface Paged {
  next_cursor: string | null;
  _links: { next: { href: string } | null };
}

/** Every item of a keyset listing, following `_links.next` from `first`: each page answers 200 and links on exactly when it has a cursor. */
export async function readPages<P extends Paged, T>(
  api: Pick<ApiHarness, 'get'>,
  first: string,
  itemsOf: (page: P) => T[],
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let path: string | null = first;
  let pages = 0;
  while (path) {
    const response = await api.get(path);
    expect(response.status).toBe(200);
    const page = response.body as unknown as P;
    expect(page.next_cursor === null).toBe(page._links.next === null);
    items.push(...itemsOf(page));
    path = page._links.next?.href ?? null;
    pages += 1;
  }
  return { items, pages };
}
