import fs from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

// swagger-ui-dist ships with @nestjs/swagger. Only its files' place is wanted: importing the
// package evaluates its browser bundle in the server, some 20 MB of heap for nothing.
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

/**
 * Swagger UI at /docs, loading /docs-json. Served with plain routes rather than Nest's
 * static-assets path: that one needs @fastify/static, which pulls an ES-module-only
 * dependency Jest on Node 20 cannot load, and apps are driven in-process by the tests.
 */
export function serveSwaggerUi(app: NestFastifyApplication, title: string): void {
  const fastify = app.getHttpAdapter().getInstance();
  const page = swaggerPage(title);
  fastify.get('/docs', (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get('/docs/swagger-ui-init.js', (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').send("window.ui = SwaggerUIBundle({ url: '/docs-json', dom_id: '#swagger-ui' });"),
  );
  for (const [file, type] of Object.entries(ASSETS)) {
    const filePath = path.join(SWAGGER_UI_DIR, file);
    fastify.get(`/docs/${file}`, (_request, reply) => reply.type(type).send(fs.createReadStream(filePath)));
  }
}

function swaggerPage(title: string): string {
  const escaped = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escaped}</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script><script src="/docs/swagger-ui-init.js"></script>
</body></html>`;
}
