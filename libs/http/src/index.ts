export { createHttpApp, type HttpAppOptions } from './create-http-app';
export { toErrorResponse, type ErrorResponse } from './error-response';
export { bodyBytes } from './json-body';
