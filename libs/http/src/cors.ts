import fastifyCors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** `*` (any origin) or the exact origins allowed; an empty list leaves the app closed to other origins. */
export type CorsOrigins = '*' | readonly string[];

export interface CorsPolicy {
  origins: CorsOrigins;
  /** Methods a preflight allows (Access-Control-Allow-Methods). */
  methods: readonly string[];
  /** Request headers a preflight allows (Access-Control-Allow-Headers), lower case. */
  allowedHeaders: readonly string[];
}

/** Chromium caps a preflight's cache at 2 hours; asking for more changes nothing. */
export const CORS_MAX_AGE_SECONDS = 7200;

/**
 * Answers preflights (204) and sets Access-Control-Allow-Origin on every answer, errors included:
 * the plugin's onRequest hook runs before body parsing, authentication and the error filter, so
 * a 400, 401, 413, 429 or 503 is readable by the page too. Call before app.init(). Without
 * origins nothing is registered: preflights get the 404 of an unknown route and no answer
 * carries CORS headers.
 */
export async function enableCors(app: NestFastifyApplication, policy: CorsPolicy): Promise<void> {
  if (policy.origins !== '*' && policy.origins.length === 0) return;
  await app.register(fastifyCors, {
    origin: policy.origins === '*' ? '*' : [...policy.origins],
    methods: [...policy.methods],
    allowedHeaders: [...policy.allowedHeaders],
    maxAge: CORS_MAX_AGE_SECONDS,
    // Cookies are never read: write keys and read tokens travel in headers or the body.
    credentials: false,
  });
}
