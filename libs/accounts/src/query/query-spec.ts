/** One query-string parameter: its JSON schema, its documentation and what a bad value is told. */
export interface QueryParameter {
  schema: { type: 'string'; pattern?: string; minLength?: number; maxLength?: number; enum?: string[] };
  description: string;
  /** Completes "<name> ..." in the 400 invalid_parameter message. */
  expected: string;
  required?: boolean;
  example?: string;
}

/**
 * The parameters of one endpoint: the single source of both validation and the OpenAPI
 * document. `lookup` endpoints need `id` or a `match_type`/`match_value` pair.
 */
export interface QuerySpec {
  parameters: Record<string, QueryParameter>;
  lookup: boolean;
}

export const NUMERIC_ID_PATTERN = '^[1-9][0-9]{0,17}$';

export const WORKSPACE_ID: QueryParameter = {
  schema: { type: 'string', pattern: NUMERIC_ID_PATTERN },
  description: 'The workspace (numeric string); must be the workspace of the bearer token',
  expected: 'must be a numeric workspace id',
  required: true,
  example: '13',
};

/** id and match_type/match_value, shared by /v1/accounts and /v1/users. */
export function lookupParameters(subject: string, matchFields: string): Record<string, QueryParameter> {
  return {
    id: {
      schema: { type: 'string', pattern: NUMERIC_ID_PATTERN },
      description: `Internal ${subject} id; the fastest lookup, wins over match_type/match_value`,
      expected: `must be a numeric ${subject} id`,
      example: '456',
    },
    match_type: {
      schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' },
      description: `Field to match exactly: ${matchFields}, or any stored trait key`,
      expected: 'must be a field or trait name (letters, digits, _ . : -, at most 64)',
      example: 'domain',
    },
    match_value: {
      schema: { type: 'string', minLength: 1, maxLength: 512 },
      description: 'Value the match_type field must equal',
      expected: 'must be a non-empty text of at most 512 characters',
      example: 'techcorp.com',
    },
  };
}

/** The lookup of every endpoint that reads one account. */
export const ACCOUNT_LOOKUP = lookupParameters(
  'account',
  'tracking_id (the groupId sent at ingest), domain, name, intercom_id, salesforce_id',
);

/** The lookup of every endpoint that reads one user. */
export const USER_LOOKUP = lookupParameters('user', 'external_id (the userId sent at ingest), email');

/** A stored profile name: trimmed, 1..200 characters (parseName), and no control characters. */
export const PROFILE: QueryParameter = {
  schema: { type: 'string', pattern: '^[^\\s\\p{Cc}](?:[^\\p{Cc}]{0,198}[^\\s\\p{Cc}])?$' },
  description: 'Scoring profile to read, by name (default: the default profile); an unknown name is a 400 listing the names',
  expected: 'must be a profile name: 1 to 200 characters, no control characters, no surrounding spaces',
  example: 'default',
};

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** `limit` of a keyset listing: 1..500 rows per page. */
export function pageSizeParameter(rows: string): QueryParameter {
  return {
    schema: { type: 'string', pattern: '^(500|[1-4][0-9]{2}|[1-9][0-9]?)$' },
    description: `${rows} per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
    expected: `must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    example: '100',
  };
}

export function pageSizeOf(limit: string | undefined): number {
  return limit === undefined ? DEFAULT_PAGE_SIZE : Number(limit);
}

/** `cursor` of a keyset listing; what it holds is checked when it is decoded. */
export const CURSOR: QueryParameter = {
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,512}$' },
  description: 'next_cursor of the previous page; absent for the first page',
  expected: 'must be a cursor returned by this listing',
};

export const MAX_HISTORY_DAYS = 400;

/** The UTC days a series covers, ending today: 1..400 (history is kept 400 days). */
export function daysParameter(defaultDays: number): QueryParameter {
  return {
    schema: { type: 'string', pattern: '^(400|[1-3][0-9]{2}|[1-9][0-9]?)$' },
    description: `UTC days to cover, ending today, 1 to ${MAX_HISTORY_DAYS} (default ${defaultDays})`,
    expected: `must be a whole number of days from 1 to ${MAX_HISTORY_DAYS}`,
    example: String(defaultDays),
  };
}
