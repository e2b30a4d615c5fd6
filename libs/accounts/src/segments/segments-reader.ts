import type { SegmentRecord, SegmentRepository } from '@coil/settings';
import { daysOfRange, lastDays } from '../history/history-reader';
import type { DayRange } from '../history/score-history.repository';
import type { SegmentDay, SegmentHistoryRepository } from './segment-history.repository';
import type { SegmentsQuery } from './segments-query';

export interface SegmentView {
  id: string;
  name: string;
  rule: string;
  builtin: boolean;
  /** Accounts in the segment now (a stay not left); list them with /v1/accounts/list?segment=<id>. */
  members: number;
  history: SegmentDay[];
}

export interface SegmentsBody {
  segments: SegmentView[];
}

/** GET /v1/segments: the settings' segments with their current members, and a member count per UTC day. */
export class SegmentsReader {
  constructor(
    private readonly segments: Pick<SegmentRepository, 'list'>,
    private readonly history: Pick<SegmentHistoryRepository, 'daily'>,
    private readonly now: () => Date,
  ) {}

  async list(query: SegmentsQuery): Promise<SegmentsBody> {
    const range = lastDays(this.now(), query.days);
    const segments = await this.segments.list(query.workspaceId);
    const histories = new Map((await this.history.daily(query.workspaceId, range)).map((history) => [history.segmentId, history.points]));
    return {
      segments: [...segments].sort(byName).map((segment) => ({
        id: segment.id,
        name: segment.name,
        rule: segment.rule,
        builtin: segment.builtin,
        members: segment.members,
        // Deleted between the two reads: it had no stays left to count.
        history: histories.get(segment.id) ?? emptyDays(range),
      })),
    };
  }
}

/** Code point order, the same on every machine. */
function byName(a: SegmentRecord, b: SegmentRecord): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function emptyDays(range: DayRange): SegmentDay[] {
  return daysOfRange(range).map((day) => ({ day, members: 0 }));
}
