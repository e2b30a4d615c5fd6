import { draftSignal, type SignalDraft } from '../signal-draft';

export interface SegmentMove {
  readonly segmentId: string;
  readonly accountId: string;
}

export interface SegmentSignalsInput {
  readonly workspaceId: string;
  /** When the memberships were entered and left (the run's time). */
  readonly at: Date;
  /** Segment names by id. */
  readonly segments: ReadonlyMap<string, string>;
  readonly entries: readonly SegmentMove[];
  readonly exits: readonly SegmentMove[];
}

/**
 * segment_exited then segment_entered for accounts whose membership changed. The transition
 * is the membership's entered or exited time plus the segment, as stored in segment_memberships.
 */
export function segmentSignals(input: SegmentSignalsInput): SignalDraft[] {
  const { workspaceId, at, segments } = input;
  const time = at.toISOString();
  const signal = (kind: 'segment_entered' | 'segment_exited', move: SegmentMove): SignalDraft[] => {
    const name = segments.get(move.segmentId);
    if (name === undefined) return [];
    const subject = { type: 'account', id: move.accountId } as const;
    return [draftSignal(workspaceId, kind, subject, `${time}|${move.segmentId}`, at, { segment: { id: move.segmentId, name } })];
  };
  return [
    ...input.exits.flatMap((move) => signal('segment_exited', move)),
    ...input.entries.flatMap((move) => signal('segment_entered', move)),
  ];
}
