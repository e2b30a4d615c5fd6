export { setupOpenApi, type OpenApiOptions } from './setup-open-api';
export { ApiErrorResponses, type ErrorResponseDoc } from './error-responses';
