import type { AccountScoreRow, Traits } from '@coil/scoring';
import type { SqlClient } from '@coil/database';
import { SegmentMembershipRepository } from '../repositories/segment-membership.repository';
import { SegmentRepository } from '@coil/settings';
import { segmentChanges, type SegmentChanges } from './segment-changes';

/** Re-evaluates every segment of the workspace and records who entered and who left, at `now`. */
export async function updateSegments(
  db: SqlClient,
  workspaceId: string,
  rows: readonly AccountScoreRow[],
  accountTraits: ReadonlyMap<string, Traits>,
  now: Date,
): Promise<SegmentChanges> {
  const segments = new SegmentRepository(db);
  const memberships = new SegmentMembershipRepository(db);
  await segments.ensureBuiltins(workspaceId);
  const [definitions, current] = await Promise.all([segments.list(workspaceId), memberships.current(workspaceId)]);
  const changes = segmentChanges(definitions, rows, accountTraits, current, now);
  await memberships.recordExits(workspaceId, changes.exits, now);
  await memberships.recordEntries(workspaceId, changes.entries, now);
  return changes;
}
