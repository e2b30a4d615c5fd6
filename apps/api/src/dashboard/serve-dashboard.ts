import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { CoilError } from '@coil/domain';

/** Where `npm run build` puts the page: dist/dashboard at the repository (or image) root. */
export function defaultDashboardDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'dashboard');
}

// The page loads only its own bundle and talks only to this origin; uPlot sizes its canvas
// through style attributes, hence 'unsafe-inline' for styles alone.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function setPageHeaders(reply: FastifyReply, file: string): void {
  void reply.headers(PAGE_HEADERS);
  // Hashed file names never change content; index.html must be revalidated to find new ones.
  void reply.header('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
}

/**
 * Serves the built page at / and every client-side route under /app/ with its index.html,
 * beside the API's routes. Without a build the API still runs and / says how to make one.
 */
export async function serveDashboard(app: NestFastifyApplication, dir: string, logger: Logger): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    logger.warn({ dir }, 'dashboard not built: / answers 503 until `npm run build` has run');
    fastify.get('/', () => {
      throw new CoilError('service_unavailable', 'service_unavailable', 'The dashboard is not built: run `npm run build` and restart');
    });
    return;
  }
  // wildcard: false registers a route per built file, so nothing shadows the API's routes.
  await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, cacheControl: false, setHeaders: setPageHeaders });
  const sendPage = (_request: unknown, reply: FastifyReply) => reply.sendFile('index.html');
  fastify.get('/app', sendPage);
  fastify.get('/app/*', sendPage);
}
