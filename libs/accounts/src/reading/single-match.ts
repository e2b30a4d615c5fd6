import { CoilError } from '@coil/domain';
import { notFound } from '../auth/read-access';
import type { Lookup } from '../query/query-validator';
import { MAX_MATCH_CANDIDATES } from '../repositories/account-lookup.repository';

/** The one row a lookup names: 404 for none, 409 ambiguous_match listing candidate ids for several. */
export function singleMatch<R extends { id: string }>(rows: readonly R[], lookup: Lookup, noun: string): R {
  if (rows.length === 0) throw notFound();
  if (rows.length === 1) return rows[0];
  const field = lookup.kind === 'match' ? lookup.field : 'id';
  return ambiguous(
    rows.slice(0, MAX_MATCH_CANDIDATES).map((row) => row.id),
    rows.length > MAX_MATCH_CANDIDATES,
    noun,
    field,
  );
}

function ambiguous(candidateIds: string[], more: boolean, noun: string, field: string): never {
  const count = more ? `More than ${candidateIds.length}` : String(candidateIds.length);
  throw new CoilError(
    'conflict',
    'ambiguous_match',
    `${count} ${noun}s match this ${field}; repeat the request with id set to one of details.candidate_ids`,
    {
      candidate_ids: candidateIds,
      more_candidates: more,
    },
  );
}
