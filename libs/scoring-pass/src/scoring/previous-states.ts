import type { StoredState } from '../repositories/score-table';
import type { ScoringReads } from '../repositories/scoring-repositories';

/** Every subject's latest stored row of the default profile before a run, by subject id. */
export interface PreviousStates {
  readonly accounts: ReadonlyMap<string, StoredState>;
  readonly users: ReadonlyMap<string, StoredState>;
}

/**
 * What the run's signals are judged against, read before the write transaction (one statement
 * per table). null when the workspace has no baseline yet: the run sets it and signals nothing,
 * so there is nothing to compare.
 */
export async function loadPreviousStates(
  reads: Pick<ScoringReads, 'signalBaseline' | 'accountScores' | 'userScores'>,
  workspaceId: string,
  defaultProfileId: string,
): Promise<PreviousStates | null> {
  const baseline = await reads.signalBaseline.read(workspaceId);
  if (baseline === null || baseline.baselineAt === null) return null;
  const [accounts, users] = await Promise.all([
    reads.accountScores.latestStates(workspaceId, defaultProfileId),
    reads.userScores.latestStates(workspaceId, defaultProfileId),
  ]);
  return { accounts, users };
}
