import { CoilError } from '@coil/domain';
import { SIGNAL_KINDS, type SignalKind } from '@coil/signals';
import { CURSOR, NUMERIC_ID_PATTERN, pageSizeOf, pageSizeParameter, WORKSPACE_ID, type QuerySpec } from '../query/query-spec';
import { compileQueryValidator } from '../query/query-validator';
import { decodeSignalCursor, type SignalCursor } from './signal-cursor';

const KIND = `(?:${SIGNAL_KINDS.join('|')})`;

export const SIGNALS_QUERY: QuerySpec = {
  lookup: false,
  parameters: {
    workspace_id: WORKSPACE_ID,
    since: {
      // A zone's `+` left unencoded in a URL arrives as a space: read as what was meant.
      schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?(?:Z|[+ -]\\d{2}:\\d{2}))?$' },
      description: 'Only signals that occurred at or after this ISO 8601 time (a date alone is its UTC midnight)',
      expected: 'must be an ISO 8601 date or date-time with a zone, e.g. 2025-09-21T10:00:00Z',
      example: '2025-09-21T00:00:00Z',
    },
    kind: {
      schema: { type: 'string', pattern: `^${KIND}(?:,${KIND})*$` },
      description: `Comma list of signal kinds to keep: ${SIGNAL_KINDS.join(', ')} (default: every kind)`,
      expected: `must be a comma list of ${SIGNAL_KINDS.join(', ')}`,
      example: 'segment_entered,segment_exited',
    },
    account_id: {
      schema: { type: 'string', pattern: NUMERIC_ID_PATTERN },
      description: "Only this account's signals: its internal id, as `id` of /v1/accounts and `subject.id` of a signal",
      expected: 'must be a numeric account id',
      example: '456',
    },
    limit: pageSizeParameter('Signals'),
    cursor: CURSOR,
  },
};

export interface SignalsQuery {
  workspaceId: string;
  since: Date | null;
  /** null: every kind. */
  kinds: SignalKind[] | null;
  accountId: string | null;
  limit: number;
  after: SignalCursor | null;
}

type RawSignalsQuery = { workspace_id: string; since?: string; kind?: string; account_id?: string; limit?: string; cursor?: string };

const validateSignalsQuery = compileQueryValidator<RawSignalsQuery>(SIGNALS_QUERY);

/** The query string of GET /v1/signals, validated; throws a 400 naming the parameter. */
export function parseSignalsQuery(query: unknown): SignalsQuery {
  const raw = validateSignalsQuery(query);
  return {
    workspaceId: raw.workspace_id,
    since: raw.since === undefined ? null : parseSince(raw.since),
    kinds: raw.kind === undefined ? null : [...new Set(raw.kind.split(',') as SignalKind[])],
    accountId: raw.account_id ?? null,
    limit: pageSizeOf(raw.limit),
    after: raw.cursor === undefined ? null : decodeSignalCursor(raw.cursor),
  };
}

/** The pattern admits 2025-02-30 and 25:00, which Date rolls over or refuses: both are a 400. */
function parseSince(text: string): Date {
  const time = new Date(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', '+'));
  const day = text.slice(0, 10);
  if (Number.isNaN(time.getTime()) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    const reason = SIGNALS_QUERY.parameters.since.expected;
    throw new CoilError('bad_request', 'invalid_parameter', `since ${reason}`, { parameter: 'since', reason });
  }
  return time;
}
