export { createHttpApp, type HttpAppOptions } from './create-http-app';
export { httpStatusOf, toErrorResponse, type ErrorResponse } from './error-response';
export { bodyBytes, bodyFormat, type BodyFormat } from './json-body';
export { CORS_MAX_AGE_SECONDS, enableCors, type CorsOrigins, type CorsPolicy } from './cors';
export { RateLimiter } from './rate-limiter';
export { setupOpenApi, type OpenApiOptions } from './openapi/setup-open-api';
export { ApiErrorResponses, type ErrorResponseDoc } from './openapi/error-responses';
