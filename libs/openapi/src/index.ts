export { setupOpenApi, type OpenApiOptions } from './setup-open-api';
