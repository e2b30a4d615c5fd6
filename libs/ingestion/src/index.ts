export { EventBatcher, type BatcherOptions } from './event-batcher';
export { BullBatchWriter, INGEST_JOB_OPTIONS, INGEST_QUEUE, type BatchWriter } from './queue-writer';
export { IngestService, type IngestKeyResolver, type IngestOutcome, type IngestRequest } from './ingest.service';
export { analyticsJsSettings, type IngestOrigin } from './analytics-js-settings';
