import {
  diffMembership,
  matchingSegments,
  parseRule,
  RuleParseError,
  segmentLookup,
  segmentSubjectOf,
  type AccountScoreRow,
  type ParsedSegment,
  type SegmentContext,
  type Traits,
} from '@coil/scoring';
import type { SegmentMember } from '../repositories/segment-membership.repository';
import type { SegmentRecord } from '@coil/settings';

export interface SegmentChanges {
  readonly entries: SegmentMember[];
  readonly exits: SegmentMember[];
}

/**
 * Who enters and who leaves each segment, judged on the default profile's fresh scores and
 * the account's traits (read as the workspace's trait types), at `context.now`. Accounts
 * without a score row (outside the profile's filter) are in no segment.
 */
export function segmentChanges(
  segments: readonly SegmentRecord[],
  rows: readonly AccountScoreRow[],
  accountTraits: ReadonlyMap<string, Traits>,
  current: readonly SegmentMember[],
  context: SegmentContext,
): SegmentChanges {
  const parsed = parseSegments(segments);
  const matched = new Map<string, string[]>(parsed.map((segment) => [segment.id, []]));
  for (const row of rows) {
    const accountId = String(row.accountId);
    const lookup = segmentLookup(segmentSubjectOf(row), accountTraits.get(accountId) ?? {}, context);
    for (const segmentId of matchingSegments(parsed, lookup, context.now)) matched.get(segmentId)?.push(accountId);
  }
  const entries: SegmentMember[] = [];
  const exits: SegmentMember[] = [];
  for (const [segmentId, members] of matched) {
    const previous = current.filter((member) => member.segmentId === segmentId).map((member) => member.accountId);
    const diff = diffMembership(previous, members, context.now);
    entries.push(...diff.entered.map((accountId) => ({ segmentId, accountId })));
    exits.push(...diff.left.map((accountId) => ({ segmentId, accountId })));
  }
  return { entries, exits };
}

/** A rule that no longer parses leaves its segment's membership as it was, not the run broken. */
function parseSegments(segments: readonly SegmentRecord[]): ParsedSegment<string>[] {
  return segments.flatMap((segment) => {
    try {
      return [{ id: segment.id, rule: parseRule(segment.rule) }];
    } catch (error) {
      if (error instanceof RuleParseError) return [];
      throw error;
    }
  });
}
