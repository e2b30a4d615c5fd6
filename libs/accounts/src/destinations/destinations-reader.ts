import type { DestinationListRepository, LastAttempt } from './destination-list.repository';
import type { DestinationsQuery } from './destinations-query';
import { redactUrl } from './redact-url';

/** One destination as the dashboard shows it; never a secret (signing secret, token, Slack URL). */
export interface DestinationView {
  id: string;
  type: string;
  /** Redacted: a Slack URL's last segment, any password and query values are `***`. */
  url: string;
  /** null: every kind. */
  kinds: string[] | null;
  /** null: any account. */
  segments: string[] | null;
  /** Slack digest interval; null: one message per signal. */
  digest_seconds: number | null;
  enabled: boolean;
  disabled_reason: string | null;
  failing_since: string | null;
  created_at: string;
  last_attempt: LastAttempt | null;
  /** Deliveries waiting to be sent (or retried). */
  pending: number;
}

export interface DestinationsBody {
  destinations: DestinationView[];
}

/** GET /v1/destinations: read-only, for the dashboard; the CLI configures destinations. */
export class DestinationsReader {
  constructor(private readonly destinations: Pick<DestinationListRepository, 'list'>) {}

  async list(query: DestinationsQuery): Promise<DestinationsBody> {
    const rows = await this.destinations.list(query.workspaceId);
    return {
      destinations: rows.map((row) => ({
        id: row.id,
        type: row.type,
        url: redactUrl(row.type, row.url),
        kinds: row.kinds,
        segments: row.segments,
        digest_seconds: row.digestSeconds,
        enabled: row.enabled,
        disabled_reason: row.disabledReason,
        failing_since: row.failingSince,
        created_at: row.createdAt,
        last_attempt: row.lastAttempt,
        pending: row.pending,
      })),
    };
  }
}
