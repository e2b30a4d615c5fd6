export { createHttpApp, type HttpAppOptions } from './create-http-app';
export { httpStatusOf, toErrorResponse, type ErrorResponse } from './error-response';
export { bodyBytes } from './json-body';
export { RateLimiter } from './rate-limiter';
export { setupOpenApi, type OpenApiOptions } from './openapi/setup-open-api';
export { ApiErrorResponses, type ErrorResponseDoc } from './openapi/error-responses';
