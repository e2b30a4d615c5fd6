export * from './ingest-event';
export * from './errors';
export * from './ingest/ingest-routes';
export * from './ingest/ingest-limits';
export * from './ingest/normalize-result';
export { normalizeRequest } from './ingest/normalize-request';
export { extractBodyKey } from './ingest/auth/extract-body-key';
export { parseAuthorizationHeader } from './ingest/auth/parse-authorization-header';
export { parseId, parseWorkspaceId } from './ids';
