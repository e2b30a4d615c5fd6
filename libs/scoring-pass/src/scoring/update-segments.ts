import type { AccountScoreRow, Traits } from '@coil/scoring';
import type { ScoringWrites } from '../repositories/scoring-repositories';
import { segmentChanges, type SegmentChanges } from './segment-changes';

/** Re-evaluates every segment of the workspace and records who entered and who left, at `now`. */
export async function updateSegments(
  { segments, segmentMemberships }: Pick<ScoringWrites, 'segments' | 'segmentMemberships'>,
  workspaceId: string,
  rows: readonly AccountScoreRow[],
  accountTraits: ReadonlyMap<string, Traits>,
  now: Date,
): Promise<SegmentChanges> {
  await segments.ensureBuiltins(workspaceId);
  const [definitions, current] = await Promise.all([segments.list(workspaceId), segmentMemberships.current(workspaceId)]);
  const changes = segmentChanges(definitions, rows, accountTraits, current, now);
  await segmentMemberships.recordExits(workspaceId, changes.exits, now);
  await segmentMemberships.recordEntries(workspaceId, changes.entries, now);
  return changes;
}
