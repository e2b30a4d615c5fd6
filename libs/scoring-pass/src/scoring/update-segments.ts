import type { AccountScoreRow, SegmentContext, Traits } from '@coil/scoring';
import type { ScoringWrites } from '../repositories/scoring-repositories';
import { segmentChanges, type SegmentChanges } from './segment-changes';

/**
 * Re-evaluates every segment of the workspace and records who entered and who left, at
 * `context.now`. A workspace that never had the suggested segments gets them first.
 */
export async function updateSegments(
  { segments, segmentMemberships }: Pick<ScoringWrites, 'segments' | 'segmentMemberships'>,
  workspaceId: string,
  rows: readonly AccountScoreRow[],
  accountTraits: ReadonlyMap<string, Traits>,
  context: SegmentContext,
): Promise<SegmentChanges> {
  await segments.ensureSuggested(workspaceId);
  const [definitions, current] = await Promise.all([segments.list(workspaceId), segmentMemberships.current(workspaceId)]);
  const changes = segmentChanges(definitions, rows, accountTraits, current, context);
  await segmentMemberships.recordExits(workspaceId, changes.exits, context.now);
  await segmentMemberships.recordEntries(workspaceId, changes.entries, context.now);
  return changes;
}
