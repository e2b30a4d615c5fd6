import { LOOKUP_PARAMETERS, unknownProfile } from '@coil/accounts';
import { CoilError } from '@coil/domain';
import { ApiErrorResponses } from '@coil/http';

/** Every example is the body the error filter sends for that CoilError. */
const EXAMPLES: Record<number, Record<string, CoilError>> = {
  400: {
    missing_lookup_parameter: new CoilError('bad_request', 'missing_lookup_parameter', 'At least one lookup parameter is required', {
      available_parameters: LOOKUP_PARAMETERS,
    }),
    missing_workspace_id: new CoilError('bad_request', 'missing_workspace_id', 'workspace_id is required', { parameter: 'workspace_id' }),
    invalid_parameter: new CoilError('bad_request', 'invalid_parameter', 'id must be a numeric account id', {
      parameter: 'id',
      reason: 'must be a numeric account id',
    }),
    unknown_profile: unknownProfile('paid only', ['default', 'admins']),
  },
  401: { unauthorized: new CoilError('unauthorized', 'unauthorized', 'Invalid or expired token') },
  404: { not_found: new CoilError('not_found', 'not_found', 'Resource not found') },
  409: {
    ambiguous_match: new CoilError(
      'conflict',
      'ambiguous_match',
      '2 accounts match this domain; repeat the request with id set to one of details.candidate_ids',
      {
        candidate_ids: ['456', '789'],
        more_candidates: false,
      },
    ),
  },
  429: { rate_limited: new CoilError('rate_limited', 'rate_limited', 'Too many requests for this token', { retry_after_seconds: 1 }) },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Missing workspace_id, missing lookup parameter, or an invalid parameter (details.parameter names it; an unknown profile lists details.available)',
  401: 'Missing, unknown or revoked bearer token',
  404: 'No such account or user, or a token of another workspace',
  409: 'Several records match match_type/match_value; details.candidate_ids lists them',
  429: 'Rate limit of the token exceeded; retry after the Retry-After header',
};

/** The error responses of a read endpoint, with the exact bodies as examples. */
export function ApiReadErrors(statuses: readonly number[]): MethodDecorator {
  return ApiErrorResponses(statuses.map((status) => ({ status, description: DESCRIPTIONS[status], examples: EXAMPLES[status] })));
}
