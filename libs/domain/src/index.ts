export * from './ingest-event';
export * from './errors';
