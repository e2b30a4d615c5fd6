import { completeSignals } from '@coil/signals';
import type { ScoringWrites } from '../repositories/scoring-repositories';
import type { PreviousStates } from './previous-states';
import { runSignalDrafts, type RunSignalsInput } from './run-signal-drafts';

type SignalWrites = Pick<ScoringWrites, 'signalBaseline' | 'featureFirstUses' | 'segments' | 'signalSubjects' | 'signals'>;

const DAY_MS = 86_400_000;

/**
 * A run's signals, in its write transaction after the scores and segments: records the new
 * first uses of features (from yesterday on; features never scanned over all days, silently),
 * then either sets the baseline silently (the workspace has none, or had none when the run read
 * its previous states) or stores the signals with their deliveries rows; then the retention.
 * Returns how many signals were new.
 */
export async function recordRunSignals(
  writes: SignalWrites,
  input: Omit<RunSignalsInput, 'previous'> & { readonly previous: PreviousStates | null },
): Promise<number> {
  const { workspaceId, now, previous } = input;
  const baseline = await writes.signalBaseline.read(workspaceId);
  const firstUses = await writes.featureFirstUses.recordRecent(workspaceId, new Date(now.getTime() - DAY_MS));
  await writes.featureFirstUses.recordNewFeatures(workspaceId, now);
  let stored = 0;
  if (baseline === null || baseline.baselineAt === null || previous === null) {
    await writes.signalBaseline.set(workspaceId, now);
  } else {
    const { entries, exits } = input.changes;
    const segments = entries.length + exits.length === 0 ? [] : await writes.segments.list(workspaceId);
    const drafts = runSignalDrafts(
      { ...input, previous },
      { threshold: baseline.scoreThreshold, firstUses, segments: new Map(segments.map((segment) => [segment.id, segment.name])) },
    );
    if (drafts.length > 0) {
      const subjects = await writes.signalSubjects.subjects(
        workspaceId,
        drafts.map((draft) => draft.subject),
      );
      stored = await writes.signals.record(workspaceId, completeSignals(drafts, subjects));
    }
  }
  await writes.signals.deleteExpired(workspaceId, now);
  return stored;
}
