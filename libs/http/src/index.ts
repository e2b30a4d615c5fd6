export { createHttpApp, type HttpAppOptions } from './create-http-app';
export { httpStatusOf, toErrorResponse, type ErrorResponse } from './error-response';
export { bodyBytes, bodyFormat } from './body/fastify-body-parser';
export type { BodyFormat } from './body/parse-body';
export { FastRoutes, type FastHandler, type FastReply, type FastRequest } from './fast-routes/fast-routes';
export { CORS_MAX_AGE_SECONDS, enableCors, type CorsOrigins, type CorsPolicy } from './cors';
export { RateLimiter } from './rate-limiter';
export { setupOpenApi, type OpenApiOptions } from './openapi/setup-open-api';
export { ApiErrorResponses, type ErrorResponseDoc } from './openapi/error-responses';
