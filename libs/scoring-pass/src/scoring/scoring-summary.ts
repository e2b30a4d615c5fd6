import { formatUtcDay } from '@coil/scoring';
import type { ProfileScores } from './profile-scores';
import type { SegmentChanges } from './segment-changes';

export interface ProfileRunSummary {
  readonly profile_id: string;
  readonly name: string;
  readonly is_default: boolean;
  readonly window_days: number;
  /** The frame's last UTC day: the period key of the rows written. */
  readonly period: string;
  readonly accounts: number;
  readonly users: number;
  readonly benchmark: number;
}

/** What a run wrote; snake_case because the CLI prints it as JSON. */
export interface ScoringRunSummary {
  readonly workspace_id: string;
  readonly scored_at: string;
  readonly profiles: ProfileRunSummary[];
  readonly segments: { readonly entered: number; readonly left: number };
  /** New signals stored (with their deliveries rows): the worker wakes the delivery when > 0. */
  readonly signals: number;
}

export function summarizeRun(
  workspaceId: string,
  now: Date,
  scores: readonly ProfileScores[],
  changes: SegmentChanges,
  signals: number,
): ScoringRunSummary {
  return {
    workspace_id: workspaceId,
    scored_at: now.toISOString(),
    profiles: scores.map(({ plan, accounts, users }) => ({
      profile_id: plan.profile.id,
      name: plan.profile.name,
      is_default: plan.profile.isDefault,
      window_days: plan.profile.windowDays,
      period: formatUtcDay(plan.frame.end),
      accounts: accounts.length,
      users: users.length,
      benchmark: accounts[0]?.benchmark ?? 0,
    })),
    segments: { entered: changes.entries.length, left: changes.exits.length },
    signals,
  };
}
