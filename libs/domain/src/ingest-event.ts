/**
 * The one internal event model every client shape is normalised into (docs/ingest.md, "Semantics").
 * Track, page and screen properties never reach it: page and screen arrive here as `track`
 * events named `Viewed {name} Page|Screen`.
 */
export type IngestEventType = 'identify' | 'group' | 'track' | 'alias';

export type Traits = Record<string, unknown>;

export interface IngestEvent {
  type: IngestEventType;
  /** Client messageId / insert_id, or one made at the edge; dedup key within 24 h. */
  messageId: string;
  /** The user: userId when sent, for anonymous-only calls absent (anonymousId is set). */
  userId?: string;
  anonymousId?: string;
  /** Account tracking id (groupId, context.groupId or Amplitude's primary group). */
  groupId?: string;
  /** Track event name; only on `track`. */
  event?: string;
  /** Alias: the id being merged into userId. */
  previousId?: string;
  /** Identify: user traits; group: account traits. `null` values remove a key. */
  traits?: Traits;
  /**
   * Amplitude's `$setOnce`: a key takes the earliest such value sent after its last set or
   * unset, and keeps a value set plainly (the roll-up's per-key clock, so replays and
   * duplicates change nothing). `traits` wins on a shared key.
   */
  traitsIfAbsent?: Traits;
  /** Event time after clock-skew correction and future clamping, ISO-8601 UTC. */
  timestamp: string;
  /** When the ingest received it, ISO-8601 UTC. */
  receivedAt: string;
}

/** One BullMQ job: the events of one workspace accepted together (one request or micro-batch). */
export interface IngestBatch {
  workspaceId: string;
  events: IngestEvent[];
  /** Set by the CLI's `replay` (backfill): its roll-up clears the signals baseline, so old history signals nothing. */
  replay?: boolean;
}
